import fc from "fast-check";
import { expect, it } from "vitest";
import { wrapLabel } from "../../src/charts/theme";

it("wraps a long bar label at spaces into lines that fit", () => {
  expect(wrapLabel("Male, of young people referred to the programme", 36)).toEqual(["Male, of young people referred to", "the programme"]);
  expect(wrapLabel("Aged 15–19", 36)).toEqual(["Aged 15–19"]);
  expect(wrapLabel("Supercalifragilisticexpialidocious words", 10)).toEqual(["Supercalifragilisticexpialidocious", "words"]);
});

it("never loses or adds a character, and never leaves a line empty (any text, any width)", () => {
  fc.assert(
    fc.property(fc.string({ minLength: 1, maxLength: 120 }), fc.integer({ min: 1, max: 80 }), (label, width) => {
      const lines = wrapLabel(label, width);
      expect(lines.join(" ")).toBe(label);
      // Only a label made of nothing but spaces can start with an empty line, and then it is the only one.
      if (lines.length > 1) for (const line of lines) expect(line.trim().length > 0 || line === lines[0], JSON.stringify(lines)).toBe(true);
      // A line is over the width only when it is one long word, or ends in spaces.
      for (const line of lines) if (line.length > width) expect(line.trimEnd().includes(" ") && line.trimEnd().length > width).toBe(false);
    }),
  );
});
