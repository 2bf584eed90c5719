import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkAll, diffLines, main, newVersion, sealVersion } from "../../scripts/data";
import { CHANGES_PLACEHOLDER } from "../../src/data/versions/draft-checks";
import { sha256 } from "../../src/data/files/sha256";
import { readSeals } from "../../src/data/files/seals";
import { hermeticEnv } from "../support/build-site";
import { copyProject } from "../../scripts/lib/project-copy";

const project = copyProject();
const root = project.root;
afterAll(project.remove);
const folder = (v: string) => join(root, "data/national", v);

describe("npm run data: new, seal, check and diff, as a data editor uses them", () => {
  it("new: copies the latest version into a draft, dated, with a changes placeholder, and says what to do next", () => {
    const lines = newVersion("national", "2019-01-30-c3", { today: "2026-12-02" }, root);
    expect(lines[0]).toBe("Created data/national/2019-01-30-c3/, a draft copied from 2019-01-30-c2. It is not published until you seal it.");
    expect(lines.slice(2, 6)).toEqual([
      'Its NOTES.md has a new "## Corrections in this version (2 December 2026)" section, holding a placeholder; what 2019-01-30-c2 corrected is kept below it, under "## Corrections in version 2019-01-30-c2 (2 December 2026)".',
      "Next:",
      "  1. Edit the CSV files and NOTES.md in data/national/2019-01-30-c3/ (see data/README.md).",
      '  2. Replace the two placeholders: in its meta.json, the "changes" text (what changed since 2019-01-30-c2, and why); in its NOTES.md, the TODO line under "Corrections in this version" (what was wrong in version 2019-01-30-c2, what is right, and why).',
    ]);
    expect(lines).toContain("  5. npm run data -- seal national/2019-01-30-c3");
    const meta = JSON.parse(readFileSync(join(folder("2019-01-30-c3"), "meta.json"), "utf8")) as { version: string; published: string; changes: string };
    expect([meta.version, meta.published, meta.changes]).toEqual(["2019-01-30-c3", "2026-12-02", CHANGES_PLACEHOLDER]);
    expect(readFileSync(join(folder("2019-01-30-c3"), "headline.csv"))).toEqual(readFileSync(join(folder("2019-01-30-c2"), "headline.csv")));
  });

  it("new: refuses a bad name, an existing folder and an unknown dataset, naming the fix", () => {
    expect(() => newVersion("national", "2019-1-30", { today: "2026-12-02" }, root)).toThrow(
      '"2019-1-30" is not a version name: use the release date, YYYY-MM-DD, or for a correction the corrected version plus -c1, -c2… (e.g. 2019-09-18-c1)',
    );
    expect(() => newVersion("national", "2019-01-30", { today: "2026-12-02" }, root)).toThrow("data/national/2019-01-30/ already exists");
    expect(() => newVersion("nationl", "2019-01-31", { today: "2026-12-02" }, root)).toThrow(
      'no dataset "nationl"; datasets: london-boroughs, national, police-force-areas, programme-outcomes, rescue-and-response',
    );
  });

  it("check: a draft being edited passes the build's checks without hand-written checksums, and check lists what seal would still refuse", () => {
    const csv = join(folder("2019-01-30-c3"), "headline.csv");
    writeFileSync(csv, readFileSync(csv, "utf8").replace(",2000,,about,", ",2001,,about,"));
    // A figure must be stated in the words we hold: a correction brings the words that state the new one.
    const sources = join(root, "data/sources.json");
    expect(readFileSync(sources, "utf8")).toContain("to around 2,000.");
    writeFileSync(sources, readFileSync(sources, "utf8").replace("to around 2,000.", "to around 2,000 (2,001 in the corrected table)."));
    const errors: string[] = [];
    const code = main(
      ["check"],
      "2026-12-02",
      () => undefined,
      (m) => errors.push(m),
      root,
    );
    expect({ code, errors: errors.join("\n") }).toEqual({
      code: 1,
      errors: [
        'Problem: data/national/2019-01-30-c3/meta.json:145:15: "changes" still holds the placeholder; say what changed and why before sealing',
        'Problem: data/national/2019-01-30-c3/NOTES.md:5:1: "Corrections in this version (2 December 2026)" still holds the placeholder: in place of the TODO line, say what was wrong in version 2019-01-30-c2, what is right, and why',
        "The build's checks pass (npm run dev previews the drafts), but seal refuses a draft while any of these is so. check only reads the data and the stories: it changed no file. Fix them and run npm run data -- check again.",
      ].join("\n"),
    });
    const notes = join(folder("2019-01-30-c3"), "NOTES.md");
    writeFileSync(notes, readFileSync(notes, "utf8").replace(/^TODO: .*$/m, "A test correction: the 2018 deal line count is 2,001, not 2,000."));
    expect(() => checkAll(root)).toThrow(
      /^data\/national\/2019-01-30-c3\/meta\.json:145:15: "changes" still holds the placeholder; say what changed and why before sealing$/,
    );
  });

  it("check: a mistake in the draft is reported with the build's own file:line:column message", () => {
    const csv = join(folder("2019-01-30-c3"), "headline.csv");
    const good = readFileSync(csv, "utf8");
    writeFileSync(csv, good.replace(",2001,,about,", ",2OO1,,about,"));
    try {
      expect(() => checkAll(root)).toThrow(/^data\/national\/2019-01-30-c3\/headline\.csv:5:3: column "value": expected a number/);
    } finally {
      writeFileSync(csv, good);
    }
  });

  it("diff: prints the rows whose values changed", () => {
    expect(diffLines("national", "2019-01-30-c2", "2019-01-30-c3", root)).toEqual([
      "national 2019-01-30-c2 → 2019-01-30-c3: 1 changed, 0 added, 0 removed, 12 unchanged.",
      "  changed  headline/deal-lines-2018 (Deal line numbers in operation across the UK (NCA 2018)): value 2000 (about) → 2001 (about)",
    ]);
  });

  it("seal: refuses while changes is the placeholder, then writes checksums, checks and records the version", () => {
    expect(() => sealVersion("national/2019-01-30-c3", root)).toThrow(
      'data/national/2019-01-30-c3/meta.json:145:15: "changes" still holds the placeholder; say what changed and why before sealing',
    );
    const metaPath = join(folder("2019-01-30-c3"), "meta.json");
    const meta = JSON.parse(readFileSync(metaPath, "utf8")) as { changes: string; files: { name: string; sha256: string }[] };
    meta.changes = "A test correction of the 2018 deal line count.";
    writeFileSync(metaPath, `${JSON.stringify(meta, null, 2)}\n`);
    expect(checkAll(root)).toEqual([
      "All 15 dataset versions, the current versions in data/current.json and every story's frontmatter pass the build's checks.",
      "Drafts, not yet published (the test suite refuses unsealed versions):",
      "  national/2019-01-30-c3: npm run data -- seal national/2019-01-30-c3",
    ]);
    expect(sealVersion("national/2019-01-30-c3", root)).toEqual([
      "Checked data/national/2019-01-30-c3/: every file and row is valid.",
      "Wrote the sha256 of headline.csv into its meta.json.",
      "Sealed it in data/published-versions.json: the version is published, and the build now refuses any change to its files.",
      "Next: commit the folder and data/published-versions.json together. Then pin the version in the stories that should show it, or make it the site's current one: npm run data -- publish national 2019-01-30-c3",
    ]);
    const written = JSON.parse(readFileSync(metaPath, "utf8")) as typeof meta;
    expect(written.files[0]!.sha256).toBe(sha256(readFileSync(join(folder("2019-01-30-c3"), "headline.csv"))));
    expect(readSeals(root)["national/2019-01-30-c3"]!["meta.json"]).toBe(sha256(readFileSync(metaPath)));
    expect(() => sealVersion("national/2019-01-30-c3", root)).toThrow(
      "data/national/2019-01-30-c3/ is already published (in data/published-versions.json); a published version never changes: start a new one with npm run data -- new national <version>",
    );
  });

  it("runs as npm run data: usage on a mistake with exit code 1, a result with 0", () => {
    const errors: string[] = [];
    expect(
      main(
        ["seal"],
        "2026-12-02",
        () => undefined,
        (m) => errors.push(m),
      ),
    ).toBe(1);
    expect(errors[0]).toMatch(/^seal takes <dataset>\/<version>\n\nUsage: npm run data -- <command>/);
    const out = execFileSync(process.execPath, ["--import", "tsx", "scripts/data.ts", "diff", "national", "2019-01-30", "2019-01-30-c1"], {
      cwd: root,
      env: hermeticEnv(),
      encoding: "utf8",
    });
    expect(out.split("\n")[0]).toBe("national 2019-01-30 → 2019-01-30-c1: 1 changed, 0 added, 0 removed, 12 unchanged.");
    expect(existsSync(join(root, "data/published-versions.json"))).toBe(true);
  });
});
