import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyProject, runBuild } from "../../scripts/lib/project-copy";
import { hermeticEnv, tempOut } from "../support/build-site";

// Issue 25, point 1: `npm run proof` makes every content check the build makes, without building, and
// lists every problem at once in the build's words; the build lists the same. On a throwaway copy.
const project = copyProject("cl-proof-");
const root = project.root;
afterAll(project.remove);

/** Runs `npm run proof`'s script in `root`: its exit code and what it printed. */
function runProof(): { code: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(process.execPath, ["--import", "tsx", "scripts/proof.ts"], { cwd: root, env: hermeticEnv(), encoding: "utf8", stdio: "pipe" });
    return { code: 0, stdout, stderr: "" };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Replaces `from` (which must be there) with `to` in a file of the copy. */
function edit(file: string, from: string, to: string): void {
  const path = join(root, file);
  const text = readFileSync(path, "utf8");
  expect(text, `${file} holds ${from}`).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

const LONDON = "content/stories/county-lines-london.mdx";
const OUT = "content/stories/getting-out.mdx";
/** The summary line, with the time (which varies) taken out. */
const summary = (text: string) =>
  text
    .trim()
    .split("\n")
    .at(-1)!
    .replace(/ in \d+\.\d s\)/, " in N s)");

describe("npm run proof", () => {
  it("passes the project as it is, saying what it checked", () => {
    const { code, stdout, stderr } = runProof();
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout.trim().replace(/ in \d+\.\d s\./, " in N s.")).toBe(
      "No problems: checked 4 stories and 14 dataset versions in N s. Build with npm run build, or preview with npm run dev.",
    );
  });

  it("lists every problem in every story at once, as file:line:column and the fix, and the build lists the same", async () => {
    edit(LONDON, '<Fact id="norfolk" />', '<Fact id="norfolkk" />');
    edit(LONDON, "## Who is drawn in\n", "## Who is drawn in\n\nPolice say the lines run north.\n");
    edit(LONDON, 'they found <Fact id="linked-total" />', "they found 4,013");
    edit(OUT, "published: 2019-09-27", "published: 2019-09-31");
    edit(OUT, "byline:", "bylin:");
    // A mistake in the text of a story whose frontmatter also has mistakes is listed with them.
    edit(OUT, '<Fact id="referred" />', '<Fact id="referredd" />');
    const { code, stdout, stderr } = runProof();
    expect(code).toBe(1);
    expect(stdout).toBe("");
    const lines = stderr.trim().split("\n");
    // Story by story (in file-name order), each in the order of its lines.
    const problems = [
      `${LONDON}:70:1: this sentence says who found, said or reported something but cites no source: "Between January 2018 and March 2019 they found 4,013." (the word "found" attributes it). Add the <Cite source="…" passage="…" /> of who said it, or a <Fact> from their figures (see "Attributions carry their source" in content/README.md)`,
      `${LONDON}:70:268: "4,013" is typed by hand but it is a value in the story's data; write <Fact id="linked-total" /> instead, so the number stays sourced and in step with the data`,
      `${LONDON}:80:1: this sentence says who found, said or reported something but cites no source: "Police say the lines run north." (the word "say" attributes it). Add the <Cite source="…" passage="…" /> of who said it, or a <Fact> from their figures (see "Attributions carry their source" in content/README.md)`,
      expect.stringMatching(
        /^content\/stories\/county-lines-london\.mdx:109:288: <Fact id="norfolkk">: unknown fact id "norfolkk" \(did you mean "norfolk"\?\)\. Use one of: bedfordshire, /,
      ),
      `${OUT}:4:1: frontmatter has no field "bylin"; did you mean "byline"? The fields are: title, standfirst, byline, published, updated, updateNote, data, compare, shareImageAlt, draft, order, corrections`,
      `${OUT}:5:1: frontmatter "published": expected a real date written YYYY-MM-DD, e.g. 2019-09-19 (got "2019-09-31")`,
      expect.stringMatching(/^content\/stories\/getting-out\.mdx:43:91: <Fact id="referredd">: unknown fact id "referredd" \(did you mean "referred"\?\)/),
    ];
    expect(lines.slice(0, -2)).toEqual(problems);
    expect(summary(stderr)).toBe("7 problems found (checked 4 stories and 14 dataset versions in N s). Nothing was built.");

    // The build stops on the same checks, with the same lines, before Astro loads, and writes nothing.
    const out = tempOut();
    const build = await runBuild(root, out, hermeticEnv());
    expect(build.code).toBe(1);
    const printed = build.stderr.trim().split("\n");
    const at = printed.indexOf("Build failed: 7 problems (npm run proof lists them without building):");
    expect(at, build.stderr).toBeGreaterThanOrEqual(0);
    expect(printed.slice(at + 1, at + 8)).toEqual(problems);
    expect(printed.at(-1)).toBe("Nothing was published: no output was written.");
  }, 60_000);

  it("lists data problems and frontmatter problems together, and says the stories' text waits for the data", () => {
    edit(
      "data/national/2019-01-30-c2/headline.csv",
      "deal-lines-2018,Deal line numbers in operation across the UK (NCA 2018),2000,",
      'deal-lines-2018,Deal line numbers in operation across the UK (NCA 2018),"2,000",',
    );
    const { code, stderr } = runProof();
    expect(code).toBe(1);
    const lines = stderr.trim().split("\n");
    // A published file's checksum is checked before its rows: the edit is refused as an edit.
    expect(lines[0]).toMatch(
      /^data\/national\/2019-01-30-c2\/headline\.csv: checksum mismatch: meta\.json records sha256 [0-9a-f]{64} but the file's is [0-9a-f]{64}\. A published file never changes: put the corrected file in a new version folder \(see data\/README\.md\)/,
    );
    expect(lines.slice(1, 3)).toEqual([
      `${OUT}:4:1: frontmatter has no field "bylin"; did you mean "byline"? The fields are: title, standfirst, byline, published, updated, updateNote, data, compare, shareImageAlt, draft, order, corrections`,
      `${OUT}:5:1: frontmatter "published": expected a real date written YYYY-MM-DD, e.g. 2019-09-19 (got "2019-09-31")`,
    ]);
    expect(lines[3]).toBe("The stories' text was not checked: it reads the data, so fix the data first.");
    expect(summary(stderr)).toBe("3 problems found (checked 4 stories and 14 dataset versions in N s). Nothing was built.");
  });
});
