import type { Fact } from "../data/rows/facts";
import { formatNumber } from "../data/words/format-value";

/** A number in prose that equals a data value, and the Facts that hold it. */
export interface TypedNumber {
  readonly text: string;
  /** 0-based offset of the number in the text. */
  readonly offset: number;
  readonly factIds: readonly string[];
}

const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const TOKEN = /£?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|£?\d+(?:\.\d+)?%?(?:\s*(?:–|-|to)\s*\d+(?:,\d{3})*%?)?/g;

/** The ways a fact's value may be typed: "4,013" and "4013", "46%", "£800,000", "200–300", "200 to 300". */
function spellings(fact: Fact): string[] {
  const { value, value_high, unit } = fact.row;
  if (value === null) return [];
  const main = formatNumber(value, unit);
  if (value_high !== null) {
    const high = formatNumber(value_high, unit);
    const low = unit === "percent" ? main.replace("%", "") : main;
    return [`${low}–${high}`, `${low}-${high}`, `${low} to ${high}`];
  }
  return unit === "percent" || unit === "gbp" ? [main] : [main, main.replaceAll(",", "")];
}

/**
 * Finds numbers typed by hand in a run of prose that equal a value in the story's data, so the
 * build can ask for a `<Fact>` instead. Ignored, because they are not data values: numbers below
 * 10 (written as words in our style anyway), years (1900–2099) and day numbers next to a month.
 */
export function findTypedNumbers(text: string, facts: readonly Fact[]): TypedNumber[] {
  const bySpelling = new Map<string, string[]>();
  for (const fact of facts) for (const s of spellings(fact)) bySpelling.set(s, [...(bySpelling.get(s) ?? []), fact.id]);
  const found: TypedNumber[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    const offset = match.index;
    const before = text.slice(Math.max(0, offset - 1), offset);
    const after = text.slice(offset + token.length, offset + token.length + 1);
    if (/[\w.]/.test(before) || /\w/.test(after)) continue; // part of a longer word or code
    const bare = Number(token.replace(/[£%,]/g, ""));
    if (!/[–-]|to/.test(token) && (bare < 10 || /^(19|20)\d\d$/.test(token))) continue;
    const context = text.slice(Math.max(0, offset - 12), offset + token.length + 12);
    if (new RegExp(`(${MONTHS})\\s+${token}|${token}\\s+(${MONTHS})`).test(context)) continue;
    const ids = bySpelling.get(token) ?? bySpelling.get(token.replace(/\s*-\s*/, "–"));
    if (ids) found.push({ text: token, offset, factIds: [...new Set(ids)].sort() });
  }
  return found;
}
