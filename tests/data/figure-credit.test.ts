import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSourceCredits, creditPhrase, readSourceCredits } from "../../src/data/citing/source-credits";
import { numberRuns } from "../../src/figures/figure-credit";
import { loadAllDatasets } from "../../src/data/versions/load-dataset";

const at = (...numbers: number[]) => numbers.map((number) => ({ number, anchor: `source-${number}` }));

describe("the one-line credit under a chart", () => {
  it("writes source numbers as runs, linked to each run's first entry: 1, 2, 5–8, 11", () => {
    const runs = numberRuns(at(8, 1, 6, 2, 5, 7, 11));
    expect(runs.map((r) => (r.first === r.last ? `${r.first}` : `${r.first}–${r.last}`)).join(", ")).toBe("1, 2, 5–8, 11");
    expect(runs.map((r) => r.anchor)).toEqual(["source-1", "source-2", "source-5", "source-11"]);
    expect(numberRuns([])).toEqual([]);
  });

  it("names official sources once each and counts the press by kind", () => {
    const credits = readSourceCredits();
    expect(creditPhrase(["P1", "P2", "S2", "S3", "S4", "S5"], credits)).toBe("the Rescue and Response assessment, City Hall and four news reports");
    // City Hall's press release and blog are one name; a trade magazine is not a news report.
    expect(creditPhrase(["P2", "P4", "S1", "S22"], credits)).toBe("City Hall, a news report and a trade publication");
    expect(() => creditPhrase(["S99"], credits)).toThrow('source "S99" has no entry in data/sources.json');
  });

  it("every source a dataset version declares has a kind and a credit name in data/sources.json", () => {
    const versions = loadAllDatasets();
    const declared = new Set(versions.flatMap((d) => d.meta.sources.map((s) => s.id)));
    expect(declared.size).toBeGreaterThan(20);
    const credits = readSourceCredits();
    expect([...declared].filter((id) => !credits.has(id))).toEqual([]);
  });

  it("a source missing from data/sources.json stops the data checks with the file and the entry to add", () => {
    const root = mkdtempSync(join(tmpdir(), "cl-credits-"));
    try {
      cpSync("data", join(root, "data"), { recursive: true });
      const file = join(root, "data/sources.json");
      const json = JSON.parse(readFileSync(file, "utf8")) as { sources: Record<string, unknown> };
      delete json.sources.S9;
      writeFileSync(file, JSON.stringify(json, null, 2));
      expect(() => checkSourceCredits(loadAllDatasets(), root)).toThrow(
        /^data\/sources\.json: no entry for source "S9", which data\/rescue-and-response\/2019-09-18\/meta\.json declares: add "S9": \{ "kind": "news", "credit": "…" \}/,
      );
      // A kind that does not exist is named at its line and column (a fresh root: credits are read once per root).
      const other = join(root, "other");
      cpSync(join(root, "data"), join(other, "data"), { recursive: true });
      writeFileSync(join(other, "data/sources.json"), '{\n  "about": "x",\n  "sources": { "S1": { "kind": "blog", "credit": "BBC News" } }\n}\n');
      expect(() => readSourceCredits(other)).toThrow(
        /^data\/sources\.json:3:\d+: sources\.S1\.kind: expected one of "official", "map", "news", "trade", "charity"/,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
