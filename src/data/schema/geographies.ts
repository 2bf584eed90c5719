import type { DatasetId } from "./tables";

/** A boundary dataset: its list of codes and the TopoJSON file and object holding their shapes. */
export interface Geography {
  /** The lookup table (CSV name without `.csv`) listing every code, and its code column. */
  readonly codes: string;
  readonly codeColumn: string;
  /** The TopoJSON file (name without `.topo.json`) and the object in it whose features are the places. */
  readonly topology: string;
  readonly object: string;
  /** Other lookup columns in the same dataset that must hold one of its codes. */
  readonly lookups: readonly { readonly table: string; readonly column: string }[];
}

/** Every geography the site draws, declared once: checks, maps and tests derive from this. */
export const geographies = {
  "police-force-areas": {
    codes: "forces",
    codeColumn: "pfa_code",
    topology: "police-force-areas",
    object: "pfa",
    lookups: [{ table: "lookup", column: "pfa_code" }],
  },
  "london-boroughs": { codes: "boroughs", codeColumn: "borough_code", topology: "london-boroughs", object: "boroughs", lookups: [] },
} as const satisfies Partial<Record<DatasetId, Geography>>;

export type GeographyId = keyof typeof geographies;

/** Which figure columns hold place codes, and of which geography: every such code must exist there. */
export const placeColumns: readonly { readonly dataset: DatasetId; readonly table: string; readonly column: string; readonly geography: GeographyId }[] = [
  { dataset: "rescue-and-response", table: "destinations", column: "area_code", geography: "police-force-areas" },
  { dataset: "rescue-and-response", table: "towns", column: "area_code", geography: "police-force-areas" },
  { dataset: "rescue-and-response", table: "boroughs", column: "borough_code", geography: "london-boroughs" },
  { dataset: "rescue-and-response", table: "referrals-by-borough", column: "borough_code", geography: "london-boroughs" },
  { dataset: "national", table: "deal-line-share", column: "force_code", geography: "police-force-areas" },
];
