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
 * The ways a passage may write `value`: its digits, with or without thousands separators (a comma, a
 * space or a no-break space); as a word up to twenty ("Fourteen", "eleven-years-old"; not the "twenty" or "one" of "twenty-one"); and
 * from a tenth of a million up, in millions or billions ("£3 million", "£5.6m", "£0.5bn").
 */
function writings(value: number): RegExp[] {
  const grouped = value.toLocaleString("en-GB");
  const digits = [String(value), grouped, grouped.replaceAll(",", " "), grouped.replaceAll(",", "\u00a0")];
  // Not part of a longer number: no digit, and no separator followed by a digit, on either side.
  const found = [...new Set(digits)].map((d) => new RegExp(`(?<![\\d.,]|\\d[.,\\s])${escape(d)}(?!\\d|[.,\\s]\\d)`));
  if (Number.isInteger(value) && value >= 0 && value < WORDS.length)
    found.push(new RegExp(`(?<![\\w-])${WORDS[value]}(?!\\w|-(?:${WORDS.slice(1, 10).join("|")})\\b)`, "i"));
  for (const [size, names] of [
    [1e9, "billion|bn"],
    [1e6, "million|m|mn"],
  ] as const) {
    // In hundredths of the unit, so that 5,600,000 is 5.6 million exactly (5600000 / 1e6 * 100 is not an integer in floating point).
    const hundredths = value / (size / 100);
    if (value >= size / 10 && Number.isInteger(hundredths)) found.push(new RegExp(`(?<![\\d.,])${escape(String(hundredths / 100))}\\s?(?:${names})\\b`, "i"));
  }
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
