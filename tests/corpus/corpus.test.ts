import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data/load-dataset";
import { SEALS_FILE } from "../../src/data/seals";
import { buildSite, tempOut } from "../support/build-site";
import { copyProject } from "../support/project-copy";
import { applyGenerator } from "./generators";

/**
 * The broken and hostile input corpus: each folder under tests/corpus/ is one case (case.json says
 * what is wrong and the exact message expected; edits are string replacements, `files/` overlays
 * or a named generator). Every failing case runs the real production build on a copy of the
 * project that already holds a good build, and asserts a non-zero exit, the exact message (file,
 * line and column where they can be known) and a dist/ that is byte-for-byte unchanged. Valid but
 * unusual inputs (BOM, CRLF, quoted commas) also run the real build, which must succeed and draw the
 * same chart as the original file, and the loader must read the same values.
 */
interface Case {
  what: string;
  message?: string;
  replace?: { file: string; find: string; to: string }[];
  generate?: string;
  /** Recompute the sha256 in meta.json of edited data files (as an editor preparing a new version would). */
  rehash?: boolean;
  expect?: "failure" | "loads";
  /** Cases whose message depends on the input's bytes: checked in code below. */
  check?: "fast" | "checksum" | "not-json";
}

const CORPUS = "tests/corpus";
const cases = readdirSync(CORPUS)
  .filter((d) => existsSync(join(CORPUS, d, "case.json")))
  .sort();
const project = copyProject();
const out = join(project.root, "dist");
const listing = (dir: string) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .sort()
    .map((f) => {
      const path = join(dir, f);
      return statSync(path).isDirectory() ? `${f}/` : `${f} ${createHash("sha256").update(readFileSync(path)).digest("hex")}`;
    });
let baseline: string[];

/** Applies a case to the project copy; returns a function that restores every file it touched. */
function apply(name: string, spec: Case): () => void {
  const saved = new Map<string, Buffer | null>();
  const touch = (file: string) => {
    const path = join(project.root, file);
    if (!saved.has(file)) saved.set(file, existsSync(path) ? readFileSync(path) : null);
    return path;
  };
  for (const r of spec.replace ?? []) {
    const path = touch(r.file);
    const text = readFileSync(path, "utf8");
    if (!text.includes(r.find)) throw new Error(`${name}: "${r.find}" not found in ${r.file}`);
    writeFileSync(path, text.replace(r.find, r.to));
  }
  const overlay = join(CORPUS, name, "files");
  if (existsSync(overlay)) {
    for (const f of readdirSync(overlay, { recursive: true }).map(String)) {
      const from = join(overlay, f);
      if (!statSync(from).isFile()) continue;
      const to = touch(f);
      mkdirSync(dirname(to), { recursive: true });
      writeFileSync(to, readFileSync(from));
    }
  }
  if (spec.generate) applyGenerator(spec.generate, project.root, touch);
  if (spec.rehash !== false) {
    for (const file of [...saved.keys()].filter((f) => f.startsWith("data/") && !f.endsWith("meta.json"))) {
      const metaPath = touch(join(dirname(file), "meta.json"));
      const meta = JSON.parse(readFileSync(metaPath, "utf8")) as { files: { name: string; sha256: string }[] };
      const entry = meta.files.find((m) => m.name === file.split("/").pop());
      const path = join(project.root, file);
      if (entry && existsSync(path)) entry.sha256 = createHash("sha256").update(readFileSync(path)).digest("hex");
      writeFileSync(metaPath, `${JSON.stringify(meta, null, 2)}\n`);
    }
  }
  // Valid but unusual files stand for a draft being prepared: a sealed (published) version would
  // rightly refuse any change of bytes, so the copy's Year 1 is unsealed for these cases.
  if (spec.expect === "loads") {
    const seals = touch(`data/${SEALS_FILE}`);
    const record = JSON.parse(readFileSync(seals, "utf8")) as Record<string, unknown>;
    delete record["rescue-and-response/2019-09-18"];
    writeFileSync(seals, JSON.stringify(record, null, 2));
  }
  return () => {
    for (const [file, bytes] of saved) {
      const path = join(project.root, file);
      if (bytes === null) rmSync(path, { force: true });
      else writeFileSync(path, bytes);
    }
  };
}

const failureLine = (stderr: string) => /^Build failed: (.*)$/m.exec(stderr)?.[1] ?? `(no "Build failed" line) ${stderr.slice(-2000)}`;

describe("the broken and hostile input corpus", () => {
  beforeAll(async () => {
    const good = await buildSite(out, {}, project.root);
    expect(good.code, good.stderr).toBe(0);
    baseline = listing(out);
  });
  afterAll(() => {
    project.remove();
    rmSync(join(loadsOut, ".."), { recursive: true, force: true });
  });

  it("holds at least 30 broken or hostile inputs", () => {
    expect(cases.filter((c) => (JSON.parse(readFileSync(join(CORPUS, c, "case.json"), "utf8")) as Case).expect !== "loads").length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)("%s", async (name) => {
    const spec = JSON.parse(readFileSync(join(CORPUS, name, "case.json"), "utf8")) as Case;
    const restore = apply(name, spec);
    try {
      if (spec.expect === "loads") {
        await checkLoads(name);
        return;
      }
      const started = performance.now();
      const result = await buildSite(out, {}, project.root);
      const seconds = (performance.now() - started) / 1000;
      const message = failureLine(result.stderr);
      expect(result.code, message).not.toBe(0);
      if (spec.check === "fast") {
        const size = statSync(join(project.root, "data/rescue-and-response/2019-09-18/destinations.csv")).size;
        expect(message).toBe(
          `data/rescue-and-response/2019-09-18/destinations.csv: the file is ${size.toLocaleString("en-GB")} bytes; the limit is 1,000,000 bytes for one table (our tables hold tens of rows: check the export)`,
        );
        console.log(
          `[corpus] ${name}: a ${(size / 1e6).toFixed(0)} MB CSV was refused in ${seconds.toFixed(2)} s, whole build command included (the file is never read: its size is checked first)`,
        );
      } else if (spec.check === "checksum") {
        expect(message).toMatch(
          /^data\/rescue-and-response\/2019-09-18\/destinations\.csv: checksum mismatch: meta\.json records sha256 fd4949c3[0-9a-f]{56} but the file's is [0-9a-f]{64}\. A published file never changes: put the corrected file in a new version folder \(see data\/README\.md\)$/,
        );
      } else if (spec.check === "not-json") {
        // The trailing comma is found at the closing brace: the file's last line, column 1.
        const lines = readFileSync(join(project.root, "data/rescue-and-response/2019-09-18/meta.json"), "utf8").trimEnd().split("\n");
        expect(lines.at(-1)).toBe("}");
        expect(message).toMatch(new RegExp(`^data/rescue-and-response/2019-09-18/meta\\.json:${lines.length}:1: not valid JSON: `));
      } else {
        expect(message).toBe(spec.message);
      }
      expect(listing(out), "dist/ must be unchanged").toEqual(baseline);
      expect(
        readdirSync(project.root).filter((f) => f.startsWith("dist.")),
        "no temporary build folder left behind",
      ).toEqual([]);
    } finally {
      restore();
    }
  });
});

const loadsOut = tempOut();
/** The chart SVGs of the destinations embed page, as built: what a reader sees of the file. */
const drawn = (dist: string) =>
  [...readFileSync(join(dist, "embed/destinations/2019-09-18/index.html"), "utf8").matchAll(/<svg\b[^>]*class="chart-svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);

/**
 * Valid but unusual files: the real build succeeds (into its own folder, so the baseline stays) and
 * draws exactly the chart the original file draws, and the loader reads exactly the original values.
 */
async function checkLoads(name: string) {
  const result = await buildSite(loadsOut, {}, project.root);
  expect(result.code, failureLine(result.stderr)).toBe(0);
  const expected = drawn(out);
  expect(expected).toHaveLength(2);
  expect(drawn(loadsOut)).toEqual(expected);
  const original = loadDataset("rescue-and-response", "2019-09-18");
  const unusual = loadDataset("rescue-and-response", "2019-09-18", project.root);
  const strip = (rows: readonly object[]) => rows.map((r) => ({ ...r, note: undefined }));
  expect(unusual.tables.destinations!.length).toBeGreaterThan(0);
  expect(strip(unusual.tables.destinations!)).toEqual(strip(original.tables.destinations!));
  if (name.includes("quoted")) {
    expect(unusual.tables.destinations![0]!.note).toBe('Top in every list, by far; the "leader" since\n2018, whatever the count');
    expect(readFileSync(join(loadsOut, "embed/destinations/2019-09-18/index.html"), "utf8")).toMatch(
      /Top in every list, by far; the (?:"|&quot;|&#34;)leader(?:"|&quot;|&#34;) since\s+2018, whatever the count/,
    );
  } else expect(unusual.tables.destinations!.map((r) => r.note)).toEqual(original.tables.destinations!.map((r) => r.note));
}
