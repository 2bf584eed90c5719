import { readFileSync } from "node:fs";
import { z } from "zod";
import { DataError } from "../files/data-error";
import { fileStamp } from "../files/file-stamp";
import { dataPath, displayPath, projectRoot } from "../files/paths";
import { parsePositioned, parseWithSchema, type Position } from "../files/positions";
import { formatDate } from "../words/format-value";
import { statesValue } from "./states-value";

/**
 * What kind of publication a source is, and how the one-line credit under a chart names it:
 * official publications and map data by their own short name ("City Hall"), the press by kind and
 * count ("four news reports").
 */
const SOURCE_KINDS = {
  official: { named: true },
  map: { named: true },
  news: { named: false, one: "news report", many: "news reports" },
  trade: { named: false, one: "trade publication", many: "trade publications" },
  charity: { named: false, one: "charity's report", many: "charities' reports" },
} as const;

type Kind = keyof typeof SOURCE_KINDS;
const KINDS = Object.keys(SOURCE_KINDS) as [Kind, ...Kind[]];
/** The longest passage we keep from a source, in words: a quotation, not a copy. */
const PASSAGE_WORDS = 40;

const day = String.raw`\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])`;
const month = String.raw`\d{4}-(?:0[1-9]|1[0-2])`;
const point = `(?:${day}|${month}|\\d{4})`;
/**
 * A date as exact as we know it: a day (2019-09-19), a month (2019-09), a year (2019), a range
 * (2019-09/2019-10: "September or October 2019") or a year and later (2019/..).
 */
const SOURCE_DATE = new RegExp(`^(?:${point}(?:/${point})?|\\d{4}/\\.\\.)$`);
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

const schema = z
  .object({
    about: z.string(),
    sources: z.record(
      z.string().regex(/^[A-Z][A-Z0-9]*\d$/, { error: "expected a source id such as P1 or S12" }),
      z
        .object({
          kind: z.enum(KINDS),
          credit: z.string().trim().min(2, { error: 'expected the short name a credit uses, e.g. "City Hall"' }),
          publisher: z.string().trim().min(1),
          title: z.string().trim().min(1),
          url: z.string().trim().min(1),
          date: z.string().regex(SOURCE_DATE, {
            error: 'expected a date as exact as we know it: "2019-09-19", "2019-09", "2019", a range "2019-09/2019-10", or "2019/.." (that year or later)',
          }),
          licence: z.string().trim().min(1),
          passages: z.record(
            z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'expected a passage id in lower case and hyphens, e.g. "top-five"' }),
            z
              .object({
                text: z
                  .string()
                  .trim()
                  .min(1)
                  .refine((t) => words(t) <= PASSAGE_WORDS, {
                    error: (i) => `a passage is at most ${PASSAGE_WORDS} words, word for word from the source (this one has ${words(String(i.input))})`,
                  }),
                /** The data rows the passage states, as "dataset/row-id", or the periods whose dates it gives, as "dataset/period:id". */
                rows: z
                  .array(
                    z
                      .string()
                      .regex(/^[a-z0-9-]+\/(?:period:)?[a-z0-9-]+$/, { error: 'expected a row as "dataset/row-id" or a period as "dataset/period:id"' }),
                  )
                  .default([]),
              })
              .strict(),
          ),
        })
        .strict(),
    ),
  })
  .strict();

/** One passage we hold from a source, word for word. */
export interface Passage {
  readonly id: string;
  readonly text: string;
  /** The data rows it states, as "dataset/row-id", and the periods whose dates it gives, as "dataset/period:id". */
  readonly rows: readonly string[];
}

/**
 * Which of a use's sources the page names: those with a passage stating the row (or its period), each
 * with those passages; if we hold words of none of them, all of them, without passages.
 * @param ids the sources of the row (and its period)
 * @param keys the row's keys ({@link rowKeys})
 */
export function quotedSources(ids: readonly string[], keys: readonly string[], records: ReadonlyMap<string, SourceRecord> = readSourceRecords()) {
  const quoted = ids.map((id) => ({ id, passages: (records.get(id)?.passages ?? []).filter((p) => p.rows.some((r) => keys.includes(r))) }));
  return quoted.some((q) => q.passages.length) ? quoted.filter((q) => q.passages.length) : quoted;
}

/** The keys a data row is known by in passages: the row itself, and its period. */
export function rowKeys(dataset: string, row: { id: string; period?: string | null }): string[] {
  return [`${dataset}/${row.id}`, ...(row.period ? [`${dataset}/period:${row.period}`] : [])];
}

/** A source as we record it once: how credits name it, its details and the passages we hold. */
export interface SourceRecord {
  readonly id: string;
  readonly kind: Kind;
  readonly credit: string;
  readonly publisher: string;
  readonly title: string;
  readonly url: string;
  readonly date: string;
  readonly licence: string;
  readonly passages: readonly Passage[];
  /** Where the record starts in data/sources.json. */
  readonly position?: Position;
}

const FILE = "data/sources.json";
const cache = new Map<string, { stamp: string; records: Map<string, SourceRecord> }>();

/**
 * data/sources.json, read and checked once per project root until the file changes (so a running
 * `npm run dev` reads an edit): every source we cite, declared once, with the passages we hold from
 * it. A mistake throws a {@link DataError} at its line and column.
 */
export function readSourceRecords(root: string = projectRoot): Map<string, SourceRecord> {
  const path = dataPath(root, "sources.json");
  const stamp = fileStamp(path);
  const cached = cache.get(root);
  if (cached?.stamp === stamp) return cached.records;
  const shown = displayPath(root, path);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new DataError(FILE, "missing: it records every source the data cites, with the passages we hold (see data/README.md)");
  }
  const positioned = parsePositioned(text);
  if (positioned.syntaxError)
    throw new DataError(shown, `not valid JSON: ${positioned.syntaxError.message}`, positioned.syntaxError.line, positioned.syntaxError.column);
  const { data, problem } = parseWithSchema(schema, positioned);
  if (problem) throw new DataError(shown, `${problem.where ? `${problem.where}: ` : ""}${problem.message}`, problem.position?.line, problem.position?.column);
  const records = new Map(
    Object.entries(data.sources).map(([id, s]) => [
      id,
      {
        ...s,
        id,
        passages: Object.entries(s.passages).map(([pid, p]) => ({ id: pid, text: p.text, rows: p.rows })),
        position: positioned.positionOf(["sources", id]),
      } satisfies SourceRecord,
    ]),
  );
  cache.set(root, { stamp, records });
  return records;
}

/** The first day a source's date can mean: "2019-09" → 2019-09-01, "2019-09/2019-10" → 2019-09-01. */
export function earliestDay(date: string): string {
  const first = date.split("/")[0]!;
  return first.length === 4 ? `${first}-01-01` : first.length === 7 ? `${first}-01` : first;
}

/**
 * The last day a source's date can mean: "2019-09" → 2019-09-30, "2019" → 2019-12-31, a range its end's
 * last day; "2019/.." (that year or later) has none we can name, so it is later than any story.
 */
export function latestDay(date: string): string {
  const last = date.split("/").at(-1)!;
  if (last === "..") return "9999-12-31";
  if (last.length === 4) return `${last}-12-31`;
  if (last.length === 7) return new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)), 0)).toISOString().slice(0, 10);
  return last;
}

/** A source date as readers see it: "19 September 2019", "September 2019", "September or October 2019", "2019 or later". */
export function formatSourceDate(date: string): string {
  const [from, to] = date.split("/") as [string, string | undefined];
  if (to === undefined) return formatDate(from);
  if (to === "..") return `${formatDate(from)} or later`;
  const a = formatDate(from);
  const b = formatDate(to);
  // "September 2019 or October 2019" reads as "September or October 2019", "27 July 2022 or 28 July 2022" as "27 or 28 July 2022".
  const year = from.slice(0, 4);
  if (from.length === 7 && to.length === 7 && to.startsWith(year)) return `${a.replace(` ${year}`, "")} or ${b}`;
  if (from.length === 10 && to.length === 10 && to.startsWith(from.slice(0, 7))) return `${Number(from.slice(8))} or ${b}`;
  return `${a} or ${b}`;
}

/**
 * A source date as schema.org's datePublished can say it: a day, month or year as it is; a range only by
 * the month or year both ends share ("2022-07-27/2022-07-28" → "2022-07", "2019-09/2019-10" → "2019");
 * "2019 or later" not at all.
 */
export function isoSourceDate(date: string): string | undefined {
  const [from, to] = date.split("/") as [string, string | undefined];
  if (to === undefined) return from;
  if (to === "..") return undefined;
  if (from.slice(0, 7) === to.slice(0, 7) && from.length >= 7 && to.length >= 7) return from.slice(0, 7);
  return from.slice(0, 4) === to.slice(0, 4) ? from.slice(0, 4) : undefined;
}

interface DeclaredSource {
  id: string;
  title: string;
  publisher: string;
  url: string;
  licence: string;
  date: string;
}
interface VersionLike {
  id: string;
  version: string;
  meta: { sources: readonly DeclaredSource[]; periods: readonly { id: string }[] };
  tables: Readonly<
    Record<string, readonly { id: string; value: number | null; value_high?: number | null; qualifier?: string | null; sources: readonly string[] }[]>
  >;
}

/**
 * Checks the records against the data: every source a meta.json declares has a record that agrees
 * with it (publisher, title, link and licence alike; the record's date starts no earlier than the
 * meta.json date, which may be coarser), every row a passage names exists, and every row with a figure
 * has a passage from one of its own sources. Throws a {@link DataError} naming the file, the line and the fix.
 */
export function checkSourceRecords(versions: readonly VersionLike[], root: string = projectRoot): void {
  const records = readSourceRecords(root);
  const at = (r: SourceRecord) => [r.position?.line, r.position?.column] as const;
  for (const d of versions)
    for (const s of d.meta.sources) {
      const r = records.get(s.id);
      if (!r)
        throw new DataError(
          FILE,
          `no record for source "${s.id}", which data/${d.id}/${d.version}/meta.json declares: add "${s.id}" under "sources" with its kind, credit, publisher, title, url, date, licence and the passages we hold`,
        );
      for (const field of ["publisher", "title", "url", "licence"] as const)
        if (r[field] !== s[field])
          throw new DataError(
            FILE,
            `source "${s.id}": ${field} ${JSON.stringify(r[field])} differs from data/${d.id}/${d.version}/meta.json (${JSON.stringify(s[field])}); published meta.json files never change, so the record must say the same`,
            ...at(r),
          );
      if (earliestDay(r.date) < earliestDay(s.date))
        throw new DataError(
          FILE,
          `source "${s.id}": date "${r.date}" starts before data/${d.id}/${d.version}/meta.json's "${s.date}"; the record may be more exact, never earlier`,
          ...at(r),
        );
    }
  // Rows by "dataset/row-id", with where each version holds them.
  const rows = new Map<string, { file: string; line: number; sources: readonly string[]; figure: boolean; values: number[] }[]>();
  for (const d of versions)
    for (const [table, list] of Object.entries(d.tables))
      list.forEach((row, i) => {
        const key = `${d.id}/${row.id}`;
        const values = [row.value, row.value_high].filter((v): v is number => typeof v === "number");
        const entry = { file: `data/${d.id}/${d.version}/${table}.csv`, line: i + 2, sources: row.sources, figure: row.value !== null, values };
        rows.set(key, [...(rows.get(key) ?? []), entry]);
      });
  const periods = new Set(versions.flatMap((d) => d.meta.periods.map((p) => `${d.id}/period:${p.id}`)));
  for (const r of records.values())
    for (const p of r.passages)
      for (const key of p.rows)
        if (!rows.has(key) && !periods.has(key))
          throw new DataError(
            FILE,
            `source "${r.id}", passage "${p.id}": no data ${key.includes("/period:") ? "period" : "row"} "${key}" in any version`,
            ...at(r),
          );
  for (const [key, places] of rows)
    for (const place of places) {
      if (!place.figure) continue;
      const held = place.sources.flatMap((id) => (records.get(id)?.passages ?? []).filter((p) => p.rows.includes(key)).map((p) => ({ id, p })));
      if (held.length === 0)
        throw new DataError(
          place.file,
          `row "${key.split("/")[1]}" has a figure but none of its sources (${place.sources.join(", ")}) has a passage in data/sources.json that states it: add the words we hold, with "rows": ["${key}"]`,
          place.line,
        );
      // The row says what the words say: each of its figures (a range's two ends) is written in one of them.
      const unstated = place.values.find((v) => !held.some(({ p }) => statesValue(p.text, v)));
      if (unstated !== undefined)
        throw new DataError(
          place.file,
          `row "${key.split("/")[1]}" gives ${unstated.toLocaleString("en-GB")}, but no passage linked to it states that figure (${held.map(({ id, p }) => `${id} "${p.id}"`).join(", ")} in data/sources.json): check the figure against the words we hold, or link the passage that states it`,
          place.line,
        );
    }
}

const COUNTS = ["no", "a", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

/**
 * The sources of a chart named as a credit line does: named sources once each, in the order given,
 * then the press counted by kind. ["P1", "P2", "S2", "S3"] → "the Rescue and Response assessment,
 * City Hall and two news reports".
 */
export function creditPhrase(ids: readonly string[], records: ReadonlyMap<string, Pick<SourceRecord, "kind" | "credit">>): string {
  const named: string[] = [];
  const counted = new Map<Kind, number>();
  for (const id of ids) {
    const entry = records.get(id);
    if (!entry) throw new Error(`source "${id}" has no entry in ${FILE}`);
    if (SOURCE_KINDS[entry.kind].named) {
      if (!named.includes(entry.credit)) named.push(entry.credit);
    } else counted.set(entry.kind, (counted.get(entry.kind) ?? 0) + 1);
  }
  const parts = [
    ...named,
    ...[...counted].map(([kind, n]) => {
      const noun = SOURCE_KINDS[kind] as { one: string; many: string };
      return `${COUNTS[n] ?? n} ${n === 1 ? noun.one : noun.many}`;
    }),
  ];
  return new Intl.ListFormat("en-GB", { type: "conjunction" }).format(parts);
}
