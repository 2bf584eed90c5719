import { z } from "zod";

/**
 * Zod column types for our CSV tables. Every cell arrives as a string; each helper says in its
 * message what a valid cell looks like, because the reader of the message is an editor with a
 * spreadsheet open, not a developer.
 */

/**
 * How a column type is described to other tools, as a Frictionless Table Schema field (type and
 * constraints), registered beside each zod column type below, so a published datapackage.json and
 * the build's own checks cannot disagree. Patterns are XML Schema style: implicitly anchored.
 */
export interface FieldType {
  readonly type: "string" | "integer" | "number";
  readonly constraints?: { readonly required?: true; readonly pattern?: string; readonly enum?: readonly string[]; readonly minimum?: number };
}
export const fieldTypes = z.registry<FieldType>();
/** Registers a column type's Table Schema description and returns the column type. */
export function describedAs<T extends z.ZodType>(schema: T, field: FieldType): T {
  fieldTypes.add(schema, field);
  return schema;
}

const got = (input: unknown) => (input === "" ? "the cell is empty" : `got ${JSON.stringify(input)}`);

/** Kebab-case id, e.g. `linked-total`. Used as the `<Fact id>` of the row. */
export const idColumn = describedAs(
  z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: (issue) => `expected a kebab-case id such as "linked-total" (${got(issue.input)})`,
  }),
  { type: "string", constraints: { required: true, pattern: "[a-z0-9]+(-[a-z0-9]+)*" } },
);

/** Required free text. */
export const textColumn = describedAs(
  z.string().refine((s) => s.trim() !== "", { error: "this cell must not be empty" }),
  { type: "string", constraints: { required: true } },
);

/** Optional free text; an empty cell is `""`. */
const optionalText = describedAs(z.string(), { type: "string" });

/** A whole number ≥ 0 written without separators, or an empty cell (`null`). */
export const optionalWhole = describedAs(
  z.string().transform((s, ctx) => {
    if (s === "") return null;
    if (!/^\d+$/.test(s)) {
      ctx.addIssue({ code: "custom", message: `expected a whole number such as 4, or an empty cell (${got(s)})` });
      return z.NEVER;
    }
    return Number(s);
  }),
  { type: "integer", constraints: { minimum: 0 } },
);

/** A number ≥ 0 (decimals allowed) without separators or units, or an empty cell (`null`). */
const optionalNumber = describedAs(
  z.string().transform((s, ctx) => {
    if (s === "") return null;
    if (!/^\d+(?:\.\d+)?$/.test(s)) {
      const hint = /[,£%]/.test(s) ? "; write it without commas, £ or %" : s.startsWith("-") ? "; counts and shares cannot be negative" : "";
      ctx.addIssue({ code: "custom", message: `expected a number such as 4013 or 46.5${hint} (${got(s)})` });
      return z.NEVER;
    }
    return Number(s);
  }),
  { type: "number", constraints: { minimum: 0 } },
);

/** A GSS code such as `E23000024` (police force area) or `E09000022` (London borough). */
export const gssCode = (prefixes: readonly string[]) =>
  describedAs(
    z.string().refine((s) => prefixes.some((p) => new RegExp(`^${p}\\d{6}$`).test(s)), {
      error: (issue) => `expected a GSS code starting ${prefixes.join(" or ")} followed by six digits, e.g. ${prefixes[0]}000001 (${got(issue.input)})`,
    }),
    { type: "string", constraints: { required: true, pattern: `(${prefixes.join("|")})[0-9]{6}` } },
  );

/** One value of a closed vocabulary; the message lists the allowed values. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return describedAs(z.enum(values, { error: (issue) => `expected one of ${values.map((v) => `"${v}"`).join(", ")} (${got(issue.input)})` }), {
    type: "string",
    constraints: { required: true, enum: values },
  });
}

const QUALIFIERS = ["exact", "about", "more-than", "at-least", "up-to", "range", "not-published"] as const;
const UNITS = ["people", "percent", "gbp", "lines", "areas", "years", "forces", "per-ten"] as const;
const STATUSES = ["primary", "secondary", "single-source", "conflicting"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];
export type Unit = (typeof UNITS)[number];
export type Status = (typeof STATUSES)[number];

/** Space-separated source ids such as `P2 S9`; each must be declared in the version's meta.json. */
export const sourceList = describedAs(
  z.string().transform((s, ctx) => {
    const ids = s.trim().split(/\s+/).filter(Boolean);
    const bad = ids.find((id) => !/^[A-Z][A-Z0-9]*\d$/.test(id));
    if (ids.length === 0 || bad !== undefined) {
      ctx.addIssue({ code: "custom", message: `expected source ids from meta.json separated by spaces, e.g. "P2 S9" (${got(bad ?? s)})` });
      return z.NEVER;
    }
    return Object.freeze(ids);
  }),
  { type: "string", constraints: { required: true, pattern: "\\s*[A-Z][A-Z0-9]*[0-9](\\s+[A-Z][A-Z0-9]*[0-9])*\\s*" } },
);

/**
 * The value block every table ends with: `value,value_high,qualifier,unit,period,status,sources,note`.
 * See data/README.md for the meaning of each column.
 */
export const valueColumns = {
  value: optionalNumber,
  value_high: optionalNumber,
  qualifier: oneOf(QUALIFIERS),
  unit: oneOf(UNITS),
  period: idColumn,
  status: oneOf(STATUSES),
  sources: sourceList,
  note: optionalText,
};

/** The parsed value block, as the cross-column rules see it. */
export interface ValueBlock {
  value: number | null;
  value_high: number | null;
  qualifier: Qualifier;
  unit: Unit;
}

/**
 * Cross-column rules of the value block: a range has both ends in order, "not published" has no
 * value, anything else has a single value, and a percentage cannot exceed 100.
 */
export function checkValueBlock(row: ValueBlock, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (row.qualifier === "not-published") {
    if (row.value !== null) issue("value", 'a "not-published" row must leave value empty; a gap stays a gap');
    if (row.value_high !== null) issue("value_high", 'a "not-published" row must leave value_high empty');
    return;
  }
  if (row.value === null) return issue("value", `the qualifier is "${row.qualifier}", so value is required; use qualifier "not-published" for a gap`);
  if (row.qualifier === "range") {
    if (row.value_high === null) return issue("value_high", 'a "range" row needs value_high, the top of the range');
    if (row.value_high <= row.value) return issue("value_high", `the top of the range (${row.value_high}) must be above its bottom (${row.value})`);
  } else if (row.value_high !== null) {
    return issue("value_high", `value_high is only for qualifier "range" (this row is "${row.qualifier}")`);
  }
  if (row.unit === "per-ten" && Math.max(row.value, row.value_high ?? 0) > 10)
    issue("value", `a figure "in 10" cannot exceed 10 (got ${Math.max(row.value, row.value_high ?? 0)})`);
  if (row.unit === "percent" && Math.max(row.value, row.value_high ?? 0) > 100)
    issue(row.value > 100 ? "value" : "value_high", `a percentage cannot exceed 100 (got ${Math.max(row.value, row.value_high ?? 0)})`);
}
