import { z } from "zod";
import { checkValueBlock, gssCode, idColumn, oneOf, optionalWhole, textColumn, valueColumns, type ValueBlock } from "./columns";

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
    towns: table({ town: textColumn, area_code: policeForceArea }),
    boroughs: table({ borough_code: londonBorough, borough: textColumn, rank: optionalWhole }),
    "referrals-by-borough": table({ borough_code: londonBorough, borough: textColumn }),
    subregions: table({ subregion: textColumn, measure: oneOf(["linked-links", "linked-proven", "linked-suspected", "referrals"]) }),
    "referral-funnel": table({ stage: textColumn, step: optionalWhole }),
  },
  national: {
    headline: table({ label: textColumn }),
    "deal-line-share": table({ force_code: policeForceArea, force: textColumn }),
  },
} as const;

export type DatasetId = keyof typeof tableSchemas;
export type TableName<D extends DatasetId> = keyof (typeof tableSchemas)[D] & string;
export type Row<D extends DatasetId, T extends TableName<D>> = Readonly<z.output<(typeof tableSchemas)[D][T] extends z.ZodType ? (typeof tableSchemas)[D][T] : never>>;
/** Fields every row has, whatever its table. */
export type AnyRow = Readonly<z.output<ReturnType<typeof table<{}>>>> & Readonly<Record<string, unknown>>;

export function isDatasetId(id: string): id is DatasetId {
  return Object.hasOwn(tableSchemas, id);
}
