/**
 * Whether the words we hold from a source state a figure: the check that a data row says what its
 * passages say (a row typed as 114 when the passage says 113 is refused).
 */

/** Numbers written as words in the passages we hold ("Fourteen of them were from Tower Hamlets"). */
const WORDS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
  "twenty",
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The ways a passage may write `value`: its digits, with or without thousands separators (a comma or
 * a space); as a word up to twenty; and from a million up, in millions or billions ("£3 million",
 * "£5.6m", "1.2bn").
 */
function writings(value: number): RegExp[] {
  const digits = [String(value), value.toLocaleString("en-GB"), value.toLocaleString("en-GB").replaceAll(",", " ")];
  // Not part of a longer number: no digit, and no separator followed by a digit, on either side.
  const found = [...new Set(digits)].map((d) => new RegExp(`(?<![\\d.,]|[\\d][.,])${escape(d)}(?![\\d]|[.,]\\d)`));
  if (Number.isInteger(value) && value >= 0 && value < WORDS.length) found.push(new RegExp(`\\b${WORDS[value]}\\b`, "i"));
  for (const [size, names] of [
    [1e9, "billion|bn"],
    [1e6, "million|m|mn"],
  ] as const)
    if (value >= size && Number.isInteger((value / size) * 100)) found.push(new RegExp(`(?<![\\d.,])${escape(String(value / size))}\\s?(?:${names})\\b`, "i"));
  return found;
}

/**
 * True when `text` states `value` in one of the ways a publication writes numbers (see {@link writings}).
 * @param text the words we hold from a source
 * @param value the figure a data row gives
 * @example statesValue("Fourteen of them were from Tower Hamlets.", 14) // true
 * @example statesValue("113 were linked to Suffolk", 114) // false
 */
export function statesValue(text: string, value: number): boolean {
  return writings(value).some((writing) => writing.test(text));
}
