import type { Meta } from "./meta-schema";
import type { Topology } from "../files/parse-topology";
import type { AnyRow, DatasetId, LookupRow } from "./tables";

/** One validated dataset version: its metadata and every table, read-only. */
export interface Dataset {
  readonly id: DatasetId;
  readonly version: string;
  readonly meta: Meta;
  /** Value rows by table name (file name without `.csv`): what charts and Facts read. */
  readonly tables: Readonly<Record<string, readonly AnyRow[]>>;
  /** Lookup rows (codes, names) by table name. */
  readonly lookups: Readonly<Record<string, readonly LookupRow[]>>;
  /** TopoJSON topologies by file name without `.topo.json`. */
  readonly topologies: Readonly<Record<string, Topology>>;
}
