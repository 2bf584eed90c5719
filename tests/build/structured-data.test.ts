import { readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import jsonld from "jsonld";
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAllDatasets } from "../../src/data/load-dataset";
import { buildSite, tempOut } from "../support/build-site";

/**
 * Structured data for search engines, checked on a real build under a sub-path: one JSON-LD block
 * per story (NewsArticle) and one on the Data page (DataCatalog of Datasets), each expanded by the
 * jsonld library without loss, holding the properties search engines ask for, and agreeing with
 * what the page shows.
 *
 * Properties asked for, from Google Search Central's structured data documentation:
 * - Article (developers.google.com/search/docs/appearance/structured-data/article): no required
 *   properties; recommended author (with name), dateModified, datePublished, headline, image.
 * - Dataset (developers.google.com/search/docs/appearance/structured-data/dataset): required name and
 *   description (50 to 5,000 characters); recommended creator, license, spatialCoverage,
 *   temporalCoverage, variableMeasured, version, and distribution as DataDownload with contentUrl
 *   and encodingFormat.
 * The issue adds for stories: description, publisher, mainEntityOfPage, inLanguage,
 * isAccessibleForFree, citation, correction and isBasedOn.
 */
const SITE = "https://news.example.com";
const BASE = "/news/county-lines/";
const out = tempOut();
const datasets = loadAllDatasets();
const page = (path: string) => new JSDOM(readFileSync(join(out, path), "utf8")).window.document;

/**
 * schema.org's published context maps every term to the schema.org vocabulary (@vocab). The tests
 * serve that mapping from here, so no test touches the network; a term it could not map would be
 * dropped by expansion, which `safe` mode turns into an error.
 */
const documentLoader = async (url: string) => {
  if (url !== "https://schema.org" && url !== "https://schema.org/") throw new Error(`unexpected remote context ${url}`);
  return { contextUrl: null, documentUrl: url, document: { "@context": { "@vocab": "https://schema.org/" } } };
};

/** Every JSON-LD block of a page, parsed; and a check that the page has no other script. */
function blocks(doc: Document): Record<string, unknown>[] {
  const scripts = [...doc.querySelectorAll("script")];
  expect(scripts.map((s) => s.getAttribute("type"))).toEqual(scripts.map(() => "application/ld+json"));
  return scripts.map((s) => JSON.parse(s.textContent!) as Record<string, unknown>);
}
const text = (e: Element | null) => (e?.textContent ?? "").replace(/\s+/g, " ").trim();

describe(`structured data (built for ${SITE}${BASE})`, () => {
  beforeAll(async () => {
    const result = await buildSite(out, { SITE_URL: SITE, BASE_PATH: BASE });
    expect(result.code, result.stderr).toBe(0);
  }, 240_000);
  afterAll(() => rmSync(join(out, ".."), { recursive: true, force: true }));

  it("each story has one NewsArticle block that expands without loss and agrees with the page", async () => {
    const stories = readdirSync(join(out, "stories"));
    expect(stories).toHaveLength(4);
    for (const slug of stories) {
      const doc = page(`stories/${slug}/index.html`);
      const found = blocks(doc);
      expect(found, slug).toHaveLength(1);
      const article = found[0]! as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      const expanded = await jsonld.expand(article, { documentLoader, safe: true });
      expect(expanded).toHaveLength(1);
      expect(expanded[0]!["@type"]).toEqual(["https://schema.org/NewsArticle"]);
      for (const p of [
        "headline",
        "description",
        "datePublished",
        "dateModified",
        "author",
        "publisher",
        "image",
        "mainEntityOfPage",
        "inLanguage",
        "isAccessibleForFree",
        "citation",
        "isBasedOn",
      ])
        expect(article[p], `${slug}: ${p}`).toBeDefined();
      expect(article.author.name).toBe("The data team");
      expect(article.publisher.name).toBe("County lines explained");
      // Agreement with what readers see.
      const canonical = doc.querySelector('link[rel="canonical"]')!.getAttribute("href");
      expect(article.headline).toBe(text(doc.querySelector("h1")));
      expect(article.description).toBe(text(doc.querySelector(".standfirst")));
      const dates = [...doc.querySelectorAll(".byline time")].map((t) => t.getAttribute("datetime"));
      expect(article.datePublished).toBe(dates[0]);
      expect(article.dateModified).toBe(dates.at(-1));
      expect(article.mainEntityOfPage).toBe(canonical);
      expect(article.image).toEqual({
        "@type": "ImageObject",
        url: doc.querySelector('meta[property="og:image"]')!.getAttribute("content"),
        width: "1200",
        height: "630",
      });
      expect(article.inLanguage).toBe(doc.documentElement.getAttribute("lang"));
      expect(article.citation.map((c: { url: string }) => c.url)).toEqual([...doc.querySelectorAll(".source-list li a")].map((a) => a.getAttribute("href")));
      const corrections = [...doc.querySelectorAll("#corrections li")].map((li) => text(li).replace(/^\d{1,2} \w+ \d{4}: /, ""));
      expect(corrections.length, slug).toBeGreaterThan(0);
      expect(article.correction.map((c: { text: string }) => c.text)).toEqual(corrections);
      expect(article.correction.map((c: { datePublished: string }) => c.datePublished)).toEqual(
        [...doc.querySelectorAll("#corrections li time")].map((t) => t.getAttribute("datetime")),
      );
      const dataUsed = [...doc.querySelectorAll(".story-sources h3 + ul a")].map((a) => `${SITE}${a.getAttribute("href")}`);
      expect(article.isBasedOn.map((d: { "@id": string }) => d["@id"]).sort()).toEqual(dataUsed.sort());
    }
  });

  it("the Data page has one DataCatalog of every dataset version, each agreeing with its section and downloads", async () => {
    const doc = page("data/index.html");
    const found = blocks(doc);
    expect(found).toHaveLength(1);
    const catalog = found[0]! as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const expanded = await jsonld.expand(catalog, { documentLoader, safe: true });
    expect(expanded[0]!["@type"]).toEqual(["https://schema.org/DataCatalog"]);
    const sections = [...doc.querySelectorAll("section.dataset")];
    expect(catalog.dataset).toHaveLength(sections.length);
    for (const [i, section] of sections.entries()) {
      const d = catalog.dataset[i];
      expect(d["@id"]).toBe(`${SITE}${BASE}data/#${section.id}`);
      for (const p of [
        "name",
        "description",
        "version",
        "datePublished",
        "creator",
        "publisher",
        "spatialCoverage",
        "variableMeasured",
        "isBasedOn",
        "distribution",
      ])
        expect(d[p], `${section.id}: ${p}`).toBeDefined();
      expect(d.description.length, section.id).toBeGreaterThanOrEqual(50);
      expect(d.description.length).toBeLessThanOrEqual(5000);
      expect(d.name).toBe(text(section.querySelector("h2")));
      expect(section.querySelector(".meta-line")!.textContent).toContain(`version ${d.version}`);
      // The periods' own dates as an interval; none when the version's periods have no dates (national).
      const meta = datasets.find((x) => `${x.id}-${x.version}` === section.id)!.meta;
      if (meta.periods.some((p) => p.start || p.end)) expect(d.temporalCoverage).toMatch(/^(\d{4}(-\d{2}(-\d{2})?)?|\.\.)\/\d{4}(-\d{2}(-\d{2})?)?$/);
      else expect(d.temporalCoverage).toBeUndefined();
      // Every CSV the section offers, and only those, with the checksum it prints.
      const files = [...section.querySelectorAll("table")].find((t) => text(t.querySelector("caption")).startsWith("Files in"))!;
      const rows = [...files.querySelectorAll("tbody tr")].filter((r) => r.querySelector("a")!.getAttribute("href")!.endsWith(".csv"));
      expect(d.distribution.map((x: { contentUrl: string }) => x.contentUrl)).toEqual(rows.map((r) => `${SITE}${r.querySelector("a")!.getAttribute("href")}`));
      expect(d.distribution.map((x: { sha256: string }) => x.sha256)).toEqual(rows.map((r) => text(r.querySelector(".hash"))));
      for (const x of d.distribution) expect(x).toMatchObject({ "@type": "DataDownload", encodingFormat: "text/csv" });
      expect(d.isBasedOn.map((s: { url: string }) => s.url)).toEqual(
        [...section.querySelectorAll("h3")]
          .filter((h) => h.textContent === "Sources")
          .flatMap((h) => [...h.nextElementSibling!.querySelectorAll("a")].map((a) => a.getAttribute("href"))),
      );
    }
  });

  it("no other page carries a script of any kind", () => {
    for (const path of ["index.html", "about/index.html", "corrections/index.html", "404.html", `embed/sex/2019-09-18-c1/index.html`])
      expect(page(path).querySelectorAll("script").length, path).toBe(0);
  });
});
