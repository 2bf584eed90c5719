import { describe, expect, it } from "vitest";
import { mdxToJs } from "satteri";
import { chartIds } from "../../src/charts";
import { checkComponentsPlugin } from "../../src/lib/content/check-components-plugin";
import { findTypedNumbers } from "../../src/lib/content/typed-numbers";
import { allFacts } from "../../src/lib/data/facts";

const FILE = "content/stories/example.mdx";

/** The pins of a Year 1 story, which these examples are written against. */
const YEAR_1 = { "rescue-and-response": "2019-09-18" } as const;

/** Compiles MDX with the story check, as Astro does, and returns the error message (or ""). */
function check(mdx: string, frontmatter: object = { data: YEAR_1 }): string {
  try {
    mdxToJs(mdx, { mdastPlugins: [checkComponentsPlugin], fileURL: new URL(`file://${process.cwd()}/${FILE}`), data: { astro: { frontmatter } } } as never);
    return "";
  } catch (error) {
    return (error as Error).message.split("\n").find((l) => l.includes(FILE))?.replace(/^.*?(content\/)/, "$1") ?? (error as Error).message;
  }
}

describe("story checks (each editor mistake and its exact message)", () => {
  it("accepts a story that uses the editor surface correctly", () => {
    expect(check(`Intro.\n\n<Fact id="linked-total" /> people, see <Cite source="P2" />.\n\n<Chart id="destinations" title="Norfolk led" subtitle="By area" />\n`)).toBe("");
  });

  it("unknown chart id: names file, line and column, and lists the valid ids", () => {
    expect(check(`Intro.\n\n<Chart id="destination" title="T" subtitle="S" />\n`)).toBe(`${FILE}:3:1: <Chart id="destination">: unknown chart id "destination". Use one of: ${chartIds.join(", ")}`);
  });

  it("unknown fact id: suggests the closest and lists the valid ids", () => {
    const ids = allFacts(YEAR_1).filter((f) => f.dataset === "rescue-and-response").map((f) => f.id).sort().join(", ");
    expect(check(`We found <Fact id="linked-totl" /> people.\n`)).toBe(`${FILE}:1:10: <Fact id="linked-totl">: unknown fact id "linked-totl" (did you mean "linked-total"?). Use one of: ${ids}`);
  });

  it("a Chart without a title asks for the takeaway", () => {
    expect(check(`<Chart id="destinations" subtitle="S" />\n`)).toBe(`${FILE}:1:1: <Chart> needs a title stating the chart's takeaway, e.g. title="Norfolk was the top destination"`);
  });

  it("a misspelt prop suggests the right one and lists the props", () => {
    expect(check(`<Chart id="destinations" title="T" subtitel="S" />\n`)).toBe(`${FILE}:1:1: <Chart> has no prop "subtitel"; did you mean "subtitle"? Its props are: id, title, subtitle, notes`);
  });

  it("a misspelt component suggests the right one", () => {
    expect(check(`Text <Fcat id="linked-total" /> more.\n`)).toBe(`${FILE}:1:6: unknown component <Fcat>; did you mean <Fact>? The components are: <Chart>, <Fact>, <Aside>, <PullQuote>, <Cite>`);
  });

  it("an unknown source in <Cite> lists the story's sources", () => {
    expect(check(`As reported <Cite source="S99" />.\n`)).toMatch(new RegExp(`^${FILE}:1:13: <Cite source="S99">: unknown source id\\. The story's data cites: P2, `));
  });

  it("a number typed by hand that equals a data value names the Fact to use", () => {
    expect(check(`Intro.\n\nCity Hall found 4,013 Londoners.\n`)).toBe(`${FILE}:3:17: "4,013" is typed by hand but it is a value in the story's data; write <Fact id="linked-total" /> instead, so the number stays sourced and in step with the data`);
    expect(check(`Norfolk had 46% of nothing.\n`)).toBe(`${FILE}:1:13: "46%" is typed by hand but it is a value in the story's data; write <Fact id="linked-15-19" /> instead, so the number stays sourced and in step with the data`);
  });

  it("a Fact or Chart whose dataset the frontmatter does not pin is refused, naming the pin to add", () => {
    expect(check(`We found <Fact id="linked-total" /> people.\n`, {})).toBe(`${FILE}:1:10: <Fact id="linked-total"> reads rescue-and-response, which the frontmatter does not pin; add it under data: (e.g. rescue-and-response: "2020-09-30") so the number stays the same when a new version lands`);
    expect(check(`<Chart id="destinations" title="T" subtitle="S" />\n`, {})).toBe(`${FILE}:1:1: <Chart id="destinations"> reads rescue-and-response, which the frontmatter does not pin; add it under data: (e.g. rescue-and-response: "2020-09-30") so the chart keeps its numbers when a new version lands`);
  });

  it("a Fact from another version needs that version under compare:, and an id that exists in it", () => {
    const compared = { data: { "rescue-and-response": "2020-09-30" }, compare: YEAR_1 };
    expect(check(`Then <Fact id="linked-total" version="2019-09-18" />, now <Fact id="linked-total" />.\n`, compared)).toBe("");
    expect(check(`Then <Fact id="linked-total" version="2019-09-18" />.\n`, { data: { "rescue-and-response": "2020-09-30" } })).toBe(`${FILE}:1:6: <Fact id="linked-total" version="2019-09-18">: version "2019-09-18" is not one this story pins; add it under "compare:" in the frontmatter (e.g. rescue-and-response: "2019-09-18")`);
    const year1Ids = allFacts(YEAR_1).filter((f) => f.dataset === "rescue-and-response").map((f) => f.id).sort().join(", ");
    expect(check(`Then <Fact id="brighton" version="2019-09-18" />.\n`, compared)).toBe(`${FILE}:1:6: <Fact id="brighton" version="2019-09-18">: unknown fact id "brighton" in version 2019-09-18. Valid ids: ${year1Ids}`);
    // A number typed by hand is refused when it equals a value of either version.
    expect(check(`Year 1 found 4,013.\n`, compared)).toBe(`${FILE}:1:14: "4,013" is typed by hand but it is a value in the story's data; write <Fact id="linked-total" /> instead, so the number stays sourced and in step with the data`);
  });

  it("a comparison chart needs both of its versions pinned", () => {
    expect(check(`<Chart id="year-two-total" title="T" subtitle="S" />\n`)).toBe(`${FILE}:1:1: <Chart id="year-two-total"> compares rescue-and-response 2019-09-18 with 2020-09-30; pin them in the frontmatter: data: rescue-and-response: "2020-09-30" and compare: rescue-and-response: "2019-09-18"`);
    expect(check(`<Chart id="year-two-total" title="T" subtitle="S" />\n`, { data: { "rescue-and-response": "2020-09-30" }, compare: YEAR_1 })).toBe("");
  });

  it("HTML elements other than a few inline ones are refused", () => {
    expect(check(`<div>boxed</div>\n`)).toBe(`${FILE}:1:1: <div> is HTML, which stories do not use; write Markdown instead (allowed HTML: abbr, br, sub, sup)`);
  });
});

describe("findTypedNumbers(text, facts)", () => {
  const facts = allFacts(YEAR_1);
  it("lists every Fact holding a typed value, and keeps ranges whole", () => {
    expect(findTypedNumbers("Brent had 37 referrals", facts)[0]!.factIds).toEqual(["brent-referred", "croydon-referred", "lambeth-referred", "newham-referred"]);
    expect(findTypedNumbers("between 200 to 300 each", facts)[0]).toMatchObject({ text: "200 to 300", factIds: ["croydon-linked", "newham-linked"] });
  });
  it("ignores years, dates, small numbers and numbers that are not data values", () => {
    expect(findTypedNumbers("In September 2018, on 19 September, three or 4 people; 1234 others; aged 15 to 19", facts)).toEqual([]);
  });
});
