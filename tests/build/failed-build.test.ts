import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chartIds } from "../../src/charts";
import { sha256 } from "../../src/data/load-dataset";
import { buildSite } from "../support/build-site";
import { copyProject } from "../support/project-copy";

const project = copyProject();
const out = join(project.root, "dist");
const story = join(project.root, "content/stories/county-lines-london.mdx");
const csv = join(project.root, "data/rescue-and-response/2019-09-18/destinations.csv");
const metaFile = join(project.root, "data/rescue-and-response/2019-09-18/meta.json");
/** Every file and folder under `dir`, files with their sha256: a file rewritten in place shows. */
const listing = (dir: string) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .sort()
    .map((f) => (statSync(join(dir, f)).isDirectory() ? `${f}/` : `${f} ${sha256(readFileSync(join(dir, f)))}`));

describe("a failing build", () => {
  afterAll(project.remove);

  it("with a broken CSV cell and no previous build: exits 1, names file, line and column, writes nothing", async () => {
    const original = readFileSync(csv, "utf8");
    const meta = readFileSync(metaFile, "utf8");
    const broken = original.replace("norfolk,E23000024,Norfolk,1,416,", "norfolk,E23000024,Norfolk,1,4l6,");
    writeFileSync(csv, broken);
    writeFileSync(metaFile, meta.replace(sha256(Buffer.from(original)), sha256(Buffer.from(broken)))); // as if in a new, checksummed draft
    const result = await buildSite(out, {}, project.root);
    writeFileSync(csv, original);
    writeFileSync(metaFile, meta);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'Build failed: data/rescue-and-response/2019-09-18/destinations.csv:2:5: column "value": expected a number such as 4013 or 46.5 (got "4l6")',
    );
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(project.root).filter((f) => f.startsWith("dist"))).toEqual([]);
  });

  describe("after a good build", () => {
    let before: string[];
    let page: string;
    beforeAll(async () => {
      expect((await buildSite(out, {}, project.root)).code).toBe(0);
      before = listing(out);
      page = readFileSync(join(out, "stories/county-lines-london/index.html"), "utf8");
    });

    it("with an unknown chart id: exits 1 with the story's file:line:column and the valid ids, and leaves dist/ untouched", async () => {
      expect(chartIds).toContain("destinations");
      const original = readFileSync(story, "utf8");
      writeFileSync(story, original.replace('id="destinations"', 'id="destination"'));
      const result = await buildSite(out, {}, project.root);
      writeFileSync(story, original);
      const line = original.slice(0, original.indexOf('id="destinations"')).split("\n").length - 1;
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `Build failed: content/stories/county-lines-london.mdx:${line}:1: <Chart id="destination">: unknown chart id "destination". Use one of: ${chartIds.join(", ")}`,
      );
      expect(listing(out)).toEqual(before);
      expect(readFileSync(join(out, "stories/county-lines-london/index.html"), "utf8")).toBe(page);
    });

    it("with an edited published file: exits 1 naming the file whose checksum changed", async () => {
      const original = readFileSync(csv, "utf8");
      writeFileSync(csv, original.replace(",47,", ",48,"));
      const result = await buildSite(out, {}, project.root);
      writeFileSync(csv, original);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /Build failed: data\/rescue-and-response\/2019-09-18\/destinations\.csv: checksum mismatch: meta\.json records sha256 [0-9a-f]{64} but the file's is [0-9a-f]{64}/,
      );
      expect(listing(out)).toEqual(before);
    });
  });
});
