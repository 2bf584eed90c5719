import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { csvParseRows } from "d3-dsv";

/**
 * A Frictionless Data Package (v1) as a reuser's tool sees it, checked without our own code: the
 * descriptor against the published JSON Schema profiles (tests/support/frictionless-profiles/, see
 * the README there), each file against the size and sha256 the descriptor records, and each CSV read
 * against its Table Schema the way the specification says (missing values, types, constraints,
 * primary key). Written for the parts of Table Schema our packages use; anything else is refused
 * loudly rather than passed.
 */

/** A Table Schema field: the parts this reader understands. */
interface Field {
  name: string;
  type: string;
  constraints?: { required?: boolean; unique?: boolean; pattern?: string; enum?: unknown[]; minimum?: number; maximum?: number };
}
export interface Resource {
  name: string;
  path: string;
  profile?: string;
  bytes?: number;
  hash?: string;
  schema?: { fields: Field[]; missingValues?: string[]; primaryKey?: string | string[] };
}
export interface Descriptor {
  profile?: string;
  resources: Resource[];
}

const PROFILES = ["data-package", "tabular-data-package", "data-resource", "tabular-data-resource"] as const;
// strictTypes off: the published profiles leave "type" implicit beside some keywords, which is valid JSON Schema.
const ajv = new Ajv({ allErrors: true, strictTypes: false });
addFormats(ajv);
// The profiles' annotations for form builders and docs, not validation keywords.
ajv.addVocabulary(["propertyOrder", "context", "examples", "options", "hidden", "notes"]);
ajv.addFormat("textarea", true);
const validators = new Map(
  PROFILES.map((name) => [name, ajv.compile(JSON.parse(readFileSync(join(import.meta.dirname, "frictionless-profiles", `${name}.json`), "utf8")))]),
);

function validate(profile: string, value: unknown, where: string): string[] {
  const validator = validators.get(profile as (typeof PROFILES)[number]);
  if (!validator) return [`${where}: profile "${profile}" is not one of ${PROFILES.join(", ")}`];
  return validator(value) ? [] : validator.errors!.map((e) => `${where}${e.instancePath}: ${e.message} (${profile})`);
}

/**
 * The descriptor checked against its profile (default "data-package"), and each resource against its
 * own (default "data-resource"). Returns the errors, none when valid.
 */
export function validateDescriptor(descriptor: Descriptor): string[] {
  return [
    ...validate(descriptor.profile ?? "data-package", descriptor, "package"),
    ...descriptor.resources.flatMap((r, i) => validate(r.profile ?? "data-resource", r, `resources/${i} (${r.name})`)),
  ];
}

/** The file's size and sha256 against what the resource records. Returns the errors. */
export function checkFile(resource: Resource, bytes: Buffer): string[] {
  const errors: string[] = [];
  if (resource.bytes !== bytes.length) errors.push(`${resource.path}: the descriptor says ${resource.bytes} bytes, the file has ${bytes.length}`);
  const hash = `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
  if (resource.hash !== hash) errors.push(`${resource.path}: the descriptor says hash ${resource.hash}, the file's is ${hash}`);
  return errors;
}

/** Lexical forms of Table Schema v1 (default format, decimalChar ".", no groupChar, bareNumber true). */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;
function cast(field: Field, cell: string): { value: unknown } | { error: string } {
  switch (field.type) {
    case "string":
      return { value: cell };
    case "integer":
      return INTEGER.test(cell) ? { value: Number(cell) } : { error: `${JSON.stringify(cell)} is not an integer` };
    case "number":
      if (cell === "NaN") return { value: NaN };
      if (cell === "INF" || cell === "-INF") return { value: cell === "INF" ? Infinity : -Infinity };
      return NUMBER.test(cell) ? { value: Number(cell) } : { error: `${JSON.stringify(cell)} is not a number` };
    default:
      throw new Error(`field "${field.name}": type "${field.type}" is not read by tests/support/data-package.ts; add it from the Table Schema spec`);
  }
}

/** The constraint errors of one cast value (null when the cell was a missing value). */
function constrain(field: Field, value: unknown, cell: string): string[] {
  const c = field.constraints ?? {};
  const known = ["required", "unique", "pattern", "enum", "minimum", "maximum"];
  const unknown = Object.keys(c).filter((k) => !known.includes(k));
  if (unknown.length) throw new Error(`field "${field.name}": constraints ${unknown.join(", ")} are not read by tests/support/data-package.ts`);
  if (value === null) return c.required ? ["is required but missing"] : [];
  const errors: string[] = [];
  // Patterns are XML Schema regular expressions: implicitly anchored, tested on the physical cell.
  if (c.pattern !== undefined && !new RegExp(`^(?:${c.pattern})$`, "u").test(cell)) errors.push(`${JSON.stringify(cell)} does not match ${c.pattern}`);
  if (c.enum !== undefined && !c.enum.includes(value)) errors.push(`${JSON.stringify(cell)} is not one of ${JSON.stringify(c.enum)}`);
  if (c.minimum !== undefined && (value as number) < c.minimum) errors.push(`${cell} is below the minimum ${c.minimum}`);
  if (c.maximum !== undefined && (value as number) > c.maximum) errors.push(`${cell} is above the maximum ${c.maximum}`);
  return errors;
}

/**
 * A CSV file read against its resource's Table Schema: the header must name the fields in order,
 * every row must have one cell per field, missing values become null, every other cell is cast to
 * its field's type and checked against its constraints, and unique and primary-key fields hold no
 * repeats. Returns the rows (keyed, cast) and every error, by row (1 is the first row after the header).
 */
export function readTable(resource: Resource, text: string): { rows: Record<string, unknown>[]; errors: string[] } {
  const schema = resource.schema;
  if (!schema) return { rows: [], errors: [`${resource.path}: no Table Schema`] };
  const missing = schema.missingValues ?? [""];
  const key = typeof schema.primaryKey === "string" ? [schema.primaryKey] : (schema.primaryKey ?? []);
  const [header = [], ...records] = csvParseRows(text.replace(/^\uFEFF/, ""));
  const names = schema.fields.map((f) => f.name);
  const errors: string[] = [];
  if (header.join("\u0000") !== names.join("\u0000"))
    errors.push(`${resource.path}: header ${JSON.stringify(header)} is not the fields ${JSON.stringify(names)}`);
  const unique = new Map(schema.fields.filter((f) => f.constraints?.unique).map((f) => [f.name, new Set<unknown>()]));
  const keys = new Set<string>();
  const rows = records.map((cells, i) => {
    const where = `${resource.path} row ${i + 1}`;
    if (cells.length !== names.length) errors.push(`${where}: ${cells.length} cells for ${names.length} fields`);
    const row: Record<string, unknown> = {};
    schema.fields.forEach((field, j) => {
      const cell = cells[j] ?? "";
      const result = missing.includes(cell) ? { value: null } : cast(field, cell);
      if ("error" in result) return errors.push(`${where}, ${field.name}: ${result.error}`);
      row[field.name] = result.value;
      for (const e of constrain(field, result.value, cell)) errors.push(`${where}, ${field.name}: ${e}`);
      const values = unique.get(field.name);
      if (values && result.value !== null && values.size === values.add(result.value).size)
        errors.push(`${where}, ${field.name}: ${JSON.stringify(cell)} repeats (unique)`);
    });
    // The primary key: present in every row, and no two rows alike.
    if (key.some((k) => row[k] === null || row[k] === undefined)) errors.push(`${where}: primary key ${key.join(", ")} is missing`);
    else if (key.length && keys.size === keys.add(JSON.stringify(key.map((k) => row[k]))).size) errors.push(`${where}: primary key ${key.join(", ")} repeats`);
    return row;
  });
  return { rows, errors };
}
