import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { DataError } from "./data-error";
import { sha256 } from "./sha256";
import { dataPath, displayPath } from "./paths";

/**
 * The record of published bytes: `data/published-versions.json` maps each sealed version
 * ("dataset/version") to the sha256 of every file in its folder, meta.json and NOTES.md included.
 * `npm run data -- seal` writes it; the loader refuses a sealed version whose files differ from it.
 * It sits apart from the version folders, so editing a file and its meta.json checksum together
 * still fails. A version not in the record is a draft.
 */
export const SEALS_FILE = "published-versions.json";

/** "dataset/version" → file name → sha256. */
export type Seals = Record<string, Record<string, string>>;

/** The seals record of the project at `root` ({} when there is none yet). */
export function readSeals(root: string): Seals {
  const path = dataPath(root, SEALS_FILE);
  if (!existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Seals;
  } catch (error) {
    throw new DataError(`data/${SEALS_FILE}`, `not valid JSON (${(error as Error).message}); restore it from git: it records what was published`);
  }
}

/** Writes the record with sorted keys, so a seal shows as a small, readable diff. */
export function writeSeals(root: string, seals: Seals): void {
  const sorted = Object.fromEntries(
    Object.keys(seals)
      .sort()
      .map((key) => [key, Object.fromEntries(Object.entries(seals[key]!).sort(([a], [b]) => (a < b ? -1 : 1)))]),
  );
  writeFileSync(dataPath(root, SEALS_FILE), `${JSON.stringify(sorted, null, 2)}\n`);
}

/** The sha256 of every file in a version folder, by name. */
export function fingerprint(root: string, dataset: string, version: string): Record<string, string> {
  const dir = dataPath(root, dataset, version);
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, sha256(readFileSync(dataPath(root, dataset, version, name)))]),
  );
}

/** True when the version has been sealed (published). */
export function isSealed(root: string, dataset: string, version: string): boolean {
  return `${dataset}/${version}` in readSeals(root);
}

/**
 * Fails, naming the file, if a sealed version's folder differs in any byte from what was sealed:
 * a changed, added or removed file.
 */
export function checkSeal(root: string, dataset: string, version: string): void {
  const sealed = readSeals(root)[`${dataset}/${version}`];
  if (!sealed) return;
  const actual = fingerprint(root, dataset, version);
  const show = (name: string) => displayPath(root, dataPath(root, dataset, version, name));
  const fix = `A published version never changes: put the correction in a new version (npm run data -- new ${dataset} <version>; see data/README.md)`;
  for (const [name, sha] of Object.entries(sealed)) {
    if (actual[name] === undefined)
      throw new DataError(show(name), `this version was published (sealed in data/${SEALS_FILE}) and this file has been removed since. ${fix}`);
    if (actual[name] !== sha)
      throw new DataError(
        show(name),
        `this version was published (sealed in data/${SEALS_FILE}) and this file has changed since: sha256 ${actual[name]}, sealed ${sha}. ${fix}`,
      );
  }
  const added = Object.keys(actual).find((name) => !(name in sealed));
  if (added) throw new DataError(show(added), `this version was published (sealed in data/${SEALS_FILE}) and this file has been added since. ${fix}`);
}
