import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mdxToJs } from "satteri";
import { chartIds } from "../../src/charts";
import { propNames } from "../../src/components/editor-components";
import { storyChecks, type StoryReport } from "../../src/stories/story-checks";
import { numberCitations } from "../../src/data/citing/citations";
import { findTypedNumbers } from "../../src/stories/typed-numbers";
import { allFacts } from "../../src/data/rows/facts";

const FILE = "content/stories/example.mdx";
/** The site's current versions, as the data editors last published them (the hints below name them). */
const CURRENT = JSON.parse(readFileSync("data/current.json", "utf8")) as Record<string, string>;

/** The pins of a Year 1 story, which these examples are written against. */
const YEAR_1 = { "rescue-and-response": "2019-09-18" } as const;

/** Compiles MDX with the story check, as Astro does, and returns the error message (or ""); `report` receives what the story places and cites. */
function check(mdx: string, frontmatter: object = { data: YEAR_1 }, report: StoryReport = { charts: [], citations: [] }): string {
  try {
    mdxToJs(mdx, { mdastPlugins: [storyChecks(report)], fileURL: new URL(`file://${process.cwd()}/${FILE}`), data: { astro: { frontmatter } } } as never);
    return "";
  } catch (error) {
    return (
      (error as Error).message
        .split("\n")
        .find((l) => l.includes(FILE))
        ?.replace(/^.*?(content\/)/, "$1") ?? (error as Error).message
    );
  }
}

/** The line of the check's message (which lists every mistake, in the file's order) that contains `needle`. */
function checkLine(mdx: string, needle: string, frontmatter: object = { data: YEAR_1 }): string | undefined {
  try {
    mdxToJs(mdx, {
      mdastPlugins: [storyChecks({ charts: [], citations: [] })],
      fileURL: new URL(`file://${process.cwd()}/${FILE}`),
      data: { astro: { frontmatter } },
    } as never);
    return undefined;
  } catch (error) {
    return (error as Error).message
      .split("\n")
      .find((l) => l.includes(FILE) && l.includes(needle))
      ?.replace(/^.*?(content\/)/, "$1");
  }
}

describe("story checks (each editor mistake and its exact message)", () => {
  it("accepts a story that uses the editor surface correctly", () => {
    expect(
      check(
        `Intro.\n\n<Fact id="linked-total" /> people, see <Cite source="P2" passage="top-five" />.\n\n<Chart id="destinations" title="Norfolk led" subtitle="By area" />\n`,
      ),
    ).toBe("");
  });

  it("unknown chart id: names file, line and column, and lists the valid ids", () => {
    expect(check(`Intro.\n\n<Chart id="destination" title="T" subtitle="S" />\n`)).toBe(
      `${FILE}:3:1: <Chart id="destination">: unknown chart id "destination". Use one of: ${chartIds.join(", ")}`,
    );
  });

  it("unknown fact id: suggests the closest and lists the valid ids", () => {
    const ids = allFacts(YEAR_1)
      .filter((f) => f.dataset === "rescue-and-response")
      .map((f) => f.id)
      .sort()
      .join(", ");
    expect(check(`We found <Fact id="linked-totl" /> people.\n`)).toBe(
      `${FILE}:1:10: <Fact id="linked-totl">: unknown fact id "linked-totl" (did you mean "linked-total"?). Use one of: ${ids}`,
    );
  });

  it("a Chart without a title asks for the takeaway", () => {
    expect(check(`<Chart id="destinations" subtitle="S" />\n`)).toBe(
      `${FILE}:1:1: <Chart> needs a title stating the chart's takeaway, e.g. title="Norfolk was the top destination"`,
    );
  });

  it("a misspelt prop suggests the right one and lists the props", () => {
    expect(check(`<Chart id="destinations" title="T" subtitel="S" />\n`)).toBe(
      `${FILE}:1:1: <Chart> has no prop "subtitel"; did you mean "subtitle"? Its props are: id, title, subtitle, notes`,
    );
  });

  it("a misspelt component suggests the right one", () => {
    expect(check(`Text <Fcat id="linked-total" /> more.\n`)).toBe(
      `${FILE}:1:6: unknown component <Fcat>; did you mean <Fact>? The components are: <Chart>, <Fact>, <Aside>, <PullQuote>, <Cite>`,
    );
  });

  it("a <Cite> names the passage it rests on: one we hold, word for word, listed when it is missing or wrong", () => {
    const held =
      `The passages we hold from P2: linked-total-rounded ("New figures reveal more than 4,000 young people…"); ` +
      `top-five ("with the 'top five' being Norfolk, Hampshire, Essex,…"); london-share ("with 15 per cent of all activity originating…"); ` +
      `first-year-referrals ("In its first year, 568 young people were…"); at-capacity ("All three are at capacity and have referrals…")`;
    expect(check(`City Hall said so <Cite source="P2" />.\n`)).toBe(
      `${FILE}:1:19: <Cite source="P2">: say which passage the sentence rests on, e.g. passage="linked-total-rounded". ${held}`,
    );
    expect(check(`City Hall said so <Cite source="P2" passage="top-fve" />.\n`)).toBe(
      `${FILE}:1:19: <Cite source="P2" passage="top-fve">: no passage "top-fve" of P2 in data/sources.json. ${held}`,
    );
    // We hold no words of City Hall's blog: it cannot carry a claim.
    expect(check(`City Hall's blog said so <Cite source="P4" passage="x" />.\n`)).toBe(
      `${FILE}:1:26: <Cite source="P4">: we hold no passage of P4 (data/sources.json), so nothing it says can be checked; cite a source whose words we hold, or add the passage to data/sources.json`,
    );
  });

  it("an unknown source in <Cite> lists the story's sources", () => {
    expect(check(`As reported <Cite source="S99" passage="x" />.\n`)).toMatch(
      new RegExp(`^${FILE}:1:13: <Cite source="S99">: unknown source id\\. The story's data cites: P2, `),
    );
  });

  it("a number typed by hand that equals a data value names the Fact to use", () => {
    // (The sentence also lacks a source, listed first, at its start: see checkLine.)
    expect(checkLine(`Intro.\n\nCity Hall found 4,013 Londoners.\n`, "typed by hand")).toBe(
      `${FILE}:3:17: "4,013" is typed by hand but it is a value in the story's data; write <Fact id="linked-total" /> instead, so the number stays sourced and in step with the data`,
    );
    expect(check(`Norfolk had 46% of nothing.\n`)).toBe(
      `${FILE}:1:13: "46%" is typed by hand but it is a value in the story's data; write <Fact id="linked-15-19" /> instead, so the number stays sourced and in step with the data`,
    );
  });

  it("a Fact or Chart whose dataset the frontmatter does not pin is refused, naming the pin to add", () => {
    expect(check(`We found <Fact id="linked-total" /> people.\n`, {})).toBe(
      `${FILE}:1:10: <Fact id="linked-total"> reads rescue-and-response, which the frontmatter does not pin; add it under data: (e.g. rescue-and-response: "${CURRENT["rescue-and-response"]}") so the number stays the same when a new version lands`,
    );
    // Both suggest the site's current version, as data/current.json declares it (publishing another changes the hint).
    expect(check(`<Chart id="destinations" title="T" subtitle="S" />\n`, {})).toBe(
      `${FILE}:1:1: <Chart id="destinations"> reads rescue-and-response, which the frontmatter does not pin; add it under data: (e.g. rescue-and-response: "${CURRENT["rescue-and-response"]}") so the chart keeps its numbers when a new version lands`,
    );
  });

  it("a Fact from another version needs that version under compare:, and an id that exists in it", () => {
    const compared = { data: { "rescue-and-response": "2020-09-30" }, compare: YEAR_1 };
    expect(check(`Then <Fact id="linked-total" version="2019-09-18" />, now <Fact id="linked-total" />.\n`, compared)).toBe("");
    expect(check(`Then <Fact id="linked-total" version="2019-09-18" />.\n`, { data: { "rescue-and-response": "2020-09-30" } })).toBe(
      `${FILE}:1:6: <Fact id="linked-total" version="2019-09-18">: version "2019-09-18" is not one this story pins; add it under "compare:" in the frontmatter (e.g. rescue-and-response: "2019-09-18")`,
    );
    const year1Ids = allFacts(YEAR_1)
      .filter((f) => f.dataset === "rescue-and-response")
      .map((f) => f.id)
      .sort()
      .join(", ");
    expect(check(`Then <Fact id="brighton" version="2019-09-18" />.\n`, compared)).toBe(
      `${FILE}:1:6: <Fact id="brighton" version="2019-09-18">: unknown fact id "brighton" in version 2019-09-18. Valid ids: ${year1Ids}`,
    );
    // A number typed by hand is refused when it equals a value of either version.
    expect(checkLine(`Year 1 found 4,013.\n`, "typed by hand", compared)).toBe(
      `${FILE}:1:14: "4,013" is typed by hand but it is a value in the story's data; write <Fact id="linked-total" /> instead, so the number stays sourced and in step with the data`,
    );
  });

  it("a comparison chart needs both of its versions pinned", () => {
    expect(check(`<Chart id="year-two-total" title="T" subtitle="S" />\n`)).toBe(
      `${FILE}:1:1: <Chart id="year-two-total"> compares rescue-and-response 2019-09-18-c1 with 2020-09-30-c1; pin them in the frontmatter: data: rescue-and-response: "2020-09-30-c1" and compare: rescue-and-response: "2019-09-18-c1"`,
    );
    expect(
      check(`<Chart id="year-two-total" title="T" subtitle="S" />\n`, {
        data: { "rescue-and-response": "2020-09-30-c1" },
        compare: { "rescue-and-response": "2019-09-18-c1" },
      }),
    ).toBe("");
  });

  it("lists what the story cites in order of first use, each source once, for the footnotes and the source list", () => {
    const report: StoryReport = { charts: [], citations: [] };
    expect(
      check(
        `City Hall said so <Cite source="P2" passage="top-five" />.\n\nThey found <Fact id="linked-total" />, again <Cite source="P2" passage="top-five" />.\n\n<Chart id="sex" title="T" subtitle="S" />\n`,
        { data: YEAR_1, published: "2019-10-01" },
        report,
      ),
    ).toBe("");
    expect(report.charts).toEqual([{ id: "sex", title: "T", subtitle: "S", notes: undefined }]);
    // Every citation in document order, each with the passage it rests on (data/sources.json): the Cite's
    // P2 and its passage; linked-total's sources, of which we hold words only from S1 (S7, S8, S9 are left
    // out); P2 again; the sex chart's sources as its credit lists them (S1 S9), then the passages its rows
    // rest on (linked-male: S1 and S9; referred-male: S9), pointing at the figure.
    expect(report.citations.map((c) => (c.passage ? `${c.source.id}:${c.passage.id} → #${c.passage.target}` : c.source.id))).toEqual([
      "P2",
      "P2:top-five → #cite-1",
      "S1",
      "S1:linked-total → #fact-linked-total",
      "P2",
      "P2:top-five → #cite-2",
      "S1",
      "S9",
      "S1:age-and-sex → #chart-sex",
      "S9:under-18-and-male → #chart-sex",
      "S9:referred-age-and-sex → #chart-sex",
    ]);
    // Numbered once each, in order of first use, each passage once, linked to its first use.
    expect(
      numberCitations(report.citations).map((c) => `${c.number} ${c.source.id} #${c.anchor}: ${c.passages.map((p) => `${p.id} #${p.target}`).join(", ")}`),
    ).toEqual([
      "1 P2 #source-1: top-five #cite-1",
      "2 S1 #source-2: linked-total #fact-linked-total, age-and-sex #chart-sex",
      "3 S9 #source-3: under-18-and-male #chart-sex, referred-age-and-sex #chart-sex",
    ]);
  });

  it("no time travel: a source dated after the story is refused at the citation, naming it and both dates", () => {
    const story = { data: YEAR_1, published: "2019-09-19" };
    const later =
      "A story cites only sources dated on or before its date: to add a later one, set updated: to a date on or after the source and say what was added in updateNote:";
    expect(check(`Newham had <Fact id="newham-referred" />.\n`, story)).toBe(
      `${FILE}:1:12: <Fact id="newham-referred"> cites S11 (Southwark News, 25 September 2019), dated after this story (published 19 September 2019). ${later}`,
    );
    expect(check(`Brent said so <Cite source="P5" passage="brent" />.\n`, story)).toBe(
      `${FILE}:1:15: <Cite source="P5"> cites P5 (Brent Council, 20 September 2019), dated after this story (published 19 September 2019). ${later}`,
    );
    expect(check(`Intro.\n\n<Chart id="boroughs-map" title="T" subtitle="S" />\n`, story)).toBe(
      `${FILE}:3:1: <Chart id="boroughs-map"> (row "lambeth-linked") cites S10 (London News Online (South London Press), September 2019), not known to be dated on or before this story (published 19 September 2019): a source dated only by month or year counts from its latest possible day. ${later}`,
    );
    // A row that also has an earlier source is cited by that one alone: see "dates as exact as we know them".
    // With an update on or after the source, it may be cited.
    expect(check(`Newham had <Fact id="newham-referred" />.\n`, { ...story, updated: "2019-09-25" })).toBe("");
    expect(check(`Newham had <Fact id="newham-referred" />.\n`, { ...story, updated: "2019-09-24" })).toBe(
      `${FILE}:1:12: <Fact id="newham-referred"> cites S11 (Southwark News, 25 September 2019), dated after this story (updated 24 September 2019). ${later}`,
    );
  });

  it("dates as exact as we know them: a source dated by month, year or range counts from its latest possible day", () => {
    const later =
      "A story cites only sources dated on or before its date: to add a later one, set updated: to a date on or after the source and say what was added in updateNote:";
    const maybe = (story: string) =>
      `not known to be dated on or before this story (${story}): a source dated only by month or year counts from its latest possible day. ${later}`;
    // A month: the BBC's report (S1) is dated "September 2019", so it counts as 30 September.
    const bbc = `The BBC reported it <Cite source="S1" passage="headline" />.\n`;
    expect(check(bbc, { data: YEAR_1, published: "2019-09-19" })).toBe(
      `${FILE}:1:21: <Cite source="S1"> cites S1 (BBC News, September 2019), ${maybe("published 19 September 2019")}`,
    );
    expect(check(bbc, { data: YEAR_1, published: "2019-09-29" })).toMatch(
      /^content\/stories\/example\.mdx:1:21: <Cite source="S1"> cites S1 \(BBC News, September 2019\), not known/,
    );
    expect(check(bbc, { data: YEAR_1, published: "2019-09-30" })).toBe("");
    // A range: the Southend Echo (S5), the only source of Hampshire's Year 1 count, is "September or October 2019".
    const echo = `Hampshire had <Fact id="hampshire" />.\n`;
    expect(check(echo, { data: YEAR_1, published: "2019-09-19" })).toBe(
      `${FILE}:1:15: <Fact id="hampshire"> cites S5 (Southend Echo, September or October 2019), ${maybe("published 19 September 2019")}`,
    );
    expect(check(echo, { data: YEAR_1, published: "2019-09-19", updated: "2019-10-30" })).toBe(
      `${FILE}:1:15: <Fact id="hampshire"> cites S5 (Southend Echo, September or October 2019), ${maybe("updated 30 October 2019")}`,
    );
    expect(check(echo, { data: YEAR_1, published: "2019-09-19", updated: "2019-10-31" })).toBe("");
    // A year: The News (S15), the only source of Hampshire's Year 2 count, is dated "2020": not before 31 December 2020.
    const year2 = { data: { "rescue-and-response": "2020-09-30" }, published: "2020-10-02" };
    expect(check(`Hampshire had <Fact id="hampshire" />.\n`, year2)).toBe(
      `${FILE}:1:15: <Fact id="hampshire"> cites S15 (The News (Portsmouth), 2020), ${maybe("published 2 October 2020")}`,
    );
    expect(check(`Hampshire had <Fact id="hampshire" />.\n`, { ...year2, updated: "2020-12-31" })).toBe("");
    // "That year or later": Edge magazine (S23) can support no story, however late.
    const edge = `The share was <Fact id="male-share-national" />.\n`;
    expect(check(edge, { data: { national: "2019-01-30-c1" }, published: "2019-09-26", updated: "2026-12-02" })).toBe(
      `${FILE}:1:15: <Fact id="male-share-national"> cites S23 (T2 Marketing (on issuu), 2019 or later), ${maybe("updated 2 December 2026")}`,
    );
    // A row with an exactly dated source as well is cited by that one: Norfolk's count has ITV's of 19 September (S3).
    const norfolk = { data: YEAR_1, published: "2019-09-19" };
    const report: StoryReport = { charts: [], citations: [] };
    expect(check(`Norfolk had <Fact id="norfolk" />.\n`, norfolk, report)).toBe("");
    expect([...new Set(report.citations.map((c) => c.source.id))]).toEqual(["S3"]);
  });

  it("attributions carry their source: a sentence saying who said, found or reported something needs a Cite or a Fact", () => {
    const fix =
      'Add the <Cite source="…" passage="…" /> of who said it, or a <Fact> from their figures (see "Attributions carry their source" in content/README.md)';
    expect(check(`Intro.\n\nThe lines run north. City Hall said most of them ran to Norfolk. That is all.\n`)).toBe(
      `${FILE}:3:1: this sentence says who found, said or reported something but cites no source: "City Hall said most of them ran to Norfolk." (the word "said" attributes it). ${fix}`,
    );
    for (const verb of ["says", "found", "reported", "estimated", "described", "revealed", "claimed", "warned", "told"])
      expect(check(`The agency ${verb} it.\n`), verb).toMatch(/cites no source: "The agency/);
    expect(check(`Intro.\n\nPolice say the lines run north.\n`)).toBe(
      `${FILE}:3:1: this sentence says who found, said or reported something but cites no source: "Police say the lines run north." (the word "say" attributes it). ${fix}`,
    );
    expect(check(`According to one paper, it fell.\n`)).toMatch(/cites no source: "According to one paper, it fell\."/);
    expect(check(`City Hall said so <Cite source="P2" passage="top-five" />. They found <Fact id="linked-total" />.\n`)).toBe("");
    // What we say ourselves is not an attribution.
    expect(check(`We found no count for Sussex. We did not find it, and we have found nothing since.\n`)).toBe("");
    expect(check(`- City Hall said it.\n`)).toMatch(/^content\/stories\/example\.mdx:1:3: this sentence says who found/);
  });

  it("reads each component's required and optional props from its one zod schema", () => {
    expect(propNames("Chart")).toEqual({ required: ["id", "title", "subtitle"], optional: ["notes"] });
    expect(propNames("PullQuote")).toEqual({ required: ["name"], optional: ["role", "source"] });
    expect(check(`> quote\n\n<PullQuote role="Mayor">Words</PullQuote>\n`)).toBe(`${FILE}:3:1: <PullQuote> needs a name="…" prop`);
  });

  it("HTML elements other than a few inline ones are refused", () => {
    expect(check(`<div>boxed</div>\n`)).toBe(`${FILE}:1:1: <div> is HTML, which stories do not use; write Markdown instead (allowed HTML: abbr, br, sub, sup)`);
  });
});

describe("findTypedNumbers(text, facts)", () => {
  const facts = allFacts(YEAR_1);
  it("lists every Fact holding a typed value, and keeps ranges whole", () => {
    expect(findTypedNumbers("Brent had 37 referrals", facts)[0]!.factIds).toEqual([
      "brent-referred",
      "croydon-referred",
      "lambeth-referred",
      "newham-referred",
    ]);
    expect(findTypedNumbers("between 200 to 300 each", facts)[0]).toMatchObject({ text: "200 to 300", factIds: ["croydon-linked", "newham-linked"] });
  });
  it("ignores years, dates, small numbers and numbers that are not data values", () => {
    expect(findTypedNumbers("In September 2018, on 19 September, three or 4 people; 1234 others; aged 15 to 19", facts)).toEqual([]);
  });
});
