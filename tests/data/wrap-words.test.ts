import fc from "fast-check";
import { expect, it } from "vitest";
import { wrapLabel } from "../../src/charts/theme";
import { wrapWords } from "../../src/data/words/wrap-words";

it("is one function for chart labels and share-image headlines", () => {
  expect(wrapLabel).toBe(wrapWords);
});

it("wraps a long bar label at spaces into lines that fit", () => {
  expect(wrapWords("Male, of young people referred to the programme", 36)).toEqual(["Male, of young people referred to", "the programme"]);
  expect(wrapWords("Male, of young people referred to the programme", 30)).toEqual(["Male, of young people referred", "to the programme"]);
  expect(wrapWords("Aged 15–19", 36)).toEqual(["Aged 15–19"]);
  expect(wrapWords("Supercalifragilisticexpialidocious words", 10)).toEqual(["Supercalifragilisticexpialidocious", "words"]);
});

it("drops leading, trailing and repeated whitespace, breaks at tabs and newlines, never at a no-break space", () => {
  expect(wrapWords(" x y", 1)).toEqual(["x", "y"]);
  expect(wrapWords("  Aged\t15–19  ", 30)).toEqual(["Aged 15–19"]);
  expect(wrapWords("a  \n b", 30)).toEqual(["a b"]);
  expect(wrapWords("Year\u00a02 total", 6)).toEqual(["Year\u00a02", "total"]);
  expect(wrapWords("", 10)).toEqual([]);
  expect(wrapWords(" \t\n ", 10)).toEqual([]);
});

/** Whitespace a line may break at, and the no-break spaces that belong to a word (src/data/words/wrap-words.ts). */
const breakable = [" ", "\t", "\n", "\r", "\u2003", "\u3000"];
const noBreak = ["\u00a0", "\u2007", "\u202f", "\ufeff"];
const word = fc.string({
  unit: fc.oneof(
    fc.constantFrom("a", "b", "é", "–", "1", ",", ...noBreak),
    fc.string({ unit: "binary", minLength: 1, maxLength: 1 }).filter((c) => !/\s/.test(c)),
  ),
  minLength: 1,
  maxLength: 14,
});
const gap = fc.string({ unit: fc.constantFrom(...breakable), minLength: 1, maxLength: 3 });
/** A text built from known words: the words, and the text with gaps between, before and after them. */
const text = fc
  .record({ words: fc.array(word, { maxLength: 12 }), gaps: fc.array(gap, { minLength: 13, maxLength: 13 }), lead: fc.boolean(), trail: fc.boolean() })
  .map(({ words, gaps, lead, trail }) => ({
    words,
    text: (lead ? gaps[0] : "") + words.map((w, i) => (i > 0 ? gaps[i] : "") + w).join("") + (trail ? gaps[12] : ""),
  }));

it("keeps exactly the text's words, in order, in non-empty lines within the width unless one word is longer (any text, any width)", () => {
  fc.assert(
    fc.property(text, fc.integer({ min: 1, max: 40 }), ({ words, text }, width) => {
      const lines = wrapWords(text, width);
      for (const line of lines) {
        // No line is empty, and each is whole words joined by single spaces: no space at either end, none doubled.
        expect(line).not.toBe("");
        expect(line).not.toMatch(/^ | $| {2}/);
        // Within the width, unless the line is one word longer than it.
        if (line.length > width) expect(line).not.toContain(" ");
      }
      // No word lost, added, split, altered or reordered.
      expect(lines.flatMap((line) => line.split(" "))).toEqual(words);
      // Greedy: a line ends only where the next word would not fit on it.
      for (const [i, line] of lines.slice(1).entries()) expect(lines[i]!.length + 1 + line.split(" ")[0]!.length).toBeGreaterThan(width);
    }),
  );
});
