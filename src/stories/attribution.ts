import { ATTRIBUTION_VERBS } from "./attribution-verbs";

/** Stands for a `<Fact>` or `<Cite>` inside a sentence's text. */
const CITED = "\u0001";

/** Each form of each attribution verb, mapped to the verb it is a form of. */
const FORMS = new Map(ATTRIBUTION_VERBS.flatMap((entry) => entry.forms.map((form) => [form, entry] as const)));

/** Any form of any attribution verb as whole words, longest first so "points out" wins over a shorter form. */
const ATTRIBUTION = new RegExp(
  `\\b(?:${[...FORMS.keys()]
    .sort((a, b) => b.length - a.length)
    .map((form) => form.replaceAll(" ", "\\s+"))
    .join("|")})\\b`,
  "gi",
);

/** "We" just before a form, at most two words between, makes it ours: "we found", "we have not found". ("Our sources say" is someone else's word.) */
const OUR_VOICE = /\bwe(?:\s+\S+){0,2}\s*$/i;
/** Our own figure as the subject: "the chart shows", "this map below shows". */
const OUR_FIGURE = /\b(?:the|this|that|each|our)\s+(?:chart|map|table|figure|graphic)(?:\s+\S+){0,2}\s*$/i;
/** A negation just before a form, at most one word between: "do not say", "has never said", "didn't find", "cannot be added". */
const NEGATED_BEFORE = /(?:\bnot|\bcannot|\bnever|n['’]t)(?:\s+\S+)?\s*$/i;
/** A negation just after a form: "the figures say little", "said nothing". */
const NEGATED_AFTER = /^\s+(?:little|nothing)\b/i;
/** Determiners, possessives, quantifiers and numbers: right before a form, they make it a noun ("the report", "BBC's estimate"). */
const DETERMINER =
  /(?:\b(?:a|an|the|this|that|these|those|its|their|his|her|our|your|each|every|some|any|no|other|another|both|such|many|several|own|first|latest|one|two|three|four|five)|\d|['’]s)\s*$/i;
/** "a" or "an" and one word before a form: a noun with its adjective ("a national estimate"). */
const ARTICLE_AND_ADJECTIVE = /\ban?\s+\S+\s*$/i;
/** Words right after a form that make it a noun: "reports of the study", "the report is". */
const NOUN_AFTER = /^\s+(?:of|from|by|is|are|was|were|has|have|had)\b/i;

/** The text of an inline MDX node, with each Fact and Cite replaced by {@link CITED}. */
export function inlineText(node: unknown): string {
  const n = node as { type: string; value?: string; name?: string; children?: unknown[] };
  if (n.type === "mdxJsxTextElement" && (n.name === "Fact" || n.name === "Cite")) return CITED;
  if (typeof n.value === "string" && (n.type === "text" || n.type === "inlineCode")) return n.value;
  if (n.type === "break") return "\n";
  return (n.children ?? []).map(inlineText).join("");
}

/** A sentence that attributes a claim but carries no Fact or Cite. */
export interface UnsourcedAttribution {
  /** The sentence, trimmed. */
  readonly sentence: string;
  /** The attributing words as the sentence writes them ("said", "according to"). */
  readonly words: string;
  /** Lines between the paragraph's first line and the sentence's. */
  readonly lineOffset: number;
}

/**
 * Whether a form that is also a noun is used as the noun here: right after a determiner, a
 * possessive, a quantifier or a number ("the report", "its estimate", "BBC's report", "two reports"),
 * after "a" or "an" and one word ("a national estimate"), at the start of a sentence ("Reports
 * give…": a verb needs its subject first), or before "of", "from", "by" or a verb such as "is"
 * ("reports of the study", "the report is"). Followed by "that" it is always the verb ("the council
 * reports that…"). After another noun it counts as the verb: "Police report a rise" and "Police
 * reports give 40" cannot be told apart by their words, and both rest on the police's word.
 */
function isNounUse(before: string, after: string): boolean {
  if (/^\s+that\b/i.test(after)) return false;
  return before.trim() === "" || DETERMINER.test(before) || ARTICLE_AND_ADJECTIVE.test(before) || NOUN_AFTER.test(after);
}

/**
 * Whether this use of an attribution word attributes a claim to someone else. It does not when:
 * - we are the subject ("we found", "we have since found");
 * - our own chart, map, table or figure is ("the chart shows", "the map below shows");
 * - it is negated ("the minutes do not say", "never said", "the figures say little"): it tells what a
 *   source lacks, which we vouch for ourselves, and no source can be cited for an absence;
 * - the next word shows another sense of the word ("found in any source we hold", "added together");
 * - a form that is also a noun is used as one ("the report", see {@link isNounUse}).
 */
function attributes(sentence: string, match: RegExpExecArray): boolean {
  const before = sentence.slice(0, match.index);
  const after = sentence.slice(match.index + match[0].length);
  const form = match[0].toLowerCase().replaceAll(/\s+/g, " ");
  const verb = FORMS.get(form)!;
  if (OUR_VOICE.test(before) || OUR_FIGURE.test(before) || NEGATED_BEFORE.test(before) || NEGATED_AFTER.test(after)) return false;
  const next = /^\s+([\w'’-]+)/.exec(after)?.[1]?.toLowerCase();
  if (next && verb.otherSenseIfFollowedBy?.includes(next)) return false;
  return !verb.alsoNouns?.includes(form) || !isNounUse(before, after);
}

/**
 * Every sentence of a paragraph's text that attributes a claim to someone (any form of
 * {@link ATTRIBUTION_VERBS}: said, told, revealed, according to…) but holds no Fact or Cite, in order, each
 * with the attributing words and its line offset in the paragraph. What we say ourselves ("we found no…"),
 * what our own chart shows, and the nouns among the forms ("the report") are not attributions.
 */
export function unsourcedAttributions(text: string): UnsourcedAttribution[] {
  const found: UnsourcedAttribution[] = [];
  let offset = 0;
  for (const sentence of text.split(/(?<=[.!?]["”’)]*)\s+/)) {
    const start = text.indexOf(sentence, offset);
    offset = start + sentence.length;
    if (sentence.includes(CITED)) continue;
    const match = [...sentence.matchAll(ATTRIBUTION)].find((m) => attributes(sentence, m));
    if (match)
      found.push({
        sentence: sentence.replaceAll(CITED, "").trim(),
        words: match[0].replaceAll(/\s+/g, " "),
        lineOffset: text.slice(0, start).split("\n").length - 1,
      });
  }
  return found;
}
