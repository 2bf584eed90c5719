import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { csvFormat, csvParse } from "d3-dsv";
import fc from "fast-check";
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ChartFigure from "../../src/components/ChartFigure.astro";
import BaseLayout from "../../src/layouts/BaseLayout.astro";
import { renderChart } from "../../src/figures/render-chart";
import { shareSvg } from "../../src/render/share-image";
import bibtexParse from "@orcid/bibtex-parse-js";
import { readBibtex } from "../support/bibtex";
import CitationBlock from "../../src/components/CitationBlock.astro";
import JsonLd from "../../src/components/JsonLd.astro";
import { citeBibtex, citeText, cslFile, type Citable } from "../../src/data/citing/cite";
import { standaloneSvg } from "../../src/figures/standalone-svg";

/**
 * Hostile strings in data and frontmatter fields are text wherever they appear. Each property
 * renders the real pipeline twice, once with a harmless word and once with a generated string, and
 * checks that the markup has exactly the same elements and attributes (nothing injected) and that
 * the string reads back, unchanged, as text or as an attribute value.
 */
const attacks = [
  "<script>alert(1)</script>",
  '"><svg onload=alert(1)>',
  "javascript:alert(document.cookie)",
  "</title><script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "' onfocus='alert(1)' autofocus='",
  "&lt;b&gt; &amp; &#x3C;",
  "]]><!-- --><![CDATA[",
  "{{constructor.constructor('alert(1)')()}}",
  "${alert(1)}",
];
/** A text's words: what a wrapped label or title must keep, whatever its whitespace. */
const words = (text: string) => text.split(/\s+/).filter(Boolean);
/** Attack fragments mixed with arbitrary printable text, as one line a spreadsheet cell could hold. */
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...attacks), fc.string({ maxLength: 12 }), fc.string({ unit: "grapheme", maxLength: 6 })), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join(" "))
  .filter((s) => s.trim() !== "" && !/[\p{Cc}\u2028\u2029]/u.test(s) && s.length <= 400);
const RUNS = { numRuns: 40 };

/** Every element with its attribute names, in document order: the shape of the markup. */
function shape(root: Element): string[] {
  return [root, ...root.querySelectorAll("*")].map(
    (e) =>
      `${e.tagName.toLowerCase()}[${[...e.attributes]
        .map((a) => a.name)
        .sort()
        .join(",")}]`,
  );
}
const html = (markup: string) => new JSDOM(markup).window.document;
const svgDoc = (markup: string) => {
  const doc = new JSDOM(markup, { contentType: "image/svg+xml" }).window.document;
  expect(doc.querySelector("parsererror"), "well-formed SVG").toBeNull();
  return doc;
};
const noScript = (doc: Document) => {
  expect(doc.querySelectorAll("script, iframe, object, embed, foreignObject").length).toBe(0);
  for (const e of doc.querySelectorAll("*")) for (const a of e.attributes) expect(a.name.startsWith("on"), `${e.tagName} ${a.name}`).toBe(false);
};

// A throwaway copy of the Year 1 figures whose place names, notes and source credits are replaced.
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
function hostileData(area: string, note: string, publisher: string): string {
  const root = mkdtempSync(join(tmpdir(), "cl-hostile-"));
  roots.push(root);
  const dir = join(root, "data/rescue-and-response/2019-09-18");
  cpSync("data/rescue-and-response/2019-09-18", dir, { recursive: true });
  cpSync("data/sources.json", join(root, "data/sources.json"));
  const file = join(dir, "destinations.csv");
  const rows = csvParse(readFileSync(file, "utf8"));
  rows[0]!.area = area;
  rows[0]!.note = note;
  writeFileSync(file, `${csvFormat(rows, rows.columns)}\n`);
  const meta = JSON.parse(readFileSync(join(dir, "meta.json"), "utf8")) as {
    files: { name: string; sha256: string }[];
    sources: { id: string; publisher: string; title: string }[];
  };
  meta.files.find((f) => f.name === "destinations.csv")!.sha256 = createHash("sha256").update(readFileSync(file)).digest("hex");
  for (const s of meta.sources.filter((s) => s.id === "S2")) [s.publisher, s.title] = [publisher, publisher];
  writeFileSync(join(dir, "meta.json"), JSON.stringify(meta));
  return root;
}
/** A one-line figure credit naming its sources with `phrase` (data/sources.json's names are data too). */
const creditOf = (phrase: string) => ({ phrase, runs: [{ first: 1, last: 1, anchor: "source-1" }] });
const chartWith = (area: string, note: string, publisher: string) =>
  renderChart("destinations", { root: hostileData(area, note, publisher), versions: { "rescue-and-response": "2019-09-18" } });

describe("hostile strings are rendered as text, never as markup (fast-check)", () => {
  let container: AstroContainer;
  beforeAll(async () => {
    container = await AstroContainer.create({ astroConfig: { site: "https://example.org" } });
  });
  /**
   * The same chart with a harmless place name of the same word lengths ("ab <c" → "aa aa"): long
   * labels wrap at spaces into lines (tspans), so the markup's shape depends on word lengths, and
   * must depend on nothing else.
   */
  const benignLike = (area: string) => chartWith(area.replace(/[^ ]/g, "a"), "A note", "Eastern Daily Press");
  /** A label's text as drawn: its lines, rejoined with the spaces they were wrapped at. */
  const drawn = (text: Element) => (text.querySelector("tspan") ? [...text.querySelectorAll("tspan")].map((t) => t.textContent).join(" ") : text.textContent);

  it("in chart SVGs: the <title> of each bar and the labels (data field: a place name)", () => {
    fc.assert(
      fc.property(hostile, (area) => {
        const chart = chartWith(area, "A note", "Eastern Daily Press");
        const reference = benignLike(area);
        for (const variant of ["wide", "narrow"] as const) {
          const doc = svgDoc(chart.svg[variant]!);
          noScript(doc);
          expect(shape(doc.documentElement)).toEqual(shape(svgDoc(reference.svg[variant]!).documentElement));
          expect([...doc.querySelectorAll("title")].some((t) => t.textContent!.startsWith(`1. ${area}: 416`))).toBe(true);
          // Labels wrap at whitespace (runs of it collapse, as SVG shows them): the drawn words are the label's.
          expect([...doc.querySelectorAll("text")].some((t) => words(drawn(t)).join(" ") === words(`1. ${area}`).join(" "))).toBe(true);
        }
        expect(chart.description).toContain(`${area} (ranked 1): 416`);
      }),
      RUNS,
    );
  });

  it("in figures: title, subtitle, notes, description, data table and source credits (data and MDX fields)", async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, hostile, async (title, note, publisher) => {
        const reference = await container.renderToString(ChartFigure, {
          props: { chart: benignLike(title), title: "Title", subtitle: "Subtitle", notes: "Notes", credit: creditOf("Benign") },
        });
        const chart = chartWith(title, note, publisher);
        const markup = await container.renderToString(ChartFigure, { props: { chart, title, subtitle: note, notes: publisher, credit: creditOf(publisher) } });
        const doc = html(markup);
        noScript(doc);
        expect(shape(doc.body)).toEqual(shape(html(reference).body));
        expect(doc.querySelector(".chart-title")!.textContent).toBe(title);
        expect(doc.querySelector(".chart-subtitle")!.textContent).toBe(note);
        expect(doc.querySelector(".chart-notes")!.textContent).toBe(publisher);
        expect(doc.querySelector(".chart-data tbody tr")!.textContent).toContain(note);
        expect(doc.querySelector(".chart-data caption")!.textContent).toBe(`${title}: the figures shown`);
        // meta.json text fields are trimmed when read.
        expect(doc.querySelector(".credit-list")!.textContent).toContain(`${publisher.trim()}, ${publisher.trim()}`);
        expect(doc.querySelector(".chart-credit")!.textContent).toContain(`Sources: ${publisher} [1]`);
        // The embed code is text to copy: the title is inside it, escaped for an attribute.
        const iframe = html(doc.querySelector(".chart-more .embed-code code")!.textContent!).querySelector("iframe")!;
        expect(iframe.getAttribute("title")).toBe(title);
      }),
      { numRuns: 25 },
    );
  });

  it("in page heads: <title>, description and Open Graph tags (frontmatter fields)", async () => {
    const render = (title: string, description: string, imageAlt: string) =>
      container.renderToString(BaseLayout, { props: { title, description, imageAlt }, slots: { default: "<p>Body</p>" } });
    const reference = html(await render("Title", "Description", "Alt"));
    await fc.assert(
      fc.asyncProperty(hostile, hostile, hostile, async (title, description, imageAlt) => {
        const doc = html(await render(title, description, imageAlt));
        noScript(doc);
        expect(shape(doc.documentElement)).toEqual(shape(reference.documentElement));
        expect(doc.querySelector("title")!.textContent).toBe(`${title} | County lines explained`);
        expect(doc.querySelector('meta[name="description"]')!.getAttribute("content")).toBe(description);
        expect(doc.querySelector('meta[property="og:title"]')!.getAttribute("content")).toBe(title);
        expect(doc.querySelector('meta[property="og:image:alt"]')!.getAttribute("content")).toBe(imageAlt);
      }),
      { numRuns: 25 },
    );
  });

  it("in share images: the headline drawn into the SVG that is rasterised", () => {
    fc.assert(
      fc.property(hostile, (title) => {
        const doc = svgDoc(shareSvg({ title, site: "example.org" }));
        noScript(doc);
        expect(new Set([...doc.querySelectorAll("*")].map((e) => e.tagName))).toEqual(new Set(["svg", "rect", "text", "tspan"]));
        // The headline is drawn (up to seven lines), word for word from its start.
        const drawn = words([...doc.querySelectorAll("tspan")].map((t) => t.textContent).join(" "));
        expect(drawn.length).toBeGreaterThan(0);
        expect(drawn).toEqual(words(title).slice(0, drawn.length));
      }),
      RUNS,
    );
  });
});

describe("hostile titles in citations and downloads stay text in every format (fast-check)", () => {
  let container: AstroContainer;
  beforeAll(async () => {
    container = await AstroContainer.create({ astroConfig: { site: "https://example.org" } });
  });
  const citable = (title: string): Citable => ({
    key: "county-lines-chart-x-2019-09-18",
    kind: "figure",
    title,
    date: "2019-09-20",
    url: "https://example.org/news/embed/x/2019-09-18/",
    container: title,
    dataset: "rescue-and-response",
    version: "2019-09-18",
  });
  it("BibTeX: a parser reads one entry of our fields, and a TeX-aware reader (Citation.js) reads back the title", () => {
    fc.assert(
      fc.property(hostile, (title) => {
        const entries = bibtexParse.toJSON(citeBibtex(citable(title)));
        expect(entries).toHaveLength(1);
        expect(entries[0]!.citationKey).toBe("county-lines-chart-x-2019-09-18");
        const tags = entries[0]!.entryTags;
        // Read as a reference manager reads it, TeX escapes, braces and ligatures undone (TeX collapses
        // runs of spaces, so words are compared).
        for (const dialect of ["bibtex", "biblatex"] as const) {
          const read = readBibtex(citeBibtex(citable(title)), dialect);
          expect(read, dialect).toHaveLength(1);
          expect(words(String(read[0]!.title)), dialect).toEqual(words(title));
        }
        expect(tags.url).toBe("https://example.org/news/embed/x/2019-09-18/");
        expect(Object.keys(tags)).toEqual(["author", "title", "year", "month", "date", "howpublished", "organization", "note", "version", "url", "language"]);
      }),
      RUNS,
    );
  });

  it("the published CSL-JSON file parses back to the title; plain text holds it verbatim", () => {
    fc.assert(
      fc.property(hostile, (title) => {
        // The file's text exactly as /cite/<key>.json publishes it, parsed by a JSON reader.
        const csl = JSON.parse(cslFile(citable(title))) as { title: string; "container-title": string }[];
        expect(csl).toHaveLength(1);
        expect(csl[0]!.title).toBe(title);
        expect(csl[0]!["container-title"]).toBe(title);
        expect(citeText(citable(title))).toContain(`. ${title} [Chart; data: rescue-and-response, version 2019-09-18]. In “${title}”. `);
      }),
      RUNS,
    );
  });

  it("HTML: the citation block shows the text and BibTeX as text, with nothing injected", async () => {
    const render = async (title: string) =>
      html(await container.renderToString(CitationBlock, { props: { citable: citable(title), label: "Cite this chart" } }));
    const reference = await render("Title");
    await fc.assert(
      fc.asyncProperty(hostile, async (title) => {
        const doc = await render(title);
        noScript(doc);
        expect(shape(doc.body)).toEqual(shape(reference.body));
        expect(doc.querySelector(".cite-text")!.textContent).toBe(citeText(citable(title)));
        expect(doc.querySelector(".cite-bibtex")!.textContent).toBe(citeBibtex(citable(title)));
      }),
      { numRuns: 25 },
    );
  });

  it("JSON-LD: a hostile string (</script> included) stays inside its one data block and parses back", async () => {
    const render = async (name: string) =>
      html(await container.renderToString(JsonLd, { props: { data: { "@context": "https://schema.org", "@type": "Thing", name } } }));
    const strings = fc.oneof(hostile, fc.constantFrom("</script><script>alert(1)</script>", "<!--<script>", "a\u2028b\u2029c", "</SCRIPT >x"));
    await fc.assert(
      fc.asyncProperty(strings, async (name) => {
        const doc = await render(name);
        const scripts = doc.querySelectorAll("script");
        expect(scripts.length).toBe(1);
        expect(scripts[0]!.getAttribute("type")).toBe("application/ld+json");
        expect(doc.body.children.length + doc.head.children.length).toBe(1);
        expect(JSON.parse(scripts[0]!.textContent!)).toEqual({ "@context": "https://schema.org", "@type": "Thing", name });
      }),
      { numRuns: 40 },
    );
  });

  it("standalone SVG: well-formed XML whose title and text lines read back as the title", () => {
    const chart = renderChart("sex", { versions: { "rescue-and-response": "2019-09-18" } });
    fc.assert(
      fc.property(hostile, hostile, (title, notes) => {
        const doc = svgDoc(standaloneSvg(chart, { title, subtitle: "Subtitle", notes, url: "https://example.org/embed/sex/2019-09-18/" }));
        noScript(doc);
        expect(doc.querySelector("title")!.textContent).toBe(title);
        // The title is drawn in lines wrapped at whitespace: rejoined, they are the title's words.
        const bold = [...doc.documentElement.children].filter((e) => e.tagName === "text" && e.getAttribute("font-weight") === "700");
        expect(words(bold.map((t) => t.textContent).join(" "))).toEqual(words(title));
      }),
      RUNS,
    );
  });
});

describe("CSV downloads are the data files' bytes, unchanged", () => {
  it("the download route returns exactly the bytes of a file holding hostile cells", async () => {
    const attack = attacks.join(" ");
    const root = hostileData(attack, `=HYPERLINK("http://x") ${attack}`, attack);
    const file = join(root, "data/rescue-and-response/2019-09-18/destinations.csv");
    const bytes = readFileSync(file);
    expect(bytes.toString()).toContain("<script>alert(1)</script>");
    // The real route, run where a build would run it: in a project whose data/ holds the hostile file.
    const { GET } = await import("../../src/pages/data/[dataset]/[version]/[file]");
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const response = await GET({ params: { dataset: "rescue-and-response", version: "2019-09-18", file: "destinations.csv" } } as never);
      expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });
});
