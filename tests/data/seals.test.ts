import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data/versions/load-dataset";
import { listDatasets, listVersions } from "../../src/data/versions/list-versions";
import { sha256 } from "../../src/data/files/sha256";
import { readSeals } from "../../src/data/files/seals";

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
/** A throwaway copy of data/, so a test can break a published file. */
function dataCopy(): string {
  const root = mkdtempSync(join(tmpdir(), "cl-seals-"));
  roots.push(root);
  cpSync("data", join(root, "data"), { recursive: true });
  return root;
}
const R1 = "rescue-and-response/2019-09-18";

describe("the record of published bytes (data/published-versions.json)", () => {
  it("seals every version folder in data/: a draft cannot be merged", () => {
    const folders = listDatasets().flatMap((d) => listVersions(d).map((v) => `${d}/${v}`));
    expect(folders.length).toBeGreaterThanOrEqual(10);
    expect(Object.keys(readSeals(process.cwd())).sort()).toEqual(folders.sort());
  });

  it("records the sha256 of every file of every sealed version, meta.json and NOTES.md included, and they match", () => {
    for (const [key, files] of Object.entries(readSeals(process.cwd()))) {
      const names = readdirSync(`data/${key}`).sort();
      expect(Object.keys(files).sort(), key).toEqual(names);
      expect(names).toEqual(expect.arrayContaining(["meta.json", "NOTES.md"]));
      for (const name of names) expect(files[name], `${key}/${name}`).toBe(sha256(readFileSync(`data/${key}/${name}`)));
    }
  });

  it("keeps the bytes first published in 2019: Year 1's destinations as first recorded", () => {
    // Recorded by hand when Year 1 was published (the earlier published-versions test held it).
    expect(readSeals(process.cwd())[R1]!["destinations.csv"]).toBe("fd4949c306f5d957e273b3218d2b54e312666a82a8c2d9a9c796a7adeb36f1fa");
  });

  it("refuses a sealed version whose file changed, even with its meta.json checksum updated too", () => {
    const root = dataCopy();
    const csv = join(root, "data", R1, "towns.csv");
    const meta = join(root, "data", R1, "meta.json");
    const before = readFileSync(csv);
    const after = Buffer.from(before.toString().replace(",36,", ",37,"));
    expect(after.equals(before)).toBe(false);
    writeFileSync(csv, after);
    writeFileSync(meta, readFileSync(meta, "utf8").replace(sha256(before), sha256(after)));
    const sealed = readSeals(process.cwd())[R1]!["meta.json"];
    expect(() => loadDataset("rescue-and-response", "2019-09-18", root)).toThrow(
      `data/${R1}/meta.json: this version was published (sealed in data/published-versions.json) and this file has changed since: sha256 ${sha256(readFileSync(meta))}, sealed ${sealed}. A published version never changes: put the correction in a new version (npm run data -- new rescue-and-response <version>; see data/README.md)`,
    );
  });
});
