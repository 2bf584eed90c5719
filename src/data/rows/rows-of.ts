import type { Dataset } from "../schema/dataset";
import type { DatasetId, Row, TableName } from "../schema/tables";

/** The typed rows of one table of a loaded dataset version; throws if the version lacks it. */
export function rowsOf<D extends DatasetId, T extends TableName<D>>(data: Dataset, dataset: D, table: T): readonly Row<D, T>[] {
  if (data.id !== dataset) throw new Error(`expected a ${dataset} dataset, got ${data.id}`);
  const rows = data.tables[table];
  if (!rows) throw new Error(`data/${dataset}/${data.version} has no table "${table}" (it has: ${Object.keys(data.tables).join(", ")})`);
  return rows as unknown as readonly Row<D, T>[];
}
