import * as Plot from "@observablehq/plot";
import { expect, it } from "vitest";
import { plotToSvg } from "../../src/render/plot-to-svg";
import { parseSvg } from "../support/svg";

const svgOf = (text: string) =>
  parseSvg(
    plotToSvg(
      { width: 300, height: 100, marks: [Plot.text([{ x: 1 / 3, y: 2 / 3 }], { x: "x", y: "y", text: () => text }), Plot.frame({ clip: true } as never)] },
      { idPrefix: "t", labelledBy: "a", describedBy: "b", fontSize: 13 },
    ),
  );

it("rounds long numbers in attributes but never changes the text readers see", () => {
  const svg = svgOf("π is 3.14159, e is 2.71828");
  const text = [...svg.querySelectorAll("text")].find((t) => t.textContent?.includes("π"))!;
  expect(text.textContent).toBe("π is 3.14159, e is 2.71828");
  const attributes = [...svg.querySelectorAll("*")].flatMap((e) => [...e.attributes].map((a) => a.value));
  expect(attributes.length).toBeGreaterThan(5);
  expect(attributes.filter((v) => /\d\.\d{3,}/.test(v))).toEqual([]);
  expect(svg.getAttribute("font-size")).toBe("13");
});
