import { rmSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkAll, main, newVersion, publishVersion, sealVersion, withdrawVersion } from "../../scripts/data";
import { readSeals } from "../../src/data/files/seals";
import { readCurrentVersions } from "../../src/data/versions/current-versions";
import { loadAllDatasets } from "../../src/data/versions/load-dataset";
import { copyProject } from "../../scripts/lib/project-copy";

const project = copyProject();
const root = project.root;
afterAll(project.remove);
const currentPath = join(root, "data/current.json");
/**
 * The current versions these tests start from, written into the copy: fixed here, so that a data
 * editor publishing another version in the real project (a change to its data/current.json) breaks
 * none of them. Every version named is sealed, and sealed versions are never removed while in use.
 */
const CURRENT_BEFORE = `{
  "london-boroughs": "2018-04-01",
  "national": "2019-01-30-c2",
  "police-force-areas": "2018-04-01",
  "programme-outcomes": "2022-07-27-c2",
  "rescue-and-response": "2020-09-30-c2"
}
`;
writeFileSync(currentPath, CURRENT_BEFORE);
const read = (path: string) => readFileSync(path, "utf8");

/** The check's own message for a passage naming a row that no version holds, at the row's line in data/sources.json. */
const WITHDRAW_BLOCKED_BY_PASSAGE = 'data/sources.json:254:5: source "P10", passage "lines": no data row "national/deal-lines-2018-copy" in any version';

/** Replaces the placeholders new wrote in a draft of national (in `root`): its changes text, and what it corrects in NOTES.md. */
function fillIn(version: string, changes: string, projectRoot = root): void {
  const metaPath = join(projectRoot, "data/national", version, "meta.json");
  writeFileSync(metaPath, read(metaPath).replace(/"changes": ".*"/, `"changes": "${changes}"`));
  const notesPath = join(projectRoot, "data/national", version, "NOTES.md");
  writeFileSync(notesPath, read(notesPath).replace(/^TODO: .*$/m, `What ${version} corrects, for a test: ${changes}`));
}

/** Makes and seals national/<version>, a copy of 2019-01-30-c2 with a changes text. */
function sealedCopy(version: string): void {
  newVersion("national", version, { from: "2019-01-30-c2", today: "2026-12-02" }, root);
  fillIn(version, "A test version, the same figures as 2019-01-30-c2.");
  sealVersion(`national/${version}`, root);
}

/** What `main` prints to standard error for one command line on the copy, and its exit code. */
function run(argv: string[]): { code: number; errors: string } {
  const errors: string[] = [];
  const code = main(
    argv,
    "2026-12-02",
    () => undefined,
    (m) => errors.push(m),
    root,
  );
  return { code, errors: errors.join("\n") };
}

describe("seal's refusals are problems, not usage mistakes", () => {
  it("the placeholders new wrote: one Problem line each and what was left as it was, without the usage text", () => {
    expect(run(["new", "national", "2019-01-30-c9"]).code).toBe(0);
    try {
      expect(run(["seal", "national/2019-01-30-c9"])).toEqual({
        code: 1,
        errors: [
          'Problem: data/national/2019-01-30-c9/meta.json:145:15: "changes" still holds the placeholder; say what changed and why before sealing',
          'Problem: data/national/2019-01-30-c9/NOTES.md:5:1: "Corrections in this version (2 December 2026)" still holds the placeholder: in place of the TODO line, say what was wrong in version 2019-01-30-c8, what is right, and why',
          "The version was not sealed: data/published-versions.json is unchanged. Fix them and run the command again.",
        ].join("\n"),
      });
    } finally {
      rmSync(join(root, "data/national/2019-01-30-c9"), { recursive: true });
    }
  });
});

describe("data/current.json: the current version of each dataset, declared as data", () => {
  it("holds the current versions the checks read", () => {
    expect(readCurrentVersions(root)).toEqual(JSON.parse(CURRENT_BEFORE));
  });

  it.each([
    [
      "an unknown dataset",
      (t: string) => t.replace('"national"', '"nationl"'),
      'data/current.json:3:3: "nationl" is not a dataset; the datasets are: rescue-and-response, national, programme-outcomes, police-force-areas, london-boroughs',
    ],
    [
      "a version with no folder",
      (t: string) => t.replace('"2019-01-30-c2"', '"2019-01-30-c9"'),
      'data/current.json:3:3: "national": there is no version "2019-01-30-c9"; name one of its folders: 2019-01-30, 2019-01-30-c1, 2019-01-30-c2 (npm run data -- publish national <version>)',
    ],
    [
      "a dataset left out",
      (t: string) => t.replace('  "national": "2019-01-30-c2",\n', ""),
      'data/current.json:1:1: "national" is missing: name the version of national the site shows (npm run data -- publish national <version>)',
    ],
    [
      "broken JSON",
      (t: string) => t.replace('"2019-01-30-c2",', '"2019-01-30-c2"'),
      "data/current.json:4:3: not valid JSON: Missing , between flow map items; check the commas and quotes",
    ],
  ])("refuses %s at its line and column, in the build's own check", (_case, edit, message) => {
    writeFileSync(currentPath, edit(CURRENT_BEFORE));
    try {
      expect(() => loadAllDatasets(root)).toThrow(message);
      expect(() => checkAll(root)).toThrow(message);
    } finally {
      writeFileSync(currentPath, CURRENT_BEFORE);
    }
  });
});

describe("npm run data -- publish <dataset> <version>", () => {
  it("refuses a draft, naming the seal command, and changes nothing", () => {
    newVersion("national", "2019-01-30-c3", { from: "2019-01-30-c2", today: "2026-12-02" }, root);
    expect(() => publishVersion(["national", "2019-01-30-c3"], root)).toThrow(
      "data/national/2019-01-30-c3/ is a draft: seal it first (npm run data -- seal national/2019-01-30-c3); only a published version can be the site's current one",
    );
    expect(read(currentPath)).toBe(CURRENT_BEFORE);
  });

  it("a draft named by hand in data/current.json stops the check at its line", () => {
    writeFileSync(currentPath, CURRENT_BEFORE.replace('"2019-01-30-c2"', '"2019-01-30-c3"'));
    try {
      expect(() => checkAll(root)).toThrow(
        'data/current.json:3:3: "national": 2019-01-30-c3 is a draft, not yet published; seal it first (npm run data -- seal national/2019-01-30-c3), then publish it',
      );
    } finally {
      writeFileSync(currentPath, CURRENT_BEFORE);
    }
  });

  it("makes a sealed version current with a one-line change to data/current.json, and says what follows", () => {
    fillIn("2019-01-30-c3", "A test version, the same figures as 2019-01-30-c2.");
    sealVersion("national/2019-01-30-c3", root);
    expect(publishVersion(["national", "2019-01-30-c3"], root)).toEqual([
      "data/current.json now names 2019-01-30-c3 as the site's current version of national (it was 2019-01-30-c2); the build's checks pass.",
      "The Data page marks it current, and stories that do not pin national under data: show its figures.",
      "Next, before you commit data/current.json:",
      "  1. npm run proof         checks every story's text against the newly current data, without building (seconds)",
      "  2. npm run test:charts   runs only the chart snapshot tests (under a minute): a chart that now draws differently fails, and its new drawing is written beside the reviewed one as tests/snapshots/<chart>-changed.svg; open the two side by side",
      "  3. If every change is right, npm run test:update rewrites those snapshots: commit them with data/current.json. If not, go back: npm run data -- publish national 2019-01-30-c2",
    ]);
    expect(read(currentPath)).toBe(CURRENT_BEFORE.replace('"2019-01-30-c2"', '"2019-01-30-c3"'));
    expect(publishVersion(["national/2019-01-30-c3"], root)).toEqual([
      "national 2019-01-30-c3 is already the site's current version: data/current.json is unchanged.",
    ]);
  });

  it("the commands it prints run what they say: proof, and the chart tests, which hold every snapshot of the suite", () => {
    const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;
    expect(scripts.proof).toBe("tsx scripts/proof.ts");
    expect(scripts["test:charts"]).toBe("TZ=UTC vitest run --project unit tests/charts");
    expect(scripts["test:update"]).toBe(`${scripts["test:charts"]} -u`);
    // A test file elsewhere that compares a snapshot would be missed by both: none may exist.
    const snapshotting = readdirSync("tests", { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".ts") && !file.startsWith("support/"))
      .filter((file) => /\b(?:expectSvgSnapshot|chartContract|toMatch(?:File|Inline)?Snapshot)\(/.test(read(join("tests", file))));
    expect(snapshotting.length).toBeGreaterThan(0);
    expect(snapshotting.filter((file) => !file.startsWith("charts/"))).toEqual([]);
  });

  it("refuses an unknown dataset or version with the list to choose from", () => {
    expect(() => publishVersion(["national", "2019-01-31"], root)).toThrow(
      "no folder data/national/2019-01-31/; versions of national: 2019-01-30, 2019-01-30-c1, 2019-01-30-c2, 2019-01-30-c3",
    );
    expect(() => publishVersion(["national"], root)).toThrow('publish takes <dataset> <version>, e.g. publish national 2019-01-30-c2 (got "national")');
  });
});

describe("npm run data -- withdraw <dataset> <version>", () => {
  it("refuses a version in use, naming each user at its line, and changes nothing", () => {
    expect(() => withdrawVersion(["national", "2019-01-30-c3"], root)).toThrow(
      [
        "national/2019-01-30-c3 is in use, so it cannot be withdrawn:",
        "  data/current.json:3:3: names it as the site's current version of national",
        "Withdraw only a version nothing uses. To change what a version in use says, seal a correction instead (npm run data -- new; see data/README.md).",
      ].join("\n"),
    );
    expect(() => withdrawVersion(["rescue-and-response", "2019-09-18-c1"], root)).toThrow(
      [
        "rescue-and-response/2019-09-18-c1 is in use, so it cannot be withdrawn:",
        "  content/stories/county-lines-london.mdx:9:3: pins it under data:",
        "  content/stories/getting-out.mdx:7:3: pins it under data:",
        "  content/stories/what-changed-in-year-two.mdx:11:3: compares with it under compare:",
        "  content/stories/who-is-drawn-in.mdx:9:3: pins it under data:",
        "  src/charts/year-two-changes.ts:11:23: the chart year-two-changes compares it",
        "  src/charts/year-two-total.ts:7:23: the chart year-two-total compares it",
        "  data/rescue-and-response/2019-09-18-c2/: corrects it (a correction links back to the version it corrects)",
        "Withdraw only a version nothing uses. To change what a version in use says, seal a correction instead (npm run data -- new; see data/README.md).",
      ].join("\n"),
    );
    expect(existsSync(join(root, "data/national/2019-01-30-c3"))).toBe(true);
    expect(readSeals(root)["national/2019-01-30-c3"]).toBeDefined();
  });

  it("refuses a version that stories pin, at each pin's line", () => {
    expect(() => withdrawVersion(["national/2019-01-30-c1"], root)).toThrow(
      [
        "national/2019-01-30-c1 is in use, so it cannot be withdrawn:",
        "  content/stories/county-lines-london.mdx:10:3: pins it under data:",
        "  content/stories/who-is-drawn-in.mdx:10:3: pins it under data:",
        "  data/national/2019-01-30-c2/: corrects it (a correction links back to the version it corrects)",
        "  data/national/2019-01-30-c3/: corrects it (a correction links back to the version it corrects)",
        "Withdraw only a version nothing uses. To change what a version in use says, seal a correction instead (npm run data -- new; see data/README.md).",
      ].join("\n"),
    );
  });

  it("removes an unused sealed version, folder and record, and the checks pass without it", () => {
    sealedCopy("2019-01-30-c4");
    expect(withdrawVersion(["national", "2019-01-30-c4"], root)).toEqual([
      "Withdrew national/2019-01-30-c4: removed data/national/2019-01-30-c4/ and its record in data/published-versions.json; the build's checks pass without it.",
      "Next: commit the removal (git add -A data/national data/published-versions.json), saying why it was withdrawn.",
    ]);
    expect(existsSync(join(root, "data/national/2019-01-30-c4"))).toBe(false);
    expect(Object.keys(readSeals(root)).filter((key) => key.startsWith("national/"))).toEqual([
      "national/2019-01-30",
      "national/2019-01-30-c1",
      "national/2019-01-30-c2",
      "national/2019-01-30-c3",
    ]);
    expect(checkAll(root)[0]).toBe("All 15 dataset versions, the current versions in data/current.json and every story's frontmatter pass the build's checks.");
  });

  it("after publishing the earlier version again, withdraws the one it replaced", () => {
    publishVersion(["national", "2019-01-30-c2"], root);
    expect(read(currentPath)).toBe(CURRENT_BEFORE);
    withdrawVersion(["national/2019-01-30-c3"], root);
    expect(existsSync(join(root, "data/national/2019-01-30-c3"))).toBe(false);
    expect(checkAll(root)[0]).toBe("All 14 dataset versions, the current versions in data/current.json and every story's frontmatter pass the build's checks.");
  });
});

describe("npm run data -- withdraw, when the rest of the project needs the version", () => {
  // A copy of its own: data/sources.json is read once per project folder in a process, and this test edits it first.
  const other = copyProject();
  afterAll(other.remove);
  const root = other.root;

  it("puts the folder and its record back when the checks fail without it, and names the problem", () => {
    // A row that only this version has, which a passage in data/sources.json supports.
    newVersion("national", "2019-01-30-c5", { from: "2019-01-30-c2", today: "2026-12-02" }, root);
    const csv = join(root, "data/national/2019-01-30-c5/headline.csv");
    writeFileSync(csv, `${read(csv)}deal-lines-2018-copy,A copy of the 2018 deal line count,2000,,about,lines,nca-2018,primary,P10,\n`);
    const sourcesPath = join(root, "data/sources.json");
    const sources = read(sourcesPath);
    writeFileSync(sourcesPath, sources.replace('"national/deal-lines-2018"\n', '"national/deal-lines-2018",\n            "national/deal-lines-2018-copy"\n'));
    fillIn("2019-01-30-c5", "A test version with one more row.", root);
    sealVersion("national/2019-01-30-c5", root);
    const sealed = readSeals(root)["national/2019-01-30-c5"];
    expect(() => withdrawVersion(["national", "2019-01-30-c5"], root)).toThrow(WITHDRAW_BLOCKED_BY_PASSAGE);
    expect(readSeals(root)["national/2019-01-30-c5"]).toEqual(sealed);
    expect(read(csv)).toContain("deal-lines-2018-copy,");
    expect(checkAll(root)[0]).toBe("All 15 dataset versions, the current versions in data/current.json and every story's frontmatter pass the build's checks.");
  });
});

describe("what a failed command says it did", () => {
  it("check says that it checked and changed nothing, not that nothing was sealed", () => {
    writeFileSync(currentPath, CURRENT_BEFORE.replace('"national"', '"nationl"'));
    try {
      expect(run(["check"])).toEqual({
        code: 1,
        errors: [
          'Problem: data/current.json:3:3: "nationl" is not a dataset; the datasets are: rescue-and-response, national, programme-outcomes, police-force-areas, london-boroughs',
          "That is the first problem the build's checks found. check only reads the data and the stories: it changed no file. Fix it and run npm run data -- check again.",
        ].join("\n"),
      });
    } finally {
      writeFileSync(currentPath, CURRENT_BEFORE);
    }
  });

  it("withdraw and diff say what they left as it was", () => {
    expect(run(["withdraw", "national", "2019-01-30-c2"]).errors.split("\n").at(-1)).toBe(
      "Nothing was withdrawn: the version's folder and its record are as they were.",
    );
    expect(run(["diff", "national", "2019-01-30", "2019-01-31"]).errors).toBe(
      [
        'Problem: data/national: no version "2019-01-31" of national; available: 2019-01-30, 2019-01-30-c1, 2019-01-30-c2',
        "diff only reads the two versions: it changed no file. Fix it and run the command again.",
      ].join("\n"),
    );
  });
});
