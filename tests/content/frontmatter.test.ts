import { describe, expect, it } from "vitest";
import { checkFrontmatter } from "../../src/stories/check-frontmatter";

const FILE = "content/stories/example.mdx";
const VALID = `---
title: "A headline that says something"
standfirst: "One or two sentences that sit under the headline."
byline: "By the data team"
published: 2019-09-19
shareImageAlt: "A chart of something, described for screen readers."
---

Text.
`;

function message(source: string): string {
  try {
    checkFrontmatter(FILE, source);
    return "";
  } catch (error) {
    return (error as Error).message;
  }
}

describe("checkFrontmatter(path, source): each frontmatter mistake and its exact message", () => {
  it("accepts valid frontmatter", () => {
    expect(message(VALID)).toBe("");
  });

  it("a missing field names the field and how to add it", () => {
    expect(message(VALID.replace(/^byline:.*\n/m, ""))).toBe(
      `${FILE}:1: frontmatter is missing "byline": add a line "byline: …" (who wrote it, e.g. "By the data team")`,
    );
  });

  it("an invalid date names the line, the column and the expected form", () => {
    expect(message(VALID.replace("published: 2019-09-19", "published: 19/09/2019"))).toBe(
      `${FILE}:5:1: frontmatter "published": expected a real date written YYYY-MM-DD, e.g. 2019-09-19 (got "19/09/2019")`,
    );
    expect(message(VALID.replace("published: 2019-09-19", 'published: "2019-02-30"'))).toBe(
      `${FILE}:5:1: frontmatter "published": expected a real date written YYYY-MM-DD, e.g. 2019-09-19 (got "2019-02-30")`,
    );
  });

  it("a misspelt field suggests the right one", () => {
    expect(message(VALID.replace("standfirst:", "standfrist:"))).toBe(
      `${FILE}:3:1: frontmatter has no field "standfrist"; did you mean "standfirst"? The fields are: title, standfirst, byline, published, updated, updateNote, data, compare, shareImageAlt, draft, order, corrections`,
    );
  });

  it("a field that is no field at all, with nothing close to suggest, is named with the fields there are", () => {
    expect(message(VALID.replace("standfirst:", "subhead:"))).toBe(
      [
        `${FILE}:3:1: frontmatter has no field "subhead". The fields are: title, standfirst, byline, published, updated, updateNote, data, compare, shareImageAlt, draft, order, corrections`,
        `${FILE}:1: frontmatter is missing "standfirst": add a line "standfirst: …" (one or two sentences under the headline (at least 20 characters))`,
      ].join("\n"),
    );
  });

  it("a correction with a field it does not have is named at that field, with a correction's fields", () => {
    const source = VALID.replace(
      "---\n\nText",
      'corrections:\n  - date: 2019-09-30\n    id: essex\n    text: "We said Essex had 121; it had 336."\n    extra: 1\n    txt: "x"\n---\n\nText',
    );
    expect(message(source)).toBe(
      [
        `${FILE}:11:5: frontmatter "corrections.1" has no field "extra". Its fields are: date, id, text`,
        `${FILE}:12:5: frontmatter "corrections.1" has no field "txt"; did you mean "text"? Its fields are: date, id, text`,
      ].join("\n"),
    );
  });

  it("a correction without a real date points at the correction", () => {
    const source = VALID.replace(
      "---\n\nText",
      'corrections:\n  - date: 2019-09-31\n    id: essex\n    text: "We said Essex had 121; it had 336."\n---\n\nText',
    );
    expect(message(source)).toBe(`${FILE}:8:5: frontmatter "corrections.1.date": expected a real date written YYYY-MM-DD, e.g. 2019-09-19 (got "2019-09-31")`);
  });

  describe("corrections: one per error, oldest first, each with its own id, in plain words", () => {
    /** The valid story with these corrections (each [date, id, text]). */
    const corrected = (...items: [string, string, string][]) =>
      VALID.replace(
        "---\n\nText",
        `corrections:\n${items.map(([date, id, text]) => `  - date: ${date}\n    id: ${id}\n    text: "${text}"\n`).join("")}---\n\nText`,
      );
    it("accepts corrections listed oldest first, with distinct ids", () => {
      expect(
        message(corrected(["2019-09-20", "essex-rank", "We said Essex was second. It was third."], ["2019-10-01", "norfolk", "We said 461. It was 416."])),
      ).toBe("");
    });
    it("a correction without an id says what an id is", () => {
      expect(
        message(VALID.replace("---\n\nText", 'corrections:\n  - date: 2019-09-20\n    text: "We said Essex was second. It was third."\n---\n\nText')),
      ).toBe(
        `${FILE}:8:5: frontmatter "corrections.1" is missing "id": add a line "id: …" to it (expected a short name for the correction, e.g. id: "essex-towns")`,
      );
      expect(message(corrected(["2019-09-20", "Essex Rank", "We said Essex was second. It was third."]))).toBe(
        `${FILE}:9:5: frontmatter "corrections.1.id": expected a short name in lower case, digits and hyphens, e.g. "essex-towns"`,
      );
    });
    it("a newer correction above an older one, or a repeated id, is named at its line", () => {
      expect(
        message(corrected(["2019-10-01", "norfolk", "We said 461. It was 416."], ["2019-09-20", "essex-rank", "We said Essex was second. It was third."])),
      ).toBe(
        `${FILE}:11:5: frontmatter "corrections.2.date": corrections are listed oldest first, and this one's date (2019-09-20) is before the one above it (2019-10-01): check its date, or, if it is right, move it above that one (a new correction goes at the end)`,
      );
      expect(message(corrected(["2019-09-20", "essex", "We said Essex was second. It was third."], ["2019-10-01", "essex", "We said 121. It was 336."]))).toBe(
        `${FILE}:12:5: frontmatter "corrections.2.id": the id "essex" is already used by correction 1 (line 9) of this story: give each correction its own id`,
      );
    });
    it("a dataset or version name in a correction points to the changelog instead", () => {
      const expected = (name: string) =>
        `${FILE}:10:5: frontmatter "corrections.1.text": "${name}" is a dataset or version name: say in plain words what we said and what is right; the Corrections section links to the Data page's changelog, which names the versions`;
      expect(message(corrected(["2019-09-20", "essex", "The data now comes from version 2019-09-18-c1."]))).toBe(expected("2019-09-18-c1"));
      expect(message(corrected(["2019-09-20", "essex", "The rescue-and-response figures were wrong."]))).toBe(expected("rescue-and-response"));
      // "national" is a dataset id but also a word: only hyphenated ids are taken for names.
      expect(message(corrected(["2019-09-20", "essex", "We said the national figure was 2,000. It was about 2,000 deal lines."]))).toBe("");
    });
  });

  it("an unknown data version lists the versions that exist", () => {
    expect(message(VALID.replace("---\n\nText", 'data:\n  national: "2020-01-01"\n---\n\nText'))).toBe(
      `${FILE}:8:3: frontmatter "data.national": no version "2020-01-01" of national; available: 2019-01-30, 2019-01-30-c1, 2019-01-30-c2`,
    );
  });

  it("a compared version must exist, and must differ from a pinned version of the same dataset", () => {
    const withPins = (pins: string) => VALID.replace("---\n\nText", `${pins}---\n\nText`);
    expect(message(withPins('data:\n  rescue-and-response: "2020-09-30"\ncompare:\n  rescue-and-response: "2019-09-18"\n'))).toBe("");
    expect(message(withPins('data:\n  rescue-and-response: "2020-09-30"\ncompare:\n  rescue-and-response: "2019-01-01"\n'))).toBe(
      `${FILE}:10:3: frontmatter "compare.rescue-and-response": no version "2019-01-01" of rescue-and-response; available: 2019-09-18, 2019-09-18-c1, 2019-09-18-c2, 2020-09-30, 2020-09-30-c1, 2020-09-30-c2`,
    );
    expect(message(withPins('compare:\n  rescue-and-response: "2019-09-18"\n'))).toBe(
      `${FILE}:8:3: frontmatter "compare.rescue-and-response": pin the version you compare against under data: first (data: rescue-and-response: "…")`,
    );
    expect(message(withPins('data:\n  rescue-and-response: "2019-09-18"\ncompare:\n  rescue-and-response: "2019-09-18"\n'))).toBe(
      `${FILE}:10:3: frontmatter "compare.rescue-and-response": "2019-09-18" is already the pinned version under data:; compare with a different version`,
    );
  });

  it("a field of the wrong type is named at its line, not reported as missing", () => {
    expect(message(VALID.replace('byline: "By the data team"', "byline: 5"))).toMatch(new RegExp(`^${FILE}:4:1: frontmatter "byline": expected text`));
  });

  it("an update says what it added: updated and updateNote come together", () => {
    expect(message(VALID.replace("published: 2019-09-19\n", "published: 2019-09-19\nupdated: 2022-07-29\n"))).toBe(
      `${FILE}:6:1: frontmatter "updated": say what the update added in updateNote: "…" (readers see it at the foot of the story, linked from the date)`,
    );
    expect(message(VALID.replace("published: 2019-09-19\n", 'published: 2019-09-19\nupdateNote: "added later figures"\n'))).toBe(
      `${FILE}:6:1: frontmatter "updateNote": an updateNote needs the date of the update in updated:`,
    );
    expect(message(VALID.replace("published: 2019-09-19\n", 'published: 2019-09-19\nupdated: 2022-07-29\nupdateNote: "added later figures"\n'))).toBe("");
  });

  it("broken YAML names the line", () => {
    expect(message(VALID.replace('byline: "By the data team"', 'byline: "By the data team'))).toMatch(
      new RegExp(`^${FILE}:4:\\d+: frontmatter is not valid YAML: `),
    );
  });

  it("a story without frontmatter is told what to add", () => {
    expect(message("Just text.\n")).toBe(
      `${FILE}:1:1: the story must start with frontmatter between two "---" lines (title, standfirst, byline, published, shareImageAlt)`,
    );
  });
});
