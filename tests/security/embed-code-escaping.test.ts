import fc from "fast-check";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { embedCodes } from "../../src/figures/embed-code";
import { renderChart } from "../../src/figures/render-chart";

/** Strings a title or a description could carry, mixed with arbitrary text. */
const hostile = fc
  .tuple(fc.constantFrom("<script>alert(1)</script>", '"><svg onload=alert(1)>', "javascript:alert(1)", "</figcaption>", "&amp; &lt;", "'"), fc.string())
  .map(([bad, text]) => `${text}${bad}${text}`);

const URLS = {
  page: "https://news.example.com/news/county-lines/embed/sex/2019-09-18-c1/",
  svg: "https://news.example.com/news/county-lines/embed/sex/2019-09-18-c1.svg",
  darkSvg: "https://news.example.com/news/county-lines/embed/sex/2019-09-18-c1-dark.svg",
};

describe("embed codes escape every string", () => {
  const chart = renderChart("sex", { versions: { "rescue-and-response": "2019-09-18-c1" } });

  it("a hostile title and description stay text: the picture code has exactly its elements, and the strings read back unchanged", () => {
    fc.assert(
      fc.property(hostile, hostile, (title, description) => {
        const codes = embedCodes({ ...chart, description }, { title, subtitle: "s" }, URLS);
        const body = new JSDOM(codes.figure).window.document.body;
        expect([...body.querySelectorAll("*")].map((e) => e.tagName)).toEqual(["FIGURE", "PICTURE", "SOURCE", "IMG", "FIGCAPTION", "STRONG", "BR", "A"]);
        expect(body.querySelector("img")!.getAttribute("alt")).toBe(description);
        expect(body.querySelector("strong")!.textContent).toBe(title);
        const frame = new JSDOM(codes.iframe).window.document.body;
        expect([...frame.querySelectorAll("*")].map((e) => e.tagName)).toEqual(["IFRAME"]);
        expect(frame.querySelector("iframe")!.getAttribute("title")).toBe(title);
      }),
      { numRuns: 50 },
    );
  });
});
