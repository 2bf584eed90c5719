import { checkSourceRecords } from "../citing/source-records";
import { sha256 } from "../files/sha256";
import type { z } from "zod";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import type { Dataset } from "../schema/dataset";
import { DataError } from "../files/data-error";
import { readMeta } from "../files/read-meta";
import { checkDataset } from "./check-dataset";
import { checkReferences } from "./check-references";
import { MAX_CSV_BYTES, parseCsv, placeOf, tooLarge } from "../files/parse-csv";
import { listDatasets, listVersions } from "./list-versions";
import { checkSeal, isSealed, SEALS_FILE } from "../files/seals";
import { dataPath, displayPath, projectRoot } from "../files/paths";
import { isDatasetId, isValueTable, optionalColumns, tableSchemas, type AnyRow, type LookupRow } from "../schema/tables";
import { parseTopology, type Topology } from "../files/parse-topology";
import { fileStamp, folderStamp } from "../files/file-stamp";

/** Files a version folder may hold besides the CSVs listed in meta.json. */
const COMPANION_FILES = ["meta.json", "NOTES.md"];

const cache = new Map<string, { signature: string; dataset: Dataset; sealChecked: boolean }>();

/**
 * Reads, checks and parses one dataset version. Throws a {@link DataError} naming the file,
 * line and column on the first problem: unknown dataset or version, invalid meta.json, a file
 * whose sha256 differs from meta.json (a published file was edited), an unlisted file, or an
 * invalid row. Results are cached per root, dataset and version until a file in the folder changes,
 * so `npm run dev` shows data edits without a restart.
 */
export function loadDataset(dataset: string, version: string, root: string = projectRoot): Dataset {
  const result = readDataset(dataset, version, root);
  const entry = cache.get(`${root}\0${dataset}\0${version}`)!;
  // Last, so that a mistake is reported at its line first: a sealed (published) version must also be
  // byte-identical to what was sealed.
  if (!entry.sealChecked) {
    checkSeal(root, dataset, version);
    entry.sealChecked = true;
  }
  return result;
}

/** {@link loadDataset} without the seal check: every check of the version's own files and rows. */
function readDataset(dataset: string, version: string, root: string): Dataset {
  const key = `${root}\0${dataset}\0${version}`;
  // The record of sealed versions decides whether checksums are checked, so it is part of the stamp.
  const seals = dataPath(root, SEALS_FILE);
  const stamp = `${folderStamp(dataPath(root, dataset, version))}|${fileStamp(seals)}`;
  const cached = cache.get(key);
  if (cached && cached.signature === stamp) return cached.dataset;

  const show = (path: string) => displayPath(root, path);
  if (!isDatasetId(dataset))
    throw new DataError(show(dataPath(root, dataset)), `unknown dataset "${dataset}"; known datasets: ${Object.keys(tableSchemas).join(", ")}`);
  const versions = listVersions(dataset, root);
  if (!versions.includes(version))
    throw new DataError(show(dataPath(root, dataset)), `no version "${version}" of ${dataset}; available: ${versions.join(", ") || "none"}`);

  const metaFile = dataPath(root, dataset, version, "meta.json");
  const meta = readMeta(metaFile, show(metaFile));
  if (meta.dataset !== dataset || meta.version !== version) {
    throw new DataError(show(metaFile), `says it is ${meta.dataset}/${meta.version} but sits in the folder ${dataset}/${version}`);
  }

  const sealed = isSealed(root, dataset, version);
  const listed = new Set(meta.files.map((f) => f.name));
  for (const name of readdirSync(dataPath(root, dataset, version)).sort()) {
    if (!listed.has(name) && !COMPANION_FILES.includes(name)) {
      throw new DataError(show(dataPath(root, dataset, version, name)), 'this file is not listed in meta.json "files"; list it with its sha256, or remove it');
    }
  }
  for (const name of COMPANION_FILES) {
    if (!existsSync(dataPath(root, dataset, version, name)))
      throw new DataError(show(dataPath(root, dataset, version, name)), "missing: every version folder needs meta.json and NOTES.md");
  }

  const sourceIds = new Set(meta.sources.map((s) => s.id));
  const periodIds = new Set(meta.periods.map((p) => p.id));
  /** Each row id of the version → where it is first used (file:line:column), for a duplicate's message. */
  const rowIds = new Map<string, string>();
  const cited = new Set(meta.periods.flatMap((p) => p.sources ?? []));
  const undeclaredInPeriod = meta.periods.find((p) => p.sources?.some((s) => !sourceIds.has(s)));
  if (undeclaredInPeriod)
    throw new DataError(
      show(metaFile),
      `periods: period "${undeclaredInPeriod.id}" cites a source that is not declared in "sources" (declared: ${[...sourceIds].join(", ")})`,
    );
  const schemas = tableSchemas[dataset] as Readonly<Record<string, z.ZodObject | undefined>>;
  const tables: Record<string, readonly AnyRow[]> = {};
  const lookups: Record<string, readonly LookupRow[]> = {};
  const topologies: Record<string, Topology> = {};

  for (const file of meta.files) {
    const path = dataPath(root, dataset, version, file.name);
    const shown = show(path);
    if (!existsSync(path)) throw new DataError(shown, "listed in meta.json but the file does not exist");
    // Refuse an absurdly large table before reading it, so a runaway export costs no memory.
    const size = statSync(path).size;
    if (file.name.endsWith(".csv") && size > MAX_CSV_BYTES) throw tooLarge(shown, size);
    const bytes = readFileSync(path);
    const actual = sha256(bytes);
    // A draft's checksums are written when it is sealed (npm run data -- seal), so editors never type one.
    if (actual !== file.sha256 && sealed) {
      throw new DataError(
        shown,
        `checksum mismatch: meta.json records sha256 ${file.sha256} but the file's is ${actual}. A published file never changes: put the corrected file in a new version folder (see data/README.md)`,
      );
    }
    if (file.name.endsWith(".topo.json")) {
      topologies[file.name.replace(/\.topo\.json$/, "")] = parseTopology(bytes, shown);
      continue;
    }
    const name = file.name.replace(/\.csv$/, "");
    const schema = schemas[name];
    if (!schema) throw new DataError(shown, `no table "${name}" is defined for ${dataset}; known tables: ${Object.keys(schemas).join(", ")}`);
    const values = isValueTable(schema);
    const rows = parseCsv(
      bytes,
      shown,
      schema,
      Object.keys(schema.shape),
      (parsed) => {
        const row = parsed as AnyRow;
        const undeclared = row.sources.find((s) => !sourceIds.has(s));
        if (undeclared)
          return { field: "sources", reason: `source "${undeclared}" is not declared in meta.json "sources" (declared: ${[...sourceIds].join(", ")})` };
        if (values && !periodIds.has(row.period))
          return { field: "period", reason: `period "${row.period}" is not declared in meta.json "periods" (declared: ${[...periodIds].join(", ")})` };
        const first = rowIds.get(row.id);
        if (first)
          return {
            field: "id",
            reason: `the id "${row.id}" is already used in this version, first at ${first}; ids must be unique across its files: give one of the two rows another id`,
          };
        const { line, column } = placeOf(row, "id");
        rowIds.set(row.id, `${shown}:${line}:${column}`);
        for (const s of row.sources) cited.add(s);
        return undefined;
      },
      optionalColumns,
    );
    if (values) tables[name] = rows as readonly AnyRow[];
    else lookups[name] = rows as readonly LookupRow[];
  }

  // Boundary datasets credit their sources for the shapes, which no row cites.
  const uncited = meta.sources.find((s) => !cited.has(s.id));
  if (uncited && Object.keys(tables).length > 0)
    throw new DataError(show(metaFile), `sources: "${uncited.id}" is declared but no row or period cites it; cite it or remove it`);

  const result: Dataset = Object.freeze({
    id: dataset,
    version,
    meta,
    tables: Object.freeze(tables),
    lookups: Object.freeze(lookups),
    topologies: Object.freeze(topologies),
  });
  checkDataset(result, root);
  cache.set(key, { signature: stamp, dataset: result, sealChecked: false });
  return result;
}

/**
 * Every version of every dataset checked: each version's own checks (its first mistake per version),
 * then, when every version reads, the references between them and the source records, then, only
 * when those hold, the seals (a mistake is named at its line before the fact that it changed a
 * published file). Returns the loaded versions and every mistake found, in that order.
 */
export function checkAllDatasets(root: string = projectRoot): { datasets: Dataset[]; errors: DataError[]; versions: number } {
  const errors: DataError[] = [];
  const recorded = <T>(check: () => T): T | undefined => {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      errors.push(error);
      return undefined;
    }
  };
  const read = listDatasets(root).flatMap((dataset) => listVersions(dataset, root).map((version) => recorded(() => readDataset(dataset, version, root))));
  const all = read.filter((d): d is Dataset => d !== undefined);
  if (errors.length > 0) return { datasets: [], errors, versions: read.length };
  recorded(() => checkReferences(all, root));
  recorded(() => checkSourceRecords(all, root));
  if (errors.length > 0) return { datasets: [], errors, versions: read.length };
  const datasets = all.flatMap((d) => recorded(() => loadDataset(d.id, d.version, root)) ?? []);
  return { datasets, errors, versions: read.length };
}

/** Loads and checks every version of every dataset: what the pages read; throws the first mistake. */
export function loadAllDatasets(root: string = projectRoot): Dataset[] {
  const { datasets, errors } = checkAllDatasets(root);
  if (errors[0]) throw errors[0];
  return datasets;
}
