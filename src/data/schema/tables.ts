import { z } from "zod";
import { checkValueBlock, describedAs, gssCode, idColumn, oneOf, optionalWhole, sourceList, textColumn, valueColumns, type ValueBlock } from "./columns";

/** Builds a lookup table schema (no values): an id, the table's own columns and its sources. */
function lookup<T extends z.ZodRawShape>(own: T) {
  return z.object({ id: idColumn, ...own, sources: sourceList });
}

/** Builds a table schema: the id column, the table's own columns, then the shared value block. */
function table<T extends z.ZodRawShape>(own: T) {
  return z.object({ id: idColumn, ...own, ...valueColumns }).superRefine((row, ctx) => checkValueBlock(row as ValueBlock, ctx));
}

const policeForceArea = gssCode(["E23", "W15"]);
const londonBorough = gssCode(["E09"]);
const cohort = oneOf(["linked", "referred"]);

/**
 * The tables each dataset may hold, by file name without `.csv`. A dataset version lists the
 * files it has in meta.json; every listed CSV must have a schema here. Column meanings are in
 * data/README.md.
 */
export const tableSchemas = {
  "rescue-and-response": {
    headline: table({ label: textColumn }),
    "age-bands": table({ cohort, band: textColumn, age_min: optionalWhole, age_max: optionalWhole }),
    sex: table({ cohort, sex: oneOf(["male"]) }),
    destinations: table({ area_code: policeForceArea, area: textColumn, rank: optionalWhole }),
    towns: table({ town: textColumn, area_code: policeForceArea, rank: optionalWhole }),
    boroughs: table({ borough_code: londonBorough, borough: textColumn, rank: optionalWhole }),
    "referrals-by-borough": table({ borough_code: londonBorough, borough: textColumn, rank: optionalWhole }),
    subregions: table({ subregion: textColumn, measure: oneOf(["linked-links", "linked-proven", "linked-suspected", "referrals"]) }),
    "referral-funnel": table({ stage: textColumn, step: optionalWhole }),
  },
  national: {
    headline: table({ label: textColumn }),
    "deal-line-share": table({ force_code: policeForceArea, force: textColumn }),
  },
  "programme-outcomes": {
    outcomes: table({ label: textColumn }),
  },
  "police-force-areas": {
    forces: lookup({ pfa_code: policeForceArea, pfa_name: textColumn }),
    lookup: lookup({
      unit_code: describedAs(
        z.string().regex(/^GB-[A-Z]{3}$/, { error: (i) => `expected an ISO 3166-2 code such as GB-NFK (got ${JSON.stringify(i.input)})` }),
        { type: "string", constraints: { required: true, pattern: "GB-[A-Z]{3}" } },
      ),
      pfa_code: policeForceArea,
    }),
  },
  "london-boroughs": {
    boroughs: lookup({ borough_code: londonBorough, borough_name: textColumn }),
  },
} as const;

/**
 * Columns a file may leave out of its header, read as empty cells. A later version can add a
 * column (Year 2 publishes town ranks) without rewriting earlier, checksummed files.
 */
export const optionalColumns: readonly string[] = ["rank"];

/** Tables whose rows are values (with the value block); the others are lookups. */
export function isValueTable(schema: z.ZodObject): boolean {
  return "qualifier" in schema.shape;
}

export type DatasetId = keyof typeof tableSchemas;
export type TableName<D extends DatasetId> = keyof (typeof tableSchemas)[D] & string;
export type Row<D extends DatasetId, T extends TableName<D>> = Readonly<
  z.output<(typeof tableSchemas)[D][T] extends z.ZodType ? (typeof tableSchemas)[D][T] : never>
>;
/** A row of a lookup table. */
export type LookupRow = Readonly<{ id: string; sources: readonly string[] }> & Readonly<Record<string, unknown>>;
/** Fields every value row has, whatever its table. */
export type AnyRow = Readonly<z.output<ReturnType<typeof table<Record<never, never>>>>> & Readonly<Record<string, unknown>>;

export function isDatasetId(id: string): id is DatasetId {
  return Object.hasOwn(tableSchemas, id);
}
