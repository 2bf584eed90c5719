/**
 * schema.org's vocabulary, from a local copy (vocabulary.json; README.md says where it comes from),
 * for checking JSON-LD without the network:
 * - `documentLoader` serves schema.org's JSON-LD context, rebuilt from the vocabulary the way
 *   schema.org builds its published one, for the jsonld library's `expand`;
 * - `vocabularyProblems` walks the expanded result and reports every type or property schema.org does
 *   not define, every property used on a type it does not belong to, and every value of a type the
 *   property does not take.
 *
 * schema.org's context maps unknown terms through `@vocab` like known ones, as any JSON-LD processor
 * would: `expand` alone cannot tell `Organisation` from `Organization`. The walk can.
 */
import { readFileSync } from "node:fs";

interface Vocabulary {
  namespace: string;
  /** Each class with its direct parents. */
  classes: Record<string, string[]>;
  properties: Record<string, { domainIncludes: string[]; rangeIncludes: string[]; supersededBy?: string[] }>;
  dataTypes: string[];
  /** Each enumeration member with its enumerations. */
  members: Record<string, string[]>;
  pending: string[];
}

const vocabulary = JSON.parse(readFileSync(new URL("./vocabulary.json", import.meta.url), "utf8")) as Vocabulary;
const { classes, properties, members } = vocabulary;

/** schema.org's namespace as its context expands terms (http, as schema.org's own context keeps it). */
export const SCHEMA = vocabulary.namespace;

const lineages = new Map<string, Set<string>>();
/** A class and every class above it (NewsArticle: NewsArticle, Article, CreativeWork, Thing). */
function lineage(name: string): Set<string> {
  let found = lineages.get(name);
  if (!found) {
    found = new Set([name, ...(classes[name] ?? []).flatMap((parent) => [...lineage(parent)])]);
    lineages.set(name, found);
  }
  return found;
}
const isDataType = (name: string) => vocabulary.dataTypes.some((t) => lineage(name).has(t));
const local = (iri: string) => (iri.startsWith(SCHEMA) ? iri.slice(SCHEMA.length) : undefined);

/**
 * schema.org's JSON-LD context (what https://schema.org serves to a JSON-LD processor), rebuilt from
 * the vocabulary by the rules of schema.org's own generator (software/util/sdojsonldcontext.py in the
 * schemaorg/schemaorg repository): `@vocab` and the `schema` prefix at http://schema.org/, every term
 * mapped to its IRI, and a property whose range has no Text typed `@id` when its range has URL and
 * `Date` when it has Date.
 */
function schemaOrgContext(): Record<string, unknown> {
  const context: Record<string, unknown> = {
    type: "@type",
    id: "@id",
    HTML: { "@id": "rdf:HTML" },
    "@vocab": SCHEMA,
    schema: SCHEMA,
    rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    rdfs: "http://www.w3.org/2000/01/rdf-schema#",
    xsd: "http://www.w3.org/2001/XMLSchema#",
  };
  for (const name of [...Object.keys(classes), ...Object.keys(members)]) context[name] = { "@id": `schema:${name}` };
  for (const [name, { rangeIncludes }] of Object.entries(properties)) {
    const coerced = rangeIncludes.includes("Text") ? [] : [rangeIncludes.includes("URL") && "@id", rangeIncludes.includes("Date") && "Date"].filter(Boolean);
    context[name] = { "@id": `schema:${name}`, ...(coerced.length === 1 ? { "@type": coerced[0] } : {}) };
  }
  return context;
}

const CONTEXT_URLS = ["https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/", "https://schema.org/docs/jsonldcontext.jsonld"];
let context: Record<string, unknown> | undefined;

/** A jsonld documentLoader that serves schema.org's context from the local vocabulary, and nothing else. */
export async function documentLoader(url: string) {
  if (!CONTEXT_URLS.includes(url)) throw new Error(`unexpected remote document ${url}`);
  context ??= schemaOrgContext();
  return { contextUrl: null, documentUrl: url, document: { "@context": context } };
}

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && !Array.isArray(v);
/** A real ISO 8601 calendar date, to the day, month or year (schema.org's Date: "2019", "2019-09", "2019-09-19"). */
const isIsoDate = (s: string) => {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const [y, mo = 1, d = 1] = m.slice(1).map((x) => (x === undefined ? undefined : Number(x))) as [number, number?, number?];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
};

/**
 * Everything in expanded JSON-LD (jsonld's `expand` output) that schema.org does not define or does
 * not allow, one line each, with where it is ("NewsArticle.publisher.logo"):
 * - a `@type` that is no schema.org type, or a data type (Text, Date…) given to a thing;
 * - a node with properties and no `@type`;
 * - a property schema.org does not define, or one it marks superseded;
 * - a property used on a type outside its domainIncludes (inherited: `name` fits anything under Thing);
 * - a node value whose type is outside the property's rangeIncludes (inherited too), a boolean or a
 *   number for a property whose range has no Boolean or Number, a value typed Date that is no ISO 8601 date.
 * Text values pass wherever they stand: schema.org's data model expects text where a thing is expected
 * ("we will get a text string"), and so do search engines.
 */
export function vocabularyProblems(expanded: unknown[]): string[] {
  const problems: string[] = [];
  const visit = (node: Node, at: string) => {
    const types: string[] = [];
    for (const iri of (node["@type"] as string[] | undefined) ?? []) {
      const name = local(iri);
      if (name === undefined || !(name in classes)) problems.push(`${at}: @type ${iri} is not a schema.org type`);
      else if (isDataType(name)) problems.push(`${at}: @type ${name} is a data type, not a type of thing`);
      else types.push(name);
    }
    const keys = Object.keys(node).filter((k) => !k.startsWith("@"));
    if (keys.length > 0 && !("@type" in node)) problems.push(`${at}: a node with properties and no @type`);
    for (const key of keys) {
      const name = local(key);
      const property = name === undefined ? undefined : properties[name];
      const here = `${at}.${name ?? key}`;
      if (!property) {
        problems.push(`${here}: ${key} is not a schema.org property`);
        continue;
      }
      if (property.supersededBy) problems.push(`${here}: ${name} is superseded by ${property.supersededBy.join(", ")}`);
      if (types.length > 0 && !types.some((t) => property.domainIncludes.some((d) => lineage(t).has(d))))
        problems.push(`${here}: ${name} is not a property of ${types.join(" or ")} (schema.org: ${property.domainIncludes.join(", ")})`);
      const range = property.rangeIncludes;
      const values = node[key] as unknown[];
      for (const [i, value] of values.entries()) {
        const where = values.length > 1 ? `${here}[${i}]` : here;
        if (!isNode(value)) continue;
        if ("@value" in value) {
          const v = value["@value"];
          const datatype = typeof value["@type"] === "string" ? local(value["@type"]) : undefined;
          if (typeof value["@type"] === "string" && (datatype === undefined || !(datatype in classes) || !isDataType(datatype)))
            problems.push(`${where}: value type ${value["@type"]} is not a schema.org data type`);
          if (datatype === "Date" && !(typeof v === "string" && isIsoDate(v))) problems.push(`${where}: ${JSON.stringify(v)} is not an ISO 8601 date`);
          if (typeof v === "boolean" && !range.some((r) => lineage("Boolean").has(r)))
            problems.push(`${where}: a boolean where schema.org expects ${range.join(", ")}`);
          if (typeof v === "number" && !range.some((r) => ["Number", "Integer", "Float"].some((n) => lineage(n).has(r))))
            problems.push(`${where}: a number where schema.org expects ${range.join(", ")}`);
          continue;
        }
        const valueTypes = ((value["@type"] as string[] | undefined) ?? []).map(local).filter((t): t is string => t !== undefined && t in classes);
        if (valueTypes.length > 0 && !valueTypes.some((t) => range.some((r) => lineage(t).has(r))))
          problems.push(`${where}: a ${valueTypes.join(" or ")} where schema.org expects ${range.join(", ")}`);
        visit(value, where);
      }
    }
  };
  for (const node of expanded) if (isNode(node)) visit(node, ((node["@type"] as string[] | undefined) ?? []).map((t) => local(t) ?? t).join("/") || "(node)");
  return problems;
}

/** The pending terms (proposed, not yet core schema.org) that expanded JSON-LD uses, sorted. */
export function pendingTermsUsed(expanded: unknown[]): string[] {
  const used = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!isNode(value) || "@value" in value) return;
    for (const t of (value["@type"] as string[] | undefined) ?? []) used.add(local(t) ?? t);
    for (const [key, v] of Object.entries(value)) {
      if (!key.startsWith("@")) used.add(local(key) ?? key);
      visit(v);
    }
  };
  visit(expanded);
  return vocabulary.pending.filter((term) => used.has(term));
}
