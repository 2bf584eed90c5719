import type { Dataset } from "../schema/dataset";
import type { AnyRow } from "../schema/tables";

/** The parts of a value row that a new version can change. */
const comparedFields = ["value", "value_high", "rank", "qualifier", "unit", "period", "status", "sources"] as const;
type ComparedField = (typeof comparedFields)[number];

/** One row that differs between two versions of a dataset. */
export interface RowChange {
  readonly id: string;
  /** The table (CSV file name without `.csv`) the row is in, in the later version if it is there. */
  readonly table: string;
  /** `changed`: in both, with different fields; `added`: only in the later; `removed`: only in the earlier. */
  readonly kind: "changed" | "added" | "removed";
  readonly before?: AnyRow;
  readonly after?: AnyRow;
  /** For `changed` rows, the fields that differ, in {@link comparedFields} order. */
  readonly fields: readonly ComparedField[];
}

export interface VersionDiff {
  readonly dataset: string;
  readonly before: string;
  readonly after: string;
  /** Changed rows first, then added, then removed; each group in the later (or earlier) file order. */
  readonly changes: readonly RowChange[];
  /** Rows present in both versions with every compared field equal. */
  readonly unchanged: number;
}

const rowsById = (data: Dataset) => new Map(Object.entries(data.tables).flatMap(([table, rows]) => rows.map((row) => [row.id, { table, row }] as const)));
const periodOf = (data: Dataset, id: string) => {
  const p = data.meta.periods.find((q) => q.id === id);
  return p ? `${p.label}|${p.start ?? ""}|${p.end ?? ""}` : id;
};
const same = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]) : a === b;

/**
 * Which values changed between two versions of one dataset, matched by row id (ids name the same
 * measure across versions: `norfolk` is Norfolk's count in each). A row's notes are not compared:
 * they are prose. Pure: it reads two loaded datasets and returns a new list.
 */
export function diffVersions(before: Dataset, after: Dataset): VersionDiff {
  if (before.id !== after.id) throw new Error(`cannot compare versions of different datasets (${before.id}, ${after.id})`);
  const earlier = rowsById(before);
  const later = rowsById(after);
  const changed: RowChange[] = [];
  const added: RowChange[] = [];
  let unchanged = 0;
  for (const [id, { table, row }] of later) {
    const old = earlier.get(id);
    if (!old) {
      added.push({ id, table, kind: "added", after: row, fields: [] });
      continue;
    }
    // Periods are compared by what they mean (dates and label), not by their ids, which are local to a version.
    const fields = comparedFields.filter((f) =>
      f === "period" ? periodOf(before, old.row.period) !== periodOf(after, row.period) : !same(old.row[f], row[f]),
    );
    if (fields.length) changed.push({ id, table, kind: "changed", before: old.row, after: row, fields });
    else unchanged++;
  }
  const removed: RowChange[] = [...earlier]
    .filter(([id]) => !later.has(id))
    .map(([id, { table, row }]) => ({ id, table, kind: "removed", before: row, fields: [] }));
  return { dataset: after.id, before: before.version, after: after.version, changes: [...changed, ...added, ...removed], unchanged };
}

/** A row's own name for readers: its label, place or stage, else its id. */
export function rowName(row: AnyRow): string {
  for (const key of ["label", "area", "town", "borough", "force", "stage", "band", "subregion"]) {
    const value = row[key];
    if (typeof value === "string" && value) return value;
  }
  return row.id;
}
