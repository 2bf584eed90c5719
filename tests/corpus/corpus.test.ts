import { cpSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadDataset } from "../../src/data/versions/load-dataset";
import { sha256 } from "../../src/data/files/sha256";
import { copyProject } from "../../scripts/lib/project-copy";
import { buildSite, tempOut } from "../support/build-site";
import { startProofWorker } from "../support/proof-client";
import { applyCase, caseNames, readCase } from "./apply-case";

/**
 * The broken and hostile input corpus: each folder under tests/corpus/ is one case (case.json says
 * what is wrong and the exact message expected; edits are string replacements, `files/` overlays
 * or a named generator, applied by ./apply-case.ts), applied to a copy of the project that already
 * holds a good build (the shared root build, copied).
 *
 * Every failing case is checked by the build's own content checks (src/stories/proof.ts, the first
 * thing scripts/build.ts runs, which lists every problem and stops the build), answered by one
 * long-lived process (tests/support/proof-worker.ts): the exact problem lines, file, line and column
 * where they can be known. One case of each kind (a CSV, the oversized one; meta.json; boundaries; a
 * story, whose one mistake causes two problems) also runs the real production build, which must exit non-zero,
 * print the same lines and leave dist/ byte-for-byte unchanged, with no temporary folder behind. (All
 * 50 through the real build cost about 150 s of the suite's five minutes: 2 to 3 s each of starting a
 * process and loading its modules, for the same checks.)
 *
 * Valid but unusual inputs (BOM, CRLF, quoted commas) are built together, one version each, in the
 * shared fixtures build, which must succeed and draw the same charts as the site; the loader must read
 * the same values as from the original files.
 */
/** The cases that also run the real build: one of each kind of input and failure. */
const BUILT = ["19-csv-million-rows", "24-meta-undeclared-source", "35-boundary-missing-feature", "39-content-unknown-component"];
const cases = caseNames();
const shared = inject("rootBuild");
const fixtures = inject("fixtureBuild");
const project = copyProject();
const out = join(project.root, "dist");
const listing = (dir: string) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .sort()
    .map((f) => {
      const path = join(dir, f);
      return statSync(path).isDirectory() ? `${f}/` : `${f} ${sha256(readFileSync(path))}`;
    });
let baseline: string[];
let worker: ReturnType<typeof startProofWorker>;

const failureLine = (stderr: string) => /^Build failed: (.*)$/m.exec(stderr)?.[1] ?? `(no "Build failed" line) ${stderr.slice(-2000)}`;
/** Every problem the build listed: the lines under "Build failed: N problems …:", or its one line. */
const failureLines = (stderr: string): string[] => {
  const many = /^Build failed: (\d+) problems \(npm run proof lists them without building\):\n/m.exec(stderr);
  if (!many) return [failureLine(stderr)];
  return stderr
    .slice(many.index + many[0].length)
    .split("\n")
    .slice(0, Number(many[1]));
};
/** The problems a case expects: its message, then any it also causes, in the file's order as listed. */
const expected = (spec: { message?: string; also?: string[] }) => [spec.message, ...(spec.also ?? [])].sort();

describe("the broken and hostile input corpus", () => {
  beforeAll(() => {
    expect(shared.code, shared.stderr).toBe(0);
    cpSync(shared.out, out, { recursive: true });
    baseline = listing(out);
    worker = startProofWorker(project.root);
  });
  afterAll(() => {
    worker?.stop();
    project.remove();
  });

  it("holds at least 30 broken or hostile inputs, and builds one of each kind for real", () => {
    expect(cases.filter((c) => readCase(c).expect !== "loads").length).toBeGreaterThanOrEqual(30);
    for (const name of BUILT) expect(cases, name).toContain(name);
    // Every kind of case, by its folder's name (csv, meta, boundary, content), has a case built for real.
    const kinds = (names: string[]) => [...new Set(names.map((n) => n.split("-")[1]))].sort();
    expect(kinds(BUILT)).toEqual(kinds(cases.filter((c) => readCase(c).expect !== "loads")));
  });

  it("with no previous build, a failing build (case 01) writes nothing at all", async () => {
    const spec = readCase("01-csv-wrong-type");
    const restore = applyCase(project.root, "01-csv-wrong-type", spec);
    const fresh = tempOut();
    try {
      const result = await buildSite(fresh, {}, project.root);
      expect(result.code).toBe(1);
      expect(failureLine(result.stderr)).toBe(spec.message);
      expect(result.stderr).toContain("Nothing was published: no output was written.");
      expect(readdirSync(join(fresh, "..")), "no dist/ and no temporary folder").toEqual([]);
    } finally {
      restore();
    }
  });

  it.each(cases)("%s", async (name) => {
    const spec = readCase(name);
    if (spec.expect === "loads") return checkLoads(name, spec.version ?? "2019-09-18");
    const restore = applyCase(project.root, name, spec);
    try {
      const { problems } = await worker.run();
      expect(problems.length, `${name}: problems found`).toBeGreaterThan(0);
      const message = problems[0]!;
      if (spec.check === "fast") {
        const size = statSync(join(project.root, "data/rescue-and-response/2019-09-18/destinations.csv")).size;
        expect(problems).toEqual([
          `data/rescue-and-response/2019-09-18/destinations.csv: the file is ${size.toLocaleString("en-GB")} bytes; the limit is 1,000,000 bytes for one table (our tables hold tens of rows: check the export)`,
        ]);
      } else if (spec.check === "checksum") {
        expect(problems).toHaveLength(1);
        expect(message).toMatch(
          /^data\/rescue-and-response\/2019-09-18\/destinations\.csv: checksum mismatch: meta\.json records sha256 fd4949c3[0-9a-f]{56} but the file's is [0-9a-f]{64}\. A published file never changes: put the corrected file in a new version folder \(see data\/README\.md\)$/,
        );
      } else if (spec.check === "not-json") {
        // The trailing comma is found at the closing brace: the file's last line, column 1.
        const lines = readFileSync(join(project.root, "data/rescue-and-response/2019-09-18/meta.json"), "utf8").trimEnd().split("\n");
        expect(lines.at(-1)).toBe("}");
        expect(problems).toHaveLength(1);
        expect(message).toMatch(new RegExp(`^data/rescue-and-response/2019-09-18/meta\\.json:${lines.length}:1: not valid JSON: `));
      } else {
        expect([...problems].sort()).toEqual(expected(spec));
      }
      if (BUILT.includes(name)) await buildsAndFails(name, problems);
    } finally {
      restore();
    }
  });
});

/**
 * The real production build of the project copy as the case left it: exit 1, the same problem lines as
 * the checks found, and dist/ exactly as it was, with no temporary folder left behind.
 */
async function buildsAndFails(name: string, problems: readonly string[]) {
  const started = performance.now();
  const result = await buildSite(out, {}, project.root);
  const seconds = (performance.now() - started) / 1000;
  expect(result.code, failureLine(result.stderr)).toBe(1);
  expect(failureLines(result.stderr), `${name}: the build lists what the checks found`).toEqual(problems);
  expect(result.stderr).toContain("Nothing was published: the previous build is unchanged.");
  expect(listing(out), "dist/ must be unchanged").toEqual(baseline);
  expect(
    readdirSync(project.root).filter((f) => f.startsWith("dist.")),
    "no temporary build folder left behind",
  ).toEqual([]);
  if (readCase(name).check === "fast") {
    const size = statSync(join(project.root, "data/rescue-and-response/2019-09-18/destinations.csv")).size;
    console.log(
      `[corpus] ${name}: a ${(size / 1e6).toFixed(0)} MB CSV was refused in ${seconds.toFixed(2)} s, whole build command included (the file is never read: its size is checked first)`,
    );
  }
}

/** The chart SVGs of every embed page of a build, by page: what a reader sees of each file. */
const drawn = (dist: string) =>
  Object.fromEntries(
    readdirSync(join(dist, "embed"), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith("index.html"))
      .sort()
      .map((f) => [f, [...readFileSync(join(dist, "embed", f), "utf8").matchAll(/<svg\b[^>]*class="chart-svg[\s\S]*?<\/svg>/g)].map((m) => m[0])]),
  );

/**
 * Valid but unusual files, built together in the shared fixtures build: it succeeded and drew every
 * embedded chart exactly as the site does, and the loader reads exactly the original values.
 */
function checkLoads(name: string, version: string) {
  expect(fixtures.code, failureLine(fixtures.stderr)).toBe(0);
  const expected = drawn(shared.out);
  // The edited table is drawn by some embed page, or comparing them would prove nothing.
  expect(Object.keys(expected).filter((page) => /^destinations(-map)?\//.test(page) && page.includes(`/${version}/`)).length, version).toBeGreaterThan(0);
  expect(Object.values(expected).flat().length, "chart SVGs found on the embed pages").toBeGreaterThan(20);
  expect(drawn(fixtures.out)).toEqual(expected);
  const original = loadDataset("rescue-and-response", version);
  const unusual = loadDataset("rescue-and-response", version, fixtures.root);
  const strip = (rows: readonly object[]) => rows.map((r) => ({ ...r, note: undefined }));
  expect(unusual.tables.destinations!.length).toBeGreaterThan(0);
  expect(strip(unusual.tables.destinations!)).toEqual(strip(original.tables.destinations!));
  if (name.includes("quoted")) {
    expect(unusual.tables.destinations![0]!.note).toBe('Top in every list, by far; the "leader" since\n2018, whatever the count');
    expect(readFileSync(join(fixtures.out, `embed/destinations/${version}/index.html`), "utf8")).toMatch(
      /Top in every list, by far; the (?:"|&quot;|&#34;)leader(?:"|&quot;|&#34;) since\s+2018, whatever the count/,
    );
  } else expect(unusual.tables.destinations!.map((r) => r.note)).toEqual(original.tables.destinations!.map((r) => r.note));
}
