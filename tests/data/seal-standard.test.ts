import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkAll, newVersion, sealVersion } from "../../scripts/data";
import { hermeticEnv } from "../support/build-site";
import { copyProject } from "../../scripts/lib/project-copy";

// Issue 24, point 6: seal keeps the editorial standard (no trend words in `changes`, NOTES.md headed
// with its own version) and new starts a draft with the right heading. All on a throwaway copy.
const project = copyProject("cl-seal-standard-");
const root = project.root;
afterAll(project.remove);
const folder = (v: string) => join(root, "data/national", v);
const read = (path: string) => readFileSync(path, "utf8");
const metaPath = join(folder("2019-01-30-c3"), "meta.json");
const notesPath = join(folder("2019-01-30-c3"), "NOTES.md");
const sealsPath = join(root, "data/published-versions.json");

/** Writes a `changes` text into the draft's meta.json as the tool writes meta.json (line 145; the text's first character is at column 15, after `  "changes": "`). */
function setChanges(changes: string, version = "2019-01-30-c3"): void {
  const path = join(folder(version), "meta.json");
  const meta = JSON.parse(read(path)) as { changes: string };
  meta.changes = changes;
  writeFileSync(path, `${JSON.stringify(meta, null, 2)}\n`);
}

/** How `npm run data -- seal` of the draft ended, run as an editor runs it. */
type Failure = { status?: number; stderr?: string };
function sealByCommand(): Failure {
  try {
    execFileSync(process.execPath, ["--import", "tsx", "scripts/data.ts", "seal", "national/2019-01-30-c3"], {
      cwd: root,
      env: hermeticEnv(),
      encoding: "utf8",
      stdio: "pipe",
    });
    return { status: 0 };
  } catch (error) {
    return error as Failure;
  }
}

const FIX =
  "say what each version holds, side by side, without a direction of change (two counts over windows of different length, or from different sources, are not a trend)";

describe("npm run data keeps the standard: no trend words in changes, NOTES.md headed with its own version", () => {
  it("new: the copied NOTES.md's heading names the new version; the notes below it are copied, with 2019-01-30-c2's corrections under its own name", () => {
    const lines = newVersion("national", "2019-01-30-c3", { today: "2026-12-02" }, root);
    expect(lines[1]).toBe("Its NOTES.md heading now names 2019-01-30-c3: # National figures (version 2019-01-30-c3)");
    const [heading, ...rest] = read(notesPath).split("\n");
    const [oldHeading, ...oldRest] = read(join(folder("2019-01-30-c2"), "NOTES.md")).split("\n");
    expect(oldHeading).toBe("# National figures (version 2019-01-30-c2)");
    expect(heading).toBe("# National figures (version 2019-01-30-c3)");
    // Only the new correction's section (and the naming of 2019-01-30-c2's) tell them apart: see notes-corrections.test.ts.
    expect(rest.slice(4).filter((line, i) => line !== oldRest[i])).toEqual([
      "## Corrections in version 2019-01-30-c2 (2 December 2026)",
      "Version 2019-01-30-c2 corrected the wording of version 2019-01-30-c1, which stays published unchanged. No value,",
    ]);
    // The rest of the tests here are about the words in changes and the heading: say what this version corrects.
    writeFileSync(notesPath, read(notesPath).replace(/^TODO: .*$/m, "A test correction."));
  });

  it('seal: refuses "fell from 88 to 87 percent", at its line and column in meta.json, writing nothing', () => {
    setChanges("The rate fell from 88 to 87 percent.");
    const before = [read(metaPath), read(sealsPath)];
    expect(() => sealVersion("national/2019-01-30-c3", root)).toThrow(
      `data/national/2019-01-30-c3/meta.json:145:24: "changes" uses the trend word "fell": ${FIX}`,
    );
    expect([read(metaPath), read(sealsPath)]).toEqual(before);
  });

  it.each([
    ["Hampshire rose to first place.", "rose", 25],
    ["Referrals Rose in Year 2.", "Rose", 25],
    ["Hampshire overtook Norfolk.", "overtook", 25],
    ["The count more than doubled.", "doubled", 35],
    ["Year 2 holds 3,290, down from 4,013.", "down from", 35],
    ["Year 2 replaced Year 1 as the count to cite.", "replaced", 22],
    ["An increase of 5 percent.", "increase", 18],
    ['The "top town" Brighton climbed.', "climbed", 41], // two escaped quotes before it in the file
  ])("seal: refuses %j, naming %j", (changes, word, column) => {
    setChanges(changes);
    expect(() => sealVersion("national/2019-01-30-c3", root)).toThrow(
      `data/national/2019-01-30-c3/meta.json:145:${column}: "changes" uses the trend word "${word}": ${FIX}`,
    );
  });

  it("seal: names the first trend word's place and every other one after it", () => {
    setChanges("Referrals rose, Norfolk fell from first, and the total went down from 4,013.");
    expect(() => sealVersion("national/2019-01-30-c3", root)).toThrow(
      `data/national/2019-01-30-c3/meta.json:145:25: "changes" uses the trend word "rose" (and after it "fell", "went down"): ${FIX}`,
    );
  });

  it("seal, with several problems: each on its own line, and the closing line says to fix them", () => {
    // A trend word in the changes text, and NOTES.md's correction section left as new wrote it.
    setChanges("The rate fell from 88 to 87 percent.");
    const notes = read(notesPath);
    writeFileSync(notesPath, notes.replace("A test correction.", "TODO: say what was wrong."));
    let failure: Failure;
    try {
      failure = sealByCommand();
    } finally {
      writeFileSync(notesPath, notes);
    }
    expect(failure.status).toBe(1);
    const lines = failure.stderr!.trimEnd().split("\n");
    // Each problem at its place, as check and the build name them (their full wording is tested above and in notes-corrections.test.ts).
    expect(lines.filter((l) => l.startsWith("Problem: ")).map((l) => /^Problem: (\S+?:\d+:\d+): /.exec(l)?.[1])).toEqual([
      "data/national/2019-01-30-c3/meta.json:145:24",
      "data/national/2019-01-30-c3/NOTES.md:5:1",
    ]);
    expect(lines.at(-1)).toBe("The version was not sealed: data/published-versions.json is unchanged. Fix them and run the command again.");
  });

  it("seal, run as npm run data: exit code 1, the problem, and nothing sealed or recorded", () => {
    setChanges("The rate fell from 88 to 87 percent.");
    const before = [read(metaPath), read(sealsPath)];
    const failure = sealByCommand();
    expect(failure.status).toBe(1);
    expect(failure.stderr).toBe(
      `Problem: data/national/2019-01-30-c3/meta.json:145:24: "changes" uses the trend word "fell": ${FIX}\nThe version was not sealed: data/published-versions.json is unchanged. Fix it and run the command again.\n`,
    );
    expect([read(metaPath), read(sealsPath)]).toEqual(before);
  });

  it("seal: refuses a NOTES.md still headed with the version it was copied from, naming both versions", () => {
    setChanges("Year 2 holds 3,290; Year 1 held 4,013, over a longer window.");
    const good = read(notesPath);
    writeFileSync(notesPath, read(join(folder("2019-01-30-c2"), "NOTES.md")));
    const before = [read(metaPath), read(sealsPath)];
    expect(() => sealVersion("national/2019-01-30-c3", root)).toThrow(
      "data/national/2019-01-30-c3/NOTES.md:1:29: the first heading names version 2019-01-30-c2, but this is version 2019-01-30-c3: name 2019-01-30-c3 there, and check that the notes below it describe this version",
    );
    expect([read(metaPath), read(sealsPath)]).toEqual(before);
    writeFileSync(notesPath, good.replace("# National figures (version 2019-01-30-c3)", "# National figures"));
    expect(() => sealVersion("national/2019-01-30-c3", root)).toThrow(
      'data/national/2019-01-30-c3/NOTES.md:1: the first heading names no version: end it with "(version 2019-01-30-c3)", as every NOTES.md does',
    );
    writeFileSync(notesPath, good);
  });

  it("new: rewrites every mention of the copied version on the heading line, and says so when the heading does not name it", () => {
    writeFileSync(notesPath, read(notesPath).replace(/^.*$/m, "# National figures, 2019-01-30-c3 (version 2019-01-30-c3, after 2019-01-30-c1)"));
    try {
      const lines = newVersion("national", "2019-01-30-c4", { from: "2019-01-30-c3", today: "2026-12-02" }, root);
      expect(lines[1]).toBe("Its NOTES.md heading now names 2019-01-30-c4: # National figures, 2019-01-30-c4 (version 2019-01-30-c4, after 2019-01-30-c1)");
      // The other version on the line is not the copied one, so it stays, and seal names it.
      setChanges("A test version.", "2019-01-30-c4");
      expect(() => sealVersion("national/2019-01-30-c4", root)).toThrow(
        "data/national/2019-01-30-c4/NOTES.md:1:65: the first heading names version 2019-01-30-c1, but this is version 2019-01-30-c4: name 2019-01-30-c4 there, and check that the notes below it describe this version",
      );
      rmSync(folder("2019-01-30-c4"), { recursive: true });
      writeFileSync(notesPath, read(notesPath).replace(/^.*$/m, "# National figures"));
      expect(newVersion("national", "2019-01-30-c4", { from: "2019-01-30-c3", today: "2026-12-02" }, root)[1]).toBe(
        "Its NOTES.md heading does not name 2019-01-30-c3, so it was left as it is: make it name 2019-01-30-c4 (seal checks it).",
      );
      expect(read(join(folder("2019-01-30-c4"), "NOTES.md")).split("\n")[0]).toBe("# National figures");
    } finally {
      rmSync(folder("2019-01-30-c4"), { recursive: true, force: true });
      writeFileSync(notesPath, read(notesPath).replace(/^.*$/m, "# National figures (version 2019-01-30-c3)"));
    }
  });

  it("seal: accepts a changes text that sets the versions side by side; every published version still passes the checks", () => {
    setChanges("Year 2 holds 3,290; Year 1 held 4,013, over a longer window.");
    expect(sealVersion("national/2019-01-30-c3", root)[0]).toBe("Checked data/national/2019-01-30-c3/: every file and row is valid.");
    // Published before the check existed, rescue-and-response/2020-09-30 says "down from": it is not checked again.
    expect(read(join(root, "data/rescue-and-response/2020-09-30/meta.json"))).toContain("down from 4,013");
    expect(checkAll(root)).toEqual([
      "All 15 dataset versions, the current versions in data/current.json and every story's frontmatter pass the build's checks.",
      "Every version is sealed.",
    ]);
  });
});
