/**
 * One trend word: every form of it that is matched, and the neighbours that make the same letters
 * mean something else.
 */
interface TrendWord {
  /** Its forms, as whole words or phrases: rise, rises, rising, rose, risen. */
  readonly forms: readonly string[];
  /** A word right before it that makes it no trend word: "gave rise to" names a cause. */
  readonly unlessAfter?: readonly string[];
  /** A word right after it that makes it no trend word: "falls within" places a date in a window. */
  readonly unlessBefore?: readonly string[];
}

/**
 * Trend words: the words that state a direction of change between two versions or two periods
 * ("rose", "fell from", "down from", "doubled", "overtook", "replaced"). The editorial standard is that
 * two counts over windows of different length, or from different sources, are not a trend, so our words
 * set what each version holds side by side and never say which way a figure moved. Year 2's `changes`
 * text said "down from 4,013" and had to be corrected by a new version (issue 24); `npm run data -- seal`
 * refuses a `changes` text that uses any of these, so the next one is caught before it is published.
 *
 * Declared once, here. What is on the list, and what is deliberately not:
 *
 * - Verbs and nouns of movement in every inflection: "increase" and "decrease" are trend words as nouns
 *   too ("an increase of 5%"), and so are "growth" and "a fall".
 * - Multiples as changes ("doubled", "halved", "tripled"), but not "double" or "halves": "double counting"
 *   and "the two halves of the year" state no change.
 * - Taking another's place: "overtook", "surpassed", "replaced". Even "this version replaces 2019-09-18"
 *   is refused: a correction *corrects* a version, and "replaced" is the word once used to claim that
 *   Year 2 replaced Year 1.
 * - "dropped" is refused even for a row taken out of a file: that row is "removed".
 * - "now first", "now lower" and the like: a rank or a size stated as a change of position.
 * - Not bare comparisons ("lower", "higher", "fewer", "more than", "first", "top"): setting two figures
 *   side by side is what a `changes` text should do, and "the lower of two reported values" compares
 *   sources without a direction of change.
 * - Not "trend" itself: "the two are not a trend" is the standard, said plainly.
 * - Not "decline" or "reduce": they name measures in these data, not changes ("referrals declined" by
 *   the programme; young people "reducing or stopping" their involvement), and a `changes` text about
 *   those rows must be able to name them.
 *
 * Matching is case-insensitive, on whole words and phrases (a hyphenated word is one word, so
 * "high-rise" and "drop-in" are not matches), with any run of spaces between a phrase's words. A word
 * in quotation marks is still a match: a `changes` text says what changed, and quoting a trend word
 * there reads as using it.
 */
const TREND_WORDS: readonly TrendWord[] = [
  // Movement up or down.
  { forms: ["rise", "rises", "rising", "rose", "risen"], unlessAfter: ["give", "gives", "gave", "given", "giving"] },
  { forms: ["fall", "falls", "falling", "fell", "fallen"], unlessBefore: ["within", "inside", "outside", "into", "under", "short"] },
  { forms: ["increase", "increases", "increased", "increasing", "increasingly"] },
  { forms: ["decrease", "decreases", "decreased", "decreasing"] },
  { forms: ["grow", "grows", "grew", "grown", "growing", "growth"], unlessBefore: ["up"] },
  { forms: ["drop", "drops", "dropped", "dropping"] },
  { forms: ["climb", "climbs", "climbed", "climbing"] },
  { forms: ["jump", "jumps", "jumped", "jumping"] },
  { forms: ["surge", "surges", "surged", "surging"] },
  { forms: ["soar", "soars", "soared", "soaring"] },
  { forms: ["rocket", "rockets", "rocketed", "rocketing"] },
  { forms: ["plummet", "plummets", "plummeted", "plummeting"] },
  { forms: ["plunge", "plunges", "plunged", "plunging"] },
  { forms: ["slump", "slumps", "slumped", "slumping"] },
  { forms: ["tumble", "tumbles", "tumbled", "tumbling"] },
  { forms: ["sink", "sinks", "sank", "sunk", "sinking"] },
  { forms: ["dip", "dips", "dipped", "dipping"] },
  { forms: ["spike", "spikes", "spiked", "spiking"] },
  { forms: ["shrink", "shrinks", "shrank", "shrunk", "shrinking"] },
  { forms: ["dwindle", "dwindles", "dwindled", "dwindling"] },
  { forms: ["gain", "gains", "gained", "gaining"] },
  { forms: ["rebound", "rebounds", "rebounded", "rebounding"] },
  { forms: ["peaked", "peaking"] },
  { forms: ["upward", "upwards", "downward", "downwards"] },
  { forms: ["go up", "goes up", "going up", "went up", "gone up", "go down", "goes down", "going down", "went down", "gone down"] },
  // "made up from three boroughs" and "added up from the rows" say what a total is built of.
  { forms: ["up from"], unlessAfter: ["made", "make", "makes", "making", "built", "build", "builds", "building", "add", "adds", "added", "adding"] },
  // "broken down from the total" is a breakdown, not a fall.
  { forms: ["down from"], unlessAfter: ["break", "breaks", "breaking", "broke", "broken"] },
  { forms: ["year on year", "year-on-year"] },
  { forms: ["record high", "record low", "new high", "new low", "all-time high", "all-time low"] },
  // Multiples, as changes.
  { forms: ["doubled", "doubles", "doubling", "halved", "halving"] },
  { forms: ["tripled", "tripling", "trebled", "trebling", "quadrupled", "quadrupling"] },
  // Taking another's place.
  { forms: ["overtake", "overtakes", "overtook", "overtaken", "overtaking"] },
  { forms: ["surpass", "surpasses", "surpassed", "surpassing"] },
  { forms: ["leapfrog", "leapfrogs", "leapfrogged", "leapfrogging"] },
  { forms: ["replace", "replaces", "replaced", "replacing", "replacement"] },
  {
    forms: [
      "now first",
      "now second",
      "now third",
      "now fourth",
      "now fifth",
      "now top",
      "now ahead",
      "now behind",
      "now lower",
      "now higher",
      "now larger",
      "now smaller",
    ],
  },
];

/** A letter, a digit or a hyphen: what a whole word is made of, so "high-rise" holds no "rise". */
const WORD_CHAR = "[\\p{L}\\p{N}\\p{M}-]";
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A word or phrase as a pattern: its words with any run of spaces between them. */
const phrase = (words: string) => words.split(" ").map(escape).join("\\s+");
const anyOf = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(phrase)
    .join("|");

const PATTERNS: readonly RegExp[] = TREND_WORDS.map(({ forms, unlessAfter, unlessBefore }) => {
  const after = unlessAfter ? `(?<!(?<!${WORD_CHAR})(?:${anyOf(unlessAfter)})\\s+)` : "";
  const before = unlessBefore ? `(?!\\s+(?:${anyOf(unlessBefore)})(?!${WORD_CHAR}))` : "";
  return new RegExp(`(?<!${WORD_CHAR})${after}(?:${anyOf(forms)})(?!${WORD_CHAR})${before}`, "giu");
});

/** A trend word found in a text: as it is written there, and where it starts (a UTF-16 index). */
export interface TrendWordMatch {
  readonly word: string;
  readonly index: number;
}

/**
 * The trend words a text uses, in the order they appear, each as written (its own case and spacing).
 * Where two overlap ("went down from"), the one that starts first is kept.
 * @param text any of our own words, e.g. a version's `changes` text
 * @example findTrendWords("Year 2 holds 3,290, down from 4,013") // [{ word: "down from", index: 20 }]
 * @example findTrendWords("Figures broken down from the total") // []
 */
export function findTrendWords(text: string): TrendWordMatch[] {
  const all = PATTERNS.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => ({ word: m[0], index: m.index })));
  all.sort((a, b) => a.index - b.index || b.word.length - a.word.length);
  const kept: TrendWordMatch[] = [];
  for (const match of all) {
    const last = kept.at(-1);
    if (!last || match.index >= last.index + last.word.length) kept.push(match);
  }
  return kept;
}
