import { readFileSync } from "node:fs";
import { z } from "zod";
import { DataError } from "../files/data-error";
import { dataPath, displayPath, projectRoot } from "../files/paths";
import { parsePositioned, parseWithSchema } from "../files/positions";

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

const schema = z
  .object({
    about: z.string(),
    sources: z.record(
      z.string().regex(/^[A-Z][A-Z0-9]*\d$/, { error: "expected a source id such as P1 or S12" }),
      z
        .object({
          kind: z.enum(KINDS, { error: `expected one of: ${KINDS.join(", ")}` }),
          credit: z.string().trim().min(2, { error: 'expected the short name a credit uses, e.g. "City Hall"' }),
        })
        .strict(),
    ),
  })
  .strict();

/** How one source is credited under a chart. */
export interface SourceCredit {
  readonly kind: Kind;
  readonly credit: string;
}

const FILE = "data/sources.json";
const cache = new Map<string, Map<string, SourceCredit>>();

/**
 * data/sources.json, read and checked once per project root: every source's kind and credit name.
 * A mistake throws a {@link DataError} at its line and column.
 */
export function readSourceCredits(root: string = projectRoot): Map<string, SourceCredit> {
  const cached = cache.get(root);
  if (cached) return cached;
  const path = dataPath(root, "sources.json");
  const shown = displayPath(root, path);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new DataError(FILE, "missing: it names the kind and credit of every source (see data/README.md)");
  }
  const positioned = parsePositioned(text);
  if (positioned.syntaxError)
    throw new DataError(shown, `not valid JSON: ${positioned.syntaxError.message}`, positioned.syntaxError.line, positioned.syntaxError.column);
  const { data, problem } = parseWithSchema(schema, positioned);
  if (problem) throw new DataError(shown, `${problem.where ? `${problem.where}: ` : ""}${problem.message}`, problem.position?.line, problem.position?.column);
  const credits = new Map(Object.entries(data.sources));
  cache.set(root, credits);
  return credits;
}

/**
 * Checks that every source a dataset version declares has an entry in data/sources.json; throws a
 * {@link DataError} naming the version's meta.json and the entry to add.
 */
export function checkSourceCredits(
  versions: readonly { id: string; version: string; meta: { sources: readonly { id: string }[] } }[],
  root: string = projectRoot,
): void {
  const credits = readSourceCredits(root);
  for (const d of versions)
    for (const s of d.meta.sources)
      if (!credits.has(s.id))
        throw new DataError(
          FILE,
          `no entry for source "${s.id}", which data/${d.id}/${d.version}/meta.json declares: add "${s.id}": { "kind": "news", "credit": "…" } under "sources" (kinds: ${KINDS.join(", ")})`,
        );
}

const COUNTS = ["no", "a", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

/**
 * The sources of a chart named as a credit line does: named sources once each, in the order given,
 * then the press counted by kind. ["P1", "P2", "S2", "S3"] → "the Rescue and Response assessment,
 * City Hall and two news reports".
 */
export function creditPhrase(ids: readonly string[], credits: ReadonlyMap<string, SourceCredit>): string {
  const named: string[] = [];
  const counted = new Map<Kind, number>();
  for (const id of ids) {
    const entry = credits.get(id);
    if (!entry) throw new Error(`source "${id}" has no entry in ${FILE}`);
    if (SOURCE_KINDS[entry.kind].named) {
      if (!named.includes(entry.credit)) named.push(entry.credit);
    } else counted.set(entry.kind, (counted.get(entry.kind) ?? 0) + 1);
  }
  const parts = [
    ...named,
    ...[...counted].map(([kind, n]) => {
      const words = SOURCE_KINDS[kind] as { one: string; many: string };
      return `${COUNTS[n] ?? n} ${n === 1 ? words.one : words.many}`;
    }),
  ];
  return new Intl.ListFormat("en-GB", { type: "conjunction" }).format(parts);
}
