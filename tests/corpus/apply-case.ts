import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { sha256 } from "../../src/data/files/sha256";
import { SEALS_FILE } from "../../src/data/files/seals";
import { applyGenerator } from "./generators";

/** One corpus case, as its `case.json` declares it. */
export interface Case {
  what: string;
  message?: string;
  /** Further problems the same mistake causes, listed with it (e.g. a sentence whose Fact was broken now attributes without a source). */
  also?: string[];
  replace?: { file: string; find: string; to: string }[];
  generate?: string;
  /** The version folder of rescue-and-response a generator edits (2019-09-18 unless said). */
  version?: string;
  /** Recompute the sha256 in meta.json of edited data files (as an editor preparing a new version would). */
  rehash?: boolean;
  expect?: "failure" | "loads";
  /** Cases whose message depends on the input's bytes: checked in code below. */
  check?: "fast" | "checksum" | "not-json";
}

const CORPUS = "tests/corpus";

/** Every case folder's name, in order. */
export const caseNames = (): string[] =>
  readdirSync(CORPUS)
    .filter((d) => existsSync(join(CORPUS, d, "case.json")))
    .sort();

/** A case's declaration. */
export const readCase = (name: string): Case => JSON.parse(readFileSync(join(CORPUS, name, "case.json"), "utf8")) as Case;

/**
 * Applies a case to a copy of the project at `root`: string replacements, the `files/` overlay, a
 * generator, then the checksums of edited data files. Returns a function that restores every file it
 * touched.
 */
export function applyCase(root: string, name: string, spec: Case): () => void {
  const saved = new Map<string, Buffer | null>();
  const touch = (file: string) => {
    const path = join(root, file);
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
  if (spec.generate) applyGenerator(spec.generate, root, touch, spec.version);
  if (spec.rehash !== false) {
    for (const file of [...saved.keys()].filter((f) => f.startsWith("data/") && !f.endsWith("meta.json"))) {
      const metaPath = touch(join(dirname(file), "meta.json"));
      const meta = JSON.parse(readFileSync(metaPath, "utf8")) as { files: { name: string; sha256: string }[] };
      const entry = meta.files.find((m) => m.name === file.split("/").pop());
      const path = join(root, file);
      if (entry && existsSync(path)) entry.sha256 = sha256(readFileSync(path));
      writeFileSync(metaPath, `${JSON.stringify(meta, null, 2)}\n`);
    }
  }
  // Valid but unusual files stand for a draft being prepared: a sealed (published) version would
  // rightly refuse any change of bytes, so the edited version is unsealed in the copy for these cases.
  if (spec.expect === "loads") {
    const seals = touch(`data/${SEALS_FILE}`);
    const record = JSON.parse(readFileSync(seals, "utf8")) as Record<string, unknown>;
    const key = `rescue-and-response/${spec.version ?? "2019-09-18"}`;
    if (!(key in record)) throw new Error(`${name}: ${key} is not sealed, so unsealing it proves nothing`);
    delete record[key];
    writeFileSync(seals, JSON.stringify(record, null, 2));
  }
  return () => {
    for (const [file, bytes] of saved) {
      const path = join(root, file);
      if (bytes === null) rmSync(path, { force: true });
      else writeFileSync(path, bytes);
    }
  };
}
