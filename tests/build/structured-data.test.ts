import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import jsonld from "jsonld";
import { JSDOM } from "jsdom";
import { describe, expect, inject, it } from "vitest";
import { SUBPATH } from "../support/shared-builds";
import { documentLoader, pendingTermsUsed, SCHEMA, vocabularyProblems } from "../support/schemaorg/vocabulary";

/**
 * Structured data for search engines, checked on a real build under a sub-path: one JSON-LD block
 * per story (NewsArticle) and one on the Data page (DataCatalog of Datasets). Each block is expanded
 * by the jsonld library with schema.org's context, and every type and property in it must be one
 * schema.org defines (tests/support/schemaorg/: a local copy of the vocabulary), used on a type it
 * belongs to, with values of a type it takes. Every value is then checked against what the page shows,
 * or against expectations written here by hand, never against the code that makes it.
 *
 * Properties asked for, from Google Search Central's structured data documentation:
 * - Article (developers.google.com/search/docs/appearance/structured-data/article): no required
 *   properties; recommended author (with name), dateModified, datePublished, headline, image; and a
 *   validator following Google's Article guidelines asks for publisher.logo, an ImageObject of a
 *   raster image with its size (Google's logo guidelines: at least 112×112 pixels).
 * - Dataset (developers.google.com/search/docs/appearance/structured-data/dataset): required name and
 *   description (50 to 5,000 characters); recommended creator, license, spatialCoverage,
 *   temporalCoverage, variableMeasured, version, and distribution as DataDownload with contentUrl
 *   and encodingFormat.
 * The issue adds for stories: description, publisher, mainEntityOfPage, inLanguage,
 * isAccessibleForFree, citation, correction and isBasedOn.
 */
/** The shared sub-path build (tests/support/shared-builds.ts). */
const built = inject("subpathBuild");
const SITE = SUBPATH.SITE_URL;
const BASE = SUBPATH.BASE_PATH;
const out = built.out;
const page = (path: string) => new JSDOM(readFileSync(join(out, path), "utf8")).window.document;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

/** Who writes and who publishes, as the byline and the site's name give them. */
const AUTHOR = { "@type": "Organization", name: "The data team" };
const PUBLISHER_NAME = "County lines explained";
/** Every property of a story's NewsArticle, and of the Data page's DataCatalog and its Datasets. */
const ARTICLE_KEYS = [
  "@context",
  "@type",
  "author",
  "citation",
  "correction",
  "dateModified",
  "datePublished",
  "description",
  "headline",
  "image",
  "inLanguage",
  "isAccessibleForFree",
  "isBasedOn",
  "mainEntityOfPage",
  "publisher",
  "url",
];
const CATALOG_KEYS = ["@context", "@type", "dataset", "description", "inLanguage", "name", "publisher", "url"];
const DATASET_KEYS = [
  "@id",
  "@type",
  "creator",
  "datePublished",
  "description",
  "distribution",
  "isBasedOn",
  "name",
  "publisher",
  "spatialCoverage",
  "url",
  "variableMeasured",
  "version",
];
/** The schema.org terms still in its "pending" area that the blocks use, on purpose (Google reads them). */
const PENDING_IN_STORIES = ["CorrectionComment", "correction"];
const PENDING_ON_DATA_PAGE = ["sha256", "variableMeasured"];
/**
 * Where each dataset's figures are about, by hand from what the Data page says of it: Londoners and
 * the counties their lines run to; the NCA's count for England and Wales; London's programme; the
 * police force areas of England and Wales; London's boroughs.
 */
const COVERAGE: Record<string, string[]> = {
  "rescue-and-response": ["London", "England and Wales"],
  national: ["England and Wales"],
  "programme-outcomes": ["London"],
  "police-force-areas": ["England and Wales"],
  "london-boroughs": ["London"],
};
/** The licences a source line names, and the address that stands for each. */
const LICENCES: [RegExp, string][] = [
  [/Open Government Licence v3\.0/, "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"],
  [/^Public domain\b/, "https://creativecommons.org/publicdomain/mark/1.0/"],
];

/** Every JSON-LD block of a page, parsed; and a check that the page has no other script. */
function blocks(doc: Document): Json[] {
  const scripts = [...doc.querySelectorAll("script")];
  expect(scripts.map((s) => s.getAttribute("type"))).toEqual(scripts.map(() => "application/ld+json"));
  return scripts.map((s) => JSON.parse(s.textContent!) as Json);
}
const squash = (s: string) => s.replace(/\s+/g, " ").trim();
const text = (e: Node | null | undefined) => squash(e?.textContent ?? "");

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
/**
 * A source's date as the page writes it, as schema.org can carry it: "27 or 28 July 2022" is known to the
 * month ("2022-07"), "September or October 2019" only to the year ("2019"); "2019 or later" not at all.
 */
function sourceDateOf(shown: string): string | undefined {
  if (/ or later$/.test(shown)) return undefined;
  // "27 or 28 July 2022": known to the month.
  const days = /^\d{1,2} or \d{1,2} ([A-Z][a-z]+ \d{4})$/.exec(shown);
  if (days) return isoOf(days[1]!);
  const range = /^\S+(?: \d{4})? or \S+ (\d{4})$/.exec(shown);
  if (range) return shown.match(/\d{4}/g)!.every((y) => y === range[1]) ? range[1] : undefined;
  return isoOf(shown);
}
/** A date as the page writes it ("2 October 2020", "September 2019", "2020") in ISO 8601 ("2020-10-02", "2019-09", "2020"). */
function isoOf(shown: string): string {
  const m = /^(?:(?:(\d{1,2}) )?([A-Z][a-z]+) )?(\d{4})$/.exec(shown.trim());
  if (!m || (m[2] && !MONTHS.includes(m[2]))) throw new Error(`not a date as the site writes one: "${shown}"`);
  const [, day, month, year] = m;
  const mm = month ? `-${String(MONTHS.indexOf(month) + 1).padStart(2, "0")}` : "";
  return `${year}${mm}${day ? `-${day.padStart(2, "0")}` : ""}`;
}
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The built file an absolute URL of the site stands for: it must be under the site and its base, and exist. */
function builtFile(url: string): string {
  expect(url.startsWith(`${SITE}${BASE}`), url).toBe(true);
  const file = join(out, decodeURIComponent(new URL(url).pathname.slice(BASE.length)));
  expect(existsSync(file), `${url} is no file of the build`).toBe(true);
  return file;
}
/** A PNG's size from its header (and a check that it is a PNG). */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString("hex"), `${file} is not a PNG`).toBe("89504e470d0a1a0a");
  expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Expands a block with schema.org's context and checks every term and value type against schema.org. */
async function expandAgainstSchemaOrg(block: Json, type: string, pending: string[], label: string) {
  const expanded = await jsonld.expand(block, { documentLoader, safe: true });
  expect(expanded, label).toHaveLength(1);
  expect(expanded[0]!["@type"], label).toEqual([`${SCHEMA}${type}`]);
  expect(vocabularyProblems(expanded), `${label}: terms schema.org does not define or allow`).toEqual([]);
  expect(pendingTermsUsed(expanded), `${label}: pending schema.org terms`).toEqual(pending);
}

/** The site as publisher, with a logo that is a real PNG of the build, of the size the block gives. */
function expectPublisher(publisher: Json, label: string) {
  expect(publisher, label).toEqual({
    "@type": "Organization",
    name: PUBLISHER_NAME,
    logo: { "@type": "ImageObject", url: expect.stringMatching(/\.png$/), width: expect.any(String), height: expect.any(String) },
  });
  const { width, height } = pngSize(builtFile(publisher.logo.url));
  expect(publisher.logo, label).toMatchObject({ width: String(width), height: String(height) });
  expect(Math.min(width, height), `${label}: Google asks for a logo of at least 112×112`).toBeGreaterThanOrEqual(112);
}

/** A source line on a page ("[P6] Publisher, <a>Title</a>, September 2020. Licence…") as the CreativeWork it should be. */
function sourceWork(li: Element, withLicence: boolean): Json {
  const a = li.querySelector("a")!;
  const before = [...li.childNodes].slice(0, [...li.childNodes].indexOf(a));
  const after = text(a.nextSibling);
  const [, date, rest] = /^, (.+?)\.(?: (.*))?$/.exec(after) ?? [];
  expect(date, text(li)).toBeDefined();
  const licence = withLicence ? LICENCES.find(([re]) => re.test(rest ?? ""))?.[1] : undefined;
  return {
    "@type": "CreativeWork",
    name: text(a),
    url: a.getAttribute("href"),
    ...(sourceDateOf(date!) ? { datePublished: sourceDateOf(date!) } : {}),
    publisher: {
      "@type": "Organization",
      name: squash(before.map((n) => n.textContent).join(""))
        .replace(/^\[[^\]]+\] /, "")
        .replace(/,$/, ""),
    },
    ...(licence ? { license: licence } : {}),
  };
}

describe(`structured data (built for ${SITE}${BASE})`, () => {
  it("built", () => expect(built.code, built.stderr).toBe(0));

  it("each story has one NewsArticle block of schema.org terms only, whose values are what the page shows", async () => {
    const stories = readdirSync(join(out, "stories"));
    expect(stories).toHaveLength(4);
    const dataPage = page("data/index.html");
    for (const slug of stories) {
      const doc = page(`stories/${slug}/index.html`);
      const found = blocks(doc);
      expect(found, slug).toHaveLength(1);
      const article = found[0]!;
      expect(Object.keys(article).sort(), slug).toEqual(ARTICLE_KEYS);
      expect(article["@context"], slug).toBe("https://schema.org");
      await expandAgainstSchemaOrg(article, "NewsArticle", PENDING_IN_STORIES, slug);

      // What readers see at the top of the story.
      const canonical = doc.querySelector('link[rel="canonical"]')!.getAttribute("href");
      expect(canonical).toBe(`${SITE}${BASE}stories/${slug}/`);
      expect(article.headline, slug).toBe(text(doc.querySelector("h1")));
      expect(article.description, slug).toBe(text(doc.querySelector(".standfirst")));
      expect(article.mainEntityOfPage, slug).toBe(canonical);
      expect(article.url, slug).toBe(canonical);
      expect(article.inLanguage, slug).toBe("en-GB");
      expect(doc.documentElement.getAttribute("lang")).toBe("en-GB");
      expect(article.isAccessibleForFree, slug).toBe(true);
      const byline = doc.querySelector(".byline")!;
      expect(text(byline).toLowerCase(), slug).toMatch(new RegExp(`^by ${AUTHOR.name.toLowerCase()} · published `));
      expect(article.author, slug).toEqual(AUTHOR);
      expect(doc.querySelector('meta[property="og:site_name"]')!.getAttribute("content")).toBe(PUBLISHER_NAME);
      expectPublisher(article.publisher, `${slug}: publisher`);

      // Dates: ISO days, as the byline writes them; modified on the latest date the page shows (update or correction).
      const shownDates = [...byline.querySelectorAll("time")].map((t) => ({ iso: t.getAttribute("datetime")!, shown: isoOf(text(t)) }));
      const correctionDates = [...doc.querySelectorAll("#corrections li time")].map((t) => ({ iso: t.getAttribute("datetime")!, shown: isoOf(text(t)) }));
      for (const d of [...shownDates, ...correctionDates]) expect(d.iso).toBe(d.shown);
      expect(article.datePublished, slug).toMatch(ISO_DAY);
      expect(article.datePublished, slug).toBe(shownDates[0]!.shown);
      expect(article.dateModified, slug).toMatch(ISO_DAY);
      expect(article.dateModified, slug).toBe(
        [...shownDates, ...correctionDates]
          .map((d) => d.shown)
          .sort()
          .at(-1),
      );

      // The share image the page's sharing tags give, a real 1200×630 PNG under the base.
      const shareImage = doc.querySelector('meta[property="og:image"]')!.getAttribute("content")!;
      expect(article.image, slug).toEqual({ "@type": "ImageObject", url: shareImage, width: "1200", height: "630" });
      expect(pngSize(builtFile(shareImage))).toEqual({ width: 1200, height: 630 });

      // Sources, corrections and data, each as the page lists them.
      expect(article.citation, slug).toEqual([...doc.querySelectorAll(".source-list > li")].map((li) => sourceWork(li, false)));
      const corrections = [...doc.querySelectorAll("#corrections li")];
      expect(corrections.length, slug).toBeGreaterThan(0);
      expect(article.correction, slug).toEqual(
        corrections.map((li) => ({
          "@type": "CorrectionComment",
          datePublished: isoOf(text(li.querySelector("time"))),
          text: text(li).replace(/^\d{1,2} \w+ \d{4}: /, ""),
          // Each correction's own address: the page and the item's id.
          url: `${canonical}#${li.id}`,
        })),
      );
      const dataUsed = [...doc.querySelectorAll(".story-sources h3 + ul li")].map((li) => {
        const a = li.querySelector("a")!;
        const version = /^, version (\S+)\. /.exec(text(a.nextSibling))![1]!;
        const id = `${SITE}${a.getAttribute("href")}`;
        // The same name the Data page gives the dataset of that @id.
        const name = `${text(a)}, version ${version}`;
        expect(text(dataPage.getElementById(id.split("#")[1]!)?.querySelector("h2")), id).toBe(name);
        return { "@type": "Dataset", "@id": id, name, version };
      });
      const byId = (a: Json, b: Json) => (a["@id"] < b["@id"] ? -1 : 1);
      expect([...article.isBasedOn].sort(byId), slug).toEqual(dataUsed.sort(byId));
    }
  });

  it("the Data page has one DataCatalog of schema.org terms only, with every dataset version as its section and downloads give it", async () => {
    const doc = page("data/index.html");
    const found = blocks(doc);
    expect(found).toHaveLength(1);
    const catalog = found[0]!;
    expect(Object.keys(catalog).sort()).toEqual(CATALOG_KEYS);
    expect(catalog["@context"]).toBe("https://schema.org");
    await expandAgainstSchemaOrg(catalog, "DataCatalog", PENDING_ON_DATA_PAGE, "data page");
    expect(catalog.name).toBe(`${PUBLISHER_NAME}: data`);
    expect(catalog.description).toBe(doc.querySelector('meta[name="description"]')!.getAttribute("content"));
    expect(catalog.url).toBe(doc.querySelector('link[rel="canonical"]')!.getAttribute("href"));
    expect(catalog.url).toBe(`${SITE}${BASE}data/`);
    expect(catalog.inLanguage).toBe("en-GB");
    expectPublisher(catalog.publisher, "catalog publisher");

    const sections = [...doc.querySelectorAll("section.dataset")];
    expect(sections.length).toBeGreaterThan(0);
    expect(catalog.dataset).toHaveLength(sections.length);
    for (const [i, section] of sections.entries()) {
      const d = catalog.dataset[i];
      const label = section.id;
      const h3 = (title: string) => [...section.querySelectorAll("h3")].find((h) => h.textContent === title)!.nextElementSibling!;
      const metaLine = section.querySelector(".meta-line")!;
      const [datasetId, version] = [...metaLine.querySelectorAll("code")].map(text);
      expect(Object.keys(d).sort(), label).toEqual([...DATASET_KEYS, ...(d.temporalCoverage === undefined ? [] : ["temporalCoverage"])].sort());
      expect(d["@type"]).toBe("Dataset");
      expect(d["@id"]).toBe(`${SITE}${BASE}data/#${section.id}`);
      expect(d.url).toBe(d["@id"]);
      expect(d.name).toBe(text(section.querySelector("h2")));
      expect(d.version).toBe(version);
      expect(d.description).toBe(text(metaLine.nextElementSibling));
      expect(d.description.length, label).toBeGreaterThanOrEqual(50);
      expect(d.description.length, label).toBeLessThanOrEqual(5000);
      expect(d.datePublished, label).toMatch(ISO_DAY);
      expect(d.datePublished, label).toBe(isoOf(/published (\d{1,2} \w+ \d{4})/.exec(text(metaLine))![1]!));
      expect(d.creator).toEqual(AUTHOR);
      expectPublisher(d.publisher, `${label}: publisher`);
      expect(COVERAGE[datasetId!], `${datasetId}: no coverage written in this test`).toBeDefined();
      expect(d.spatialCoverage, label).toEqual(COVERAGE[datasetId!]!.map((name) => ({ "@type": "Place", name })));

      // The span of the periods' dates in the version's meta.json (the section links it), as an ISO 8601
      // interval (".." for an unknown start), and none when no period has a date; it covers every span the page shows.
      const metaUrl = `${SITE}${[...section.querySelectorAll("a")].find((a) => text(a) === "meta.json")!.getAttribute("href")}`;
      const periods = (JSON.parse(readFileSync(builtFile(metaUrl), "utf8")) as { periods: { start?: string; end?: string }[] }).periods;
      const starts = periods.flatMap((p) => (p.start ? [p.start] : [])).sort();
      const ends = periods.flatMap((p) => (p.end || p.start ? [(p.end ?? p.start)!] : [])).sort();
      if (ends.length === 0) expect(d.temporalCoverage, label).toBeUndefined();
      else expect(d.temporalCoverage, label).toBe(`${starts[0] ?? ".."}/${ends.at(-1)}`);
      let dated = 0;
      for (const li of h3("Periods").querySelectorAll("li")) {
        const shown = /^: (.+?) to (.+?)(?:\.|$)/.exec(text(li.querySelector("strong")!.nextSibling));
        if (!shown) continue;
        dated++;
        const [from, to] = d.temporalCoverage.split("/");
        expect(isoOf(shown[1]!) >= from && isoOf(shown[2]!) <= to, `${label}: ${text(li)} lies outside ${d.temporalCoverage}`).toBe(true);
      } // A dataset with a temporal coverage shows at least one dated period, which the loop above checked.
      if (d.temporalCoverage) expect(dated, `${label}: dated periods shown`).toBeGreaterThan(0);

      // Every CSV the section offers, and only those, with the checksum it prints, which is the file's.
      const files = [...section.querySelectorAll("table")].find((t) => text(t.querySelector("caption")).startsWith("Files in"))!;
      const rows = [...files.querySelectorAll("tbody tr")].filter((r) => r.querySelector("a")!.getAttribute("href")!.endsWith(".csv"));
      expect(rows.length, label).toBeGreaterThan(0);
      expect(d.distribution, label).toEqual(
        rows.map((r) => ({
          "@type": "DataDownload",
          name: text(r.querySelector("a")),
          contentUrl: `${SITE}${r.querySelector("a")!.getAttribute("href")}`,
          encodingFormat: "text/csv",
          sha256: text(r.querySelector(".hash")),
        })),
      );
      const headers = new Set<string>();
      for (const x of d.distribution) {
        const csv = readFileSync(builtFile(x.contentUrl));
        expect(createHash("sha256").update(csv).digest("hex"), x.contentUrl).toBe(x.sha256);
        for (const column of csv
          .toString("utf8")
          .replace(/^\uFEFF/, "")
          .split(/\r?\n/)[0]!
          .split(","))
          headers.add(column.replace(/^"|"$/g, ""));
      }
      // Variables: named columns of those files, each described.
      expect(d.variableMeasured.length, label).toBeGreaterThan(0);
      for (const v of d.variableMeasured) {
        expect(v, label).toEqual({ "@type": "PropertyValue", name: expect.any(String), description: expect.stringMatching(/\S/) });
        expect(headers.has(v.name), `${label}: ${v.name} is no column of its CSVs`).toBe(true);
      }
      expect(new Set(d.variableMeasured.map((v: Json) => v.name)).size).toBe(d.variableMeasured.length);

      expect(d.isBasedOn, label).toEqual([...h3("Sources").querySelectorAll("li")].map((li) => sourceWork(li, true)));
    }
  });

  it("no other page carries a script of any kind", () => {
    for (const path of ["index.html", "about/index.html", "corrections/index.html", "404.html", `embed/sex/2019-09-18-c1/index.html`])
      expect(page(path).querySelectorAll("script").length, path).toBe(0);
  });
});
