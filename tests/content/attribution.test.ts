import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { inlineText, unsourcedAttributions } from "../../src/stories/attribution";

/** The first unsourced attribution of a paragraph, if any. */
const unsourcedAttribution = (text: string) => unsourcedAttributions(text)[0];
import { ATTRIBUTION_VERBS } from "../../src/stories/attribution-verbs";
import { analyseStory } from "../../src/stories/story-analysis";
import { storyFiles } from "../../src/stories/story-files";

/**
 * Sentences an editor might write that attribute a claim and carry no source: each must trip the
 * rule, naming the words that attribute it. [the verb as declared, the sentence, the words found].
 */
const ATTRIBUTIONS: readonly (readonly [verb: string, sentence: string, words: string])[] = [
  ["say", "Police say the lines run north.", "say"],
  ["say", "City Hall said most of them ran to Norfolk.", "said"],
  ["say", "Saying the count was too low, the charity asked for a review.", "Saying"],
  ["say", "The lines run north, police say.", "say"],
  // Anonymous sources are still someone else's word: only "we" makes a finding ours.
  ["say", "Our sources say the lines run north.", "say"],
  ["tell", "A spokesman told the BBC the network had grown.", "told"],
  ["tell", "Youth workers tell of children recruited at the school gates.", "tell"],
  ["reveal", "City Hall revealed the figure.", "revealed"],
  ["claim", "Officers claimed the lines had moved to Kent.", "claimed"],
  ["claim", "The charity claims the number doubled.", "claims"],
  ["state", "The report stated that most of them were boys.", "stated"],
  ["warn", "The National Crime Agency warns that younger children are being drawn in.", "warns"],
  ["show", "The report showed a sharp rise in referrals.", "showed"],
  ["show", "Home Office figures show a rise.", "show"],
  ["estimate", "The agency estimates 4,000 children are involved.", "estimates"],
  ["estimate", "An estimated 4,000 young Londoners were involved.", "estimated"],
  ["find", "A 2019 study found that most of those linked were boys.", "found"],
  ["find", "Researchers find the same pattern in Kent.", "find"],
  ["report", "The BBC reported a rise in referrals.", "reported"],
  ["report", "The council reports that 40 lines run from Brent.", "reports"],
  // After another noun, the -s form counts as the verb: both readings rest on the police's word.
  ["report", "Police reports give 40 lines.", "reports"],
  ["describe", "The minister described the problem as growing.", "described"],
  ["add", "He added that the figures were provisional.", "added"],
  ["admit", "The Met admitted the count was incomplete.", "admitted"],
  ["announce", "The mayor announced that referrals had doubled.", "announced"],
  ["argue", "Campaigners argue the programme is too small.", "argue"],
  ["assert", "The review asserted that the lines had spread to the coast.", "asserted"],
  ["believe", "Detectives believe the line is run from Lambeth.", "believe"],
  ["believe", "The networks were believed to be exploiting train links.", "believed"],
  ["conclude", "The study concluded that most of those linked were boys.", "concluded"],
  ["confirm", "Scotland Yard confirmed the arrests.", "confirmed"],
  ["disclose", "The council disclosed the figure in a written answer.", "disclosed"],
  ["explain", "A youth worker explained that most were approached online.", "explained"],
  ["insist", "The Home Office insists the strategy is working.", "insists"],
  ["note", "The inspectors noted a shortage of places.", "noted"],
  ["note", "The report notes that the counts overlap.", "notes"],
  ["suggest", "Research suggests boys are more often targeted.", "suggests"],
  ["acknowledge", "The force acknowledged the data were incomplete.", "acknowledged"],
  ["allege", "Prosecutors alleged he ran the line from Croydon.", "alleged"],
  ["indicate", "Early figures indicate a fall in referrals.", "indicate"],
  ["highlight", "The review highlights the role of social media.", "highlights"],
  ["deny", "The gang's leader denied running the line.", "denied"],
  ["point out", "Youth workers pointed out that most were still at school.", "pointed out"],
  ["put it", "As one detective put it, the lines never stop.", "put it"],
  ["according to", "According to one paper, it fell.", "According to"],
  ["according to", "The lines, according to police, run north.", "according to"],
  ["in the words of", "In the words of one mother, the line took her son.", "In the words of"],
];

/** Sentences that use the words but attribute nothing to anyone else, each with why. */
const NOT_ATTRIBUTIONS: readonly (readonly [why: string, sentence: string])[] = [
  ["our voice", "We found no count for Sussex."],
  ["our voice", "We did not find it, and we have found nothing since."],
  ["our voice", "So we show each year's figure beside the other."],
  ["our chart", "Our chart shows the same pattern."],
  ["our chart", "The chart shows Norfolk at the top."],
  ["our map", "The map below shows where the linked Londoners lived."],
  ["our table", "This table shows every borough with a figure."],
  ["negated", "The council minutes' rates do not say of which group they are."],
  ["negated", "The age bands cover only part of the group, and the figures say little about how people are drawn in."],
  ["negated", "Sussex's count was not found."],
  ["negated", "The Met has never said how many lines it closed."],
  ["another sense", "No count for Sussex is found in any source we hold."],
  ["another sense", "The two shares were added together."],
  ["another sense", "The referrals added up to less than the total."],
  ["noun", "Reports give different shares."],
  ["noun", "The report is dated September 2019."],
  ["noun", "Reports of the study put the share at nine in ten."],
  ["noun", "Its estimate of the total is lower."],
  ["noun", "The BBC's report names three boroughs."],
  ["noun", "A national estimate is not a count of recruits."],
  ["noun", "Two reports differ on the male share."],
  ["noun", "Young people should have a say in the programme."],
  ["noun", "Claims of a rise in Kent are untested."],
  ["no attribution word", "The lines run north from London to Norfolk."],
];

/** A paragraph's text as the story check reads it: inline MDX nodes, with a `<Fact>` or `<Cite>` among them. */
function paragraph(...parts: (string | { cite: string } | { fact: string })[]): string {
  return inlineText({
    type: "paragraph",
    children: parts.map((part) =>
      typeof part === "string"
        ? { type: "text", value: part }
        : "cite" in part
          ? { type: "mdxJsxTextElement", name: "Cite", attributes: [{ name: "source", value: part.cite }], children: [] }
          : { type: "mdxJsxTextElement", name: "Fact", attributes: [{ name: "id", value: part.fact }], children: [] },
    ),
  });
}

describe("unsourcedAttribution(text): the words that attribute a claim", () => {
  it.each(ATTRIBUTIONS)("%s: %s", (verb, sentence, words) => {
    expect(unsourcedAttribution(sentence)).toEqual({ sentence, words, lineOffset: 0 });
    expect(ATTRIBUTION_VERBS.find((entry) => entry.verb === verb)?.forms).toContain(words.toLowerCase());
  });

  it("the corpus trips every declared verb", () => {
    expect(new Set(ATTRIBUTIONS.map(([verb]) => verb))).toEqual(new Set(ATTRIBUTION_VERBS.map((entry) => entry.verb)));
  });

  it.each(NOT_ATTRIBUTIONS)("not an attribution (%s): %s", (_why, sentence) => {
    expect(unsourcedAttribution(sentence)).toBeUndefined();
  });

  it("a sentence carrying a Cite or a Fact has its source; the next sentence without one is reported, with its line", () => {
    expect(unsourcedAttribution(paragraph("Police say the lines run north", { cite: "P2" }, "."))).toBeUndefined();
    expect(unsourcedAttribution(paragraph("The agency estimated ", { fact: "linked-total" }, " Londoners were linked."))).toBeUndefined();
    expect(unsourcedAttribution(paragraph("City Hall revealed the figure", { cite: "P2" }, ". The lines run north.\nOfficers claimed it grew."))).toEqual({
      sentence: "Officers claimed it grew.",
      words: "claimed",
      lineOffset: 1,
    });
  });

  it("every unsourced attribution of a paragraph is reported, not only the first", () => {
    expect(unsourcedAttributions("Police say 40 were referred. The lines run north. Officers claimed it grew.\nThe council told us more.")).toEqual([
      { sentence: "Police say 40 were referred.", words: "say", lineOffset: 0 },
      { sentence: "Officers claimed it grew.", words: "claimed", lineOffset: 0 },
      { sentence: "The council told us more.", words: "told", lineOffset: 1 },
    ]);
  });

  it("each form belongs to one verb, and each verb is declared once", () => {
    const forms = ATTRIBUTION_VERBS.flatMap((entry) => entry.forms);
    expect(forms.length).toBe(new Set(forms).size);
    expect(ATTRIBUTION_VERBS.length).toBe(new Set(ATTRIBUTION_VERBS.map((entry) => entry.verb)).size);
    for (const entry of ATTRIBUTION_VERBS) expect(entry.forms.filter((form) => entry.alsoNouns?.includes(form))).toEqual(entry.alsoNouns ?? []);
  });
});

describe("today's stories", () => {
  it.each(storyFiles())("every sentence of %s passes the story check as it stands", (file) => {
    expect(analyseStory(file).file).toBe(file);
  });
});

describe('content/README.md, "Attributions carry their source"', () => {
  it("lists exactly the declared verbs, in their order", () => {
    const guide = readFileSync("content/README.md", "utf8");
    const section = guide.slice(guide.indexOf("### Attributions carry their source"), guide.indexOf("## Add a correction"));
    const list = section.split("make a sentence an attribution:")[1]!.trim().split("\n\n")[0]!;
    expect([...list.matchAll(/\*([^*]+)\*/g)].map((m) => m[1])).toEqual(ATTRIBUTION_VERBS.map((entry) => entry.verb));
  });
});
