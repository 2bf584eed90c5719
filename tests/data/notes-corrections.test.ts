import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkAll, newVersion, sealVersion } from "../../scripts/data";
import { CHANGES_PLACEHOLDER, draftProblems } from "../../src/data/versions/draft-checks";
import { listDatasets, listVersions } from "../../src/data/versions/list-versions";
import { copyProject } from "../../scripts/lib/project-copy";

// A correction's NOTES.md says what it corrects ("Corrections in this version"). A draft copied from a
// correction must not be sealed repeating what that version corrected, or the placeholder new writes.
// All on a throwaway copy.
const project = copyProject("cl-notes-corrections-");
const root = project.root;
afterAll(project.remove);
const folder = (dataset: string, version: string) => join(root, "data", dataset, version);
const read = (path: string) => readFileSync(path, "utf8");
const notesOf = (dataset: string, version: string) => join(folder(dataset, version), "NOTES.md");
const sealsPath = join(root, "data/published-versions.json");
const C3 = notesOf("national", "2019-01-30-c3");

/** What seal refuses in the draft, and that it wrote nothing: the same problems check lists. */
function refusals(dataset: string, version: string): string[] {
  const problems = draftProblems(root, dataset, version);
  const before = read(sealsPath);
  expect(() => sealVersion(`${dataset}/${version}`, root)).toThrow(problems.join("\nProblem: "));
  expect(() => checkAll(root)).toThrow(problems.join("\nProblem: "));
  expect(read(sealsPath)).toBe(before);
  return problems;
}

const CHANGES_STILL_PLACEHOLDER = (version: string) =>
  `data/national/${version}/meta.json:145:15: "changes" still holds the placeholder; say what changed and why before sealing`;

describe("new: a draft copied from a correction says what that version corrected under its name, and has its own section to fill in", () => {
  it("a correction of a correction: the copied section is named for 2019-01-30-c2, as the published c2 versions name their c1's", () => {
    const lines = newVersion("national", "2019-01-30-c3", { today: "2026-12-02" }, root);
    expect(lines[2]).toBe(
      'Its NOTES.md has a new "## Corrections in this version (2 December 2026)" section, holding a placeholder; what 2019-01-30-c2 corrected is kept below it, under "## Corrections in version 2019-01-30-c2 (2 December 2026)".',
    );
    const copied = read(C3).split("\n");
    expect(copied.slice(0, 9)).toEqual([
      "# National figures (version 2019-01-30-c3)",
      "",
      "## Corrections in this version (2 December 2026)",
      "",
      "TODO: say what was wrong in version 2019-01-30-c2, what is right, and why, one point to a line (check and seal refuse this line).",
      "",
      "## Corrections in version 2019-01-30-c2 (2 December 2026)",
      "",
      "Version 2019-01-30-c2 corrected the wording of version 2019-01-30-c1, which stays published unchanged. No value,",
    ]);
    // Below the new section, everything else is 2019-01-30-c2's NOTES.md as it is.
    expect(copied.slice(9)).toEqual(read(notesOf("national", "2019-01-30-c2")).split("\n").slice(5));
    // The words the published 2019-01-30-c2 uses for its c1's corrections are the ones new writes for them.
    rmSync(folder("national", "2019-01-30-c9"), { recursive: true, force: true });
    newVersion("national", "2019-01-30-c9", { from: "2019-01-30-c1", today: "2026-12-02" }, root);
    const paragraph = (text: string, heading: string) => text.split(`${heading}\n\n`)[1]!.split("\n\n")[0]!.replace(/\s+/g, " ");
    const kept = "## Corrections in version 2019-01-30-c1 (1 December 2026)";
    expect(paragraph(read(notesOf("national", "2019-01-30-c9")), kept)).toBe(paragraph(read(notesOf("national", "2019-01-30-c2")), kept));
    rmSync(folder("national", "2019-01-30-c9"), { recursive: true });
  });

  it("a first correction: a new section under the heading, with the notes' introduction after it, as in every c1", () => {
    const lines = newVersion("police-force-areas", "2018-04-01-c1", { today: "2026-12-02" }, root);
    try {
      expect(lines[2]).toBe('Its NOTES.md has a new "## Corrections in this version (2 December 2026)" section, holding a placeholder.');
      expect(read(notesOf("police-force-areas", "2018-04-01-c1")).split("\n").slice(0, 7)).toEqual([
        "# Police force areas of England and Wales (version 2018-04-01-c1)",
        "",
        "## Corrections in this version (2 December 2026)",
        "",
        "TODO: say what was wrong in version 2018-04-01, what is right, and why, one point to a line (check and seal refuse this line).",
        "",
        "The 43 territorial police force areas as they stood in 2018-19, identified by their GSS codes",
      ]);
    } finally {
      rmSync(folder("police-force-areas", "2018-04-01-c1"), { recursive: true });
    }
  });

  it("a new release copied from a correction: no section to fill in; the copied corrections keep their version's name, and new says so", () => {
    const lines = newVersion("rescue-and-response", "2021-09-30", { today: "2026-12-02", published: "2021-09-30" }, root);
    try {
      expect(lines[2]).toBe(
        'Its NOTES.md keeps what 2020-09-30-c2 corrected under "## Corrections in version 2020-09-30-c2 (2 December 2026)": a new release\'s notes describe its own figures, so keep that only if it still applies.',
      );
      expect(lines[5]).toBe('  2. In its meta.json, replace the "changes" text: what changed since 2020-09-30-c2, and why.');
      const notes = read(notesOf("rescue-and-response", "2021-09-30"));
      expect(notes).not.toContain("Corrections in this version");
      expect(notes.split("\n").slice(2, 5)).toEqual([
        "## Corrections in version 2020-09-30-c2 (2 December 2026)",
        "",
        "Version 2020-09-30-c2 corrected the wording of version 2020-09-30-c1, which stays published unchanged. No value,",
      ]);
      expect(draftProblems(root, "rescue-and-response", "2021-09-30")).toEqual([
        'data/rescue-and-response/2021-09-30/meta.json:131:15: "changes" still holds the placeholder; say what changed and why before sealing',
      ]);
    } finally {
      rmSync(folder("rescue-and-response", "2021-09-30"), { recursive: true });
    }
  });
});

describe("check and seal refuse a correction's NOTES.md that does not say what it corrects, at the line, writing nothing", () => {
  const fresh = () => {
    rmSync(folder("national", "2019-01-30-c3"), { recursive: true, force: true });
    newVersion("national", "2019-01-30-c3", { today: "2026-12-02" }, root);
  };

  it("the placeholder new wrote", () => {
    fresh();
    expect(refusals("national", "2019-01-30-c3")).toEqual([
      CHANGES_STILL_PLACEHOLDER("2019-01-30-c3"),
      'data/national/2019-01-30-c3/NOTES.md:5:1: "Corrections in this version (2 December 2026)" still holds the placeholder: in place of the TODO line, say what was wrong in version 2019-01-30-c2, what is right, and why',
    ]);
  });

  it("a NOTES.md copied whole from the version before (as new made it until now, or a copied folder): what 2019-01-30-c2 corrected, word for word", () => {
    writeFileSync(C3, read(notesOf("national", "2019-01-30-c2")).replace("(version 2019-01-30-c2)", "(version 2019-01-30-c3)"));
    expect(refusals("national", "2019-01-30-c3")).toEqual([
      CHANGES_STILL_PLACEHOLDER("2019-01-30-c3"),
      'data/national/2019-01-30-c3/NOTES.md:5:1: "Corrections in this version (2 December 2026)" repeats word for word what version 2019-01-30-c2 corrected (data/national/2019-01-30-c2/NOTES.md:5), not what this version corrects: say here what was wrong in version 2019-01-30-c2, what is right, and why; what 2019-01-30-c2 corrected belongs under its own heading, "## Corrections in version 2019-01-30-c2 (2 December 2026)"',
    ]);
  });

  it("a new date and opening above 2019-01-30-c2's list, kept: the first item repeated, at its line", () => {
    const c2 = read(notesOf("national", "2019-01-30-c2")).replace("(version 2019-01-30-c2)", "(version 2019-01-30-c3)");
    const [before, after] = c2.split("\n\n- **The glossary**");
    writeFileSync(
      C3,
      `${before!.split("\n").slice(0, 2).join("\n")}\n## Corrections in this version (3 December 2026)\n\nThis version corrects the 2018 deal line count.\n\n- **The glossary**${after}`,
    );
    expect(refusals("national", "2019-01-30-c3")[1]).toBe(
      'data/national/2019-01-30-c3/NOTES.md:7:1: "Corrections in this version (3 December 2026)" repeats word for word what version 2019-01-30-c2 corrected (data/national/2019-01-30-c2/NOTES.md:8), not what this version corrects: say here what was wrong in version 2019-01-30-c2, what is right, and why; what 2019-01-30-c2 corrected belongs under its own heading, "## Corrections in version 2019-01-30-c2 (2 December 2026)"',
    );
  });

  it("no section at all: a correction says what it corrects", () => {
    fresh();
    writeFileSync(C3, read(C3).replace(/## Corrections in this version.*\n\nTODO: .*\n\n/, ""));
    expect(read(C3).split("\n")[2]).toBe("## Corrections in version 2019-01-30-c2 (2 December 2026)");
    expect(refusals("national", "2019-01-30-c3")[1]).toBe(
      'data/national/2019-01-30-c3/NOTES.md:1: version 2019-01-30-c3 is a correction, but its notes have no "## Corrections in this version (2 December 2026)" section: add one under the first heading, saying what was wrong in version 2019-01-30-c2, what is right, and why (see data/README.md)',
    );
  });

  it("accepts its own corrections, with what 2019-01-30-c2 corrected kept under that version's name, and seals", () => {
    fresh();
    writeFileSync(C3, read(C3).replace(/^TODO: .*$/m, "This version corrects the 2018 deal line count: 2,001, not 2,000, as the NCA's release gives it."));
    const meta = join(folder("national", "2019-01-30-c3"), "meta.json");
    writeFileSync(meta, read(meta).replace(JSON.stringify(CHANGES_PLACEHOLDER), JSON.stringify("The 2018 deal line count is corrected.")));
    expect(draftProblems(root, "national", "2019-01-30-c3")).toEqual([]);
    expect(sealVersion("national/2019-01-30-c3", root)[0]).toBe("Checked data/national/2019-01-30-c3/: every file and row is valid.");
  });

  it("accepts the dataset's introduction inside the section, as the c1 versions have it, when the copied corrections are removed", () => {
    // A c3 of rescue-and-response's Year 1 whose editor removed the corrections of c1 and c2 but kept the
    // introduction that followed them: it is in c1's corrections section too, after its list.
    newVersion("rescue-and-response", "2019-09-18-c3", { from: "2019-09-18-c2", today: "2026-12-02" }, root);
    try {
      const path = notesOf("rescue-and-response", "2019-09-18-c3");
      const text = read(path).replace(/^TODO: .*$/m, "This version corrects a test.");
      const from = text.indexOf("## Corrections in version 2019-09-18-c2");
      writeFileSync(path, text.slice(0, from) + text.slice(text.indexOf("Figures from the first strategic assessment")));
      expect(read(path).split("\n").slice(2, 7)).toEqual([
        "## Corrections in this version (2 December 2026)",
        "",
        "This version corrects a test.",
        "",
        "Figures from the first strategic assessment of London's Rescue and Response (R&R) county lines project,",
      ]);
      expect(draftProblems(root, "rescue-and-response", "2019-09-18-c3")).toEqual([
        'data/rescue-and-response/2019-09-18-c3/meta.json:279:15: "changes" still holds the placeholder; say what changed and why before sealing',
      ]);
    } finally {
      rmSync(folder("rescue-and-response", "2019-09-18-c3"), { recursive: true });
    }
  });

  it("every published version's NOTES.md passes, checked as if it were a draft against the others", () => {
    // The check compares a version with the others only, so it can run on each published version in place.
    const notes = listDatasets(root).flatMap((dataset) =>
      listVersions(dataset, root).flatMap((version) => draftProblems(root, dataset, version).filter((p) => p.includes("/NOTES.md"))),
    );
    expect(notes).toEqual([]);
    // A draft made by copying a correction's folder by hand, not with new, is refused like new's old copies.
    cpSync(folder("national", "2019-01-30-c1"), folder("national", "2019-01-30-c4"), { recursive: true });
    try {
      writeFileSync(notesOf("national", "2019-01-30-c4"), read(notesOf("national", "2019-01-30-c4")).replace("-c1)", "-c4)"));
      expect(draftProblems(root, "national", "2019-01-30-c4").filter((p) => p.includes("/NOTES.md"))).toEqual([
        'data/national/2019-01-30-c4/NOTES.md:5:1: "Corrections in this version (1 December 2026)" repeats word for word what version 2019-01-30-c1 corrected (data/national/2019-01-30-c1/NOTES.md:5), not what this version corrects: say here what was wrong in version 2019-01-30-c3, what is right, and why; what 2019-01-30-c1 corrected belongs under its own heading, "## Corrections in version 2019-01-30-c1 (1 December 2026)"',
      ]);
    } finally {
      rmSync(folder("national", "2019-01-30-c4"), { recursive: true });
    }
  });
});
