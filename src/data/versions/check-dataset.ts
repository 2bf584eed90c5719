import { geoArea } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import { DataError } from "../files/data-error";
import { geographies, type Geography } from "../schema/geographies";
import type { Dataset } from "../schema/dataset";
import { placeOf } from "../files/parse-csv";
import { dataPath, displayPath } from "../files/paths";
import type { AnyRow, DatasetId } from "../schema/tables";

/**
 * Checks that need a whole table or several files, run once a version's rows are valid one by one:
 * shares of one cohort that add up to more than 100%, and boundary files that do not match their
 * code lists (a code with no shape, a shape with no code, a ring wound the wrong way). Each error
 * names the file and, where a row is at fault, its line and column.
 */
export function checkDataset(data: Dataset, root: string): void {
  checkShares(data, root);
  checkBoundaries(data, root);
}

const fileOf = (data: Dataset, root: string, name: string) => displayPath(root, dataPath(root, data.id, data.version, name));
/** A DataError pointing at one field of one parsed row. */
const rowError = (file: string, row: object, field: string, reason: string) => {
  const { line, column } = placeOf(row, field);
  return new DataError(file, reason, line, column, field);
};

/**
 * Mutually exclusive shares of one cohort cannot add up to more than 100%: the male share in
 * `sex`, and age bands that do not overlap in `age-bands` (overlapping bands, such as under-18 and
 * 15-19, may). Lower bounds are summed, with half a point of rounding allowed per share, so a
 * range or an "about" value cannot trip it. The error points at the row that takes the total past 100.
 */
function checkShares(data: Dataset, root: string): void {
  const groups: { table: string; rows: AnyRow[] }[] = [];
  const byCohort = (table: string, rows: readonly AnyRow[]) => {
    const cohorts = new Map<string, AnyRow[]>();
    for (const row of rows.filter((r) => r.unit === "percent" && r.value !== null))
      cohorts.set(String(row.cohort), [...(cohorts.get(String(row.cohort)) ?? []), row]);
    for (const group of cohorts.values()) groups.push({ table, rows: group });
  };
  if (data.tables.sex) byCohort("sex", data.tables.sex);
  if (data.tables["age-bands"]) {
    // Only bands with both ends published and no overlap with an earlier band of the same cohort.
    const disjoint: AnyRow[] = [];
    for (const row of data.tables["age-bands"]) {
      if (row.age_min == null || row.age_max == null) continue;
      const overlaps = disjoint.some((d) => d.cohort === row.cohort && Number(d.age_min) <= Number(row.age_max) && Number(row.age_min) <= Number(d.age_max));
      if (!overlaps) disjoint.push(row);
    }
    byCohort("age-bands", disjoint);
  }
  // The least each share can be: the bottom of a range, the value of "about", "more than" and "at
  // least", nothing for "up to". Published shares are rounded, so each may be half a point high.
  const least = (row: AnyRow) => (row.qualifier === "up-to" ? 0 : (row.value ?? 0));
  for (const { table, rows } of groups) {
    let total = 0;
    for (const [i, row] of rows.entries()) {
      total += least(row);
      if (total > 100 + 0.5 * (i + 1)) {
        throw rowError(
          fileOf(data, root, `${table}.csv`),
          row,
          "value",
          `these shares of the "${String(row.cohort)}" cohort add up to at least ${total}% (the lower end of each, allowing half a point of rounding per share), more than 100% (rows ${rows
            .slice(0, i + 1)
            .map((r) => r.id)
            .join(", ")}); they cannot all be right`,
        );
      }
    }
  }
}

/** A boundary dataset's shapes must match its code list, and its other lookups must use those codes. */
function checkBoundaries(data: Dataset, root: string): void {
  const geography: Geography | undefined = (geographies as Partial<Record<DatasetId, Geography>>)[data.id];
  if (!geography) return;
  const key = { ...geography, column: geography.codeColumn, refs: geography.lookups };
  const codesFile = fileOf(data, root, `${key.codes}.csv`);
  const topoFile = fileOf(data, root, `${key.topology}.topo.json`);
  const codeRows = data.lookups[key.codes] ?? [];
  const codes = new Set(codeRows.map((r) => String(r[key.column])));
  for (const ref of key.refs) {
    for (const row of data.lookups[ref.table] ?? []) {
      const code = String(row[ref.column]);
      if (!codes.has(code)) throw rowError(fileOf(data, root, `${ref.table}.csv`), row, ref.column, `unknown code "${code}"; it is not in ${key.codes}.csv`);
    }
  }
  const topology = data.topologies[key.topology];
  const object = topology?.objects[key.object];
  if (!topology || !object) throw new DataError(topoFile, `no TopoJSON object "${key.object}" in the file`);
  let features: Feature<Geometry>[];
  try {
    features = (feature(topology, object) as FeatureCollection).features;
  } catch (error) {
    throw new DataError(topoFile, `the shapes cannot be read: ${(error as Error).message}`);
  }
  const ids = new Set(features.map((f) => String(f.id)));
  for (const row of codeRows) {
    const code = String(row[key.column]);
    if (!ids.has(code))
      throw rowError(codesFile, row, key.column, `"${code}" has no shape in ${key.topology}.topo.json (object "${key.object}"); the map would leave it out`);
  }
  for (const f of features) {
    if (!codes.has(String(f.id))) throw new DataError(topoFile, `a shape has the id "${String(f.id)}", which is not a code in ${key.codes}.csv`);
    // A ring wound the wrong way encloses the rest of the globe: more than a hemisphere.
    if (geoArea(f) > 2 * Math.PI)
      throw new DataError(
        topoFile,
        `the shape "${String(f.id)}" covers more than half the globe: its outer ring is wound the wrong way (d3-geo wants clockwise outer rings); rewind it`,
      );
  }
}
