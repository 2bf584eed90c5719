import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileStamp } from "../files/file-stamp";
import { DataError } from "../files/data-error";
import { dataPath } from "../files/paths";
import { parsePositioned, type Position } from "../files/positions";
import { isSealed, SEALS_FILE } from "../files/seals";
import { isDatasetId, tableSchemas, type DatasetId } from "../schema/tables";
import { listVersions } from "./list-versions";

/**
 * `data/current.json` names, for each dataset, the version the site shows wherever a story does not
 * pin another: the Data page's "(current)", charts and facts in unpinned stories, and the geography
 * every place code is checked against. `npm run data -- publish <dataset> <version>` writes it; it is
 * data, so making a version current needs no change to code.
 */
export const CURRENT_FILE = "current.json";

/** The path of the file as messages show it. */
const SHOWN = `data/${CURRENT_FILE}`;

const cache = new Map<string, { stamp: string; versions: Readonly<Record<DatasetId, string>> }>();

/** Stamps of the file and of the seals record: a change to either means a fresh read. */
function stampOf(root: string): string {
  return [CURRENT_FILE, SEALS_FILE].map((name) => fileStamp(dataPath(root, name))).join("|");
}

/**
 * The current version of every dataset, as `data/current.json` at `root` declares it. Throws a
 * {@link DataError} at the line and column of the first problem: broken JSON, an unknown dataset, a
 * dataset left out, or a version that has no folder or is a draft not yet sealed. Cached until the
 * file or the seals record changes, so a running `npm run dev` reads a newly published version.
 * @param root the project folder
 */
export function readCurrentVersions(root: string): Readonly<Record<DatasetId, string>> {
  const stamp = stampOf(root);
  const cached = cache.get(root);
  if (cached?.stamp === stamp) return cached.versions;
  const versions = checkCurrentVersions(root);
  cache.set(root, { stamp, versions });
  return versions;
}

/** {@link readCurrentVersions} without the cache. */
function checkCurrentVersions(root: string): Readonly<Record<DatasetId, string>> {
  const path = dataPath(root, CURRENT_FILE);
  if (!existsSync(path))
    throw new DataError(SHOWN, "missing: it names the version of each dataset the site shows; restore it from git (git checkout -- data/current.json)");
  const positioned = parsePositioned(readFileSync(path, "utf8"));
  const broken = positioned.syntaxError;
  // The parser's message repeats the place ("… at line 4, column 3:"), which the error already leads with.
  if (broken)
    throw new DataError(
      SHOWN,
      `not valid JSON: ${broken.message.replace(/ at line \d+, column \d+:?$/, "")}; check the commas and quotes`,
      broken.line,
      broken.column,
    );
  const value = positioned.value;
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw new DataError(SHOWN, 'expected an object naming each dataset\'s current version, e.g. { "national": "2019-01-30-c2" }', 1, 1);
  const known = Object.keys(tableSchemas);
  const versions: Partial<Record<DatasetId, string>> = {};
  for (const [dataset, version] of Object.entries(value)) {
    const at = positioned.positionOf([dataset]);
    if (!isDatasetId(dataset)) throw new DataError(SHOWN, `"${dataset}" is not a dataset; the datasets are: ${known.join(", ")}`, at?.line, at?.column);
    const folders = listVersions(dataset, root);
    if (typeof version !== "string" || !folders.includes(version))
      throw new DataError(
        SHOWN,
        `"${dataset}": there is no version ${JSON.stringify(version)}; name one of its folders: ${folders.join(", ")} (npm run data -- publish ${dataset} <version>)`,
        at?.line,
        at?.column,
      );
    if (!isSealed(root, dataset, version))
      throw new DataError(
        SHOWN,
        `"${dataset}": ${version} is a draft, not yet published; seal it first (npm run data -- seal ${dataset}/${version}), then publish it`,
        at?.line,
        at?.column,
      );
    versions[dataset] = version;
  }
  const missing = known.find((dataset) => !(dataset in versions));
  if (missing)
    throw new DataError(SHOWN, `"${missing}" is missing: name the version of ${missing} the site shows (npm run data -- publish ${missing} <version>)`, 1, 1);
  return Object.freeze(versions as Record<DatasetId, string>);
}

/**
 * Where `data/current.json` names a dataset's current version (its key's line and column), for a
 * message that points at it; undefined when the file does not name it.
 * @param root the project folder
 * @param dataset the dataset whose entry to find
 */
export function currentEntryPosition(root: string, dataset: string): Position | undefined {
  const path = dataPath(root, CURRENT_FILE);
  return existsSync(path) ? parsePositioned(readFileSync(path, "utf8")).positionOf([dataset]) : undefined;
}

/**
 * Writes `data/current.json` with its datasets in name order, so a change shows as a one-line diff.
 * @param root the project folder
 * @param versions the current version of every dataset
 */
export function writeCurrentVersions(root: string, versions: Readonly<Record<string, string>>): void {
  const sorted = Object.fromEntries(
    Object.keys(versions)
      .sort()
      .map((dataset) => [dataset, versions[dataset]]),
  );
  writeFileSync(dataPath(root, CURRENT_FILE), `${JSON.stringify(sorted, null, 2)}\n`);
}
