import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import bibtexParse from "@orcid/bibtex-parse-js";
import { csvParseRows } from "d3-dsv";
import { JSDOM } from "jsdom";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAllDatasets } from "../../src/data/load-dataset";
import { chartUses } from "../../src/stories/chart-uses";
import { buildSite, tempOut } from "../support/build-site";

/**
 * What reusers take away, checked on a real build under a sub-path: citations of every story, figure
 * and dataset version in three formats, a Frictionless Data Package per version that the standard
 * library loads with its types, and every figure as a standalone SVG.
 */
const SITE = "https://news.example.com";
const BASE = "/news/county-lines/";
const out = tempOut();
const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
const doc = (path: string) => new JSDOM(readFileSync(join(out, path), "utf8")).window.document;
const datasets = loadAllDatasets();

interface Csl {
  id: string;
  type: string;
  title: string;
  issued: { "date-parts": number[][] };
  URL: string;
  version?: string;
}

// datapackage-js lives in tests/tools (see tests/tools/README.md), installed by `npm test` (pretest).
const { Package } = createRequire(import.meta.url)(join(process.cwd(), "tests/tools/node_modules/datapackage")) as {
  Package: {
    load(
      descriptor: string | object,
      options?: { basePath?: string; strict?: boolean },
    ): Promise<{
      valid: boolean;
      errors: Error[];
      descriptor: { resources: { name: string; path: string; bytes: number; hash: string; schema?: { fields: { name: string }[] } }[] };
      resources: { name: string; tabular: boolean; read(options: { keyed?: boolean; cast?: boolean }): Promise<Record<string, unknown>[]> }[];
    }>;
  };
};

describe(`reuse: citations, data packages and SVG downloads (built for ${SITE}${BASE})`, () => {
  beforeAll(async () => {
    const result = await buildSite(out, { SITE_URL: SITE, BASE_PATH: BASE });
    expect(result.code, result.stderr).toBe(0);
  }, 240_000);
  afterAll(() => rmSync(join(out, ".."), { recursive: true, force: true }));

  /** A citation block: its plain text, its BibTeX entry parsed, and its CSL-JSON file parsed. */
  function citation(block: Element) {
    const text = block.querySelector(".cite-text")!.textContent!;
    const bibtex = bibtexParse.toJSON(block.querySelector(".cite-bibtex")!.textContent!);
    const href = block.querySelector<HTMLAnchorElement>(".cite-format a[download]")!.getAttribute("href")!;
    expect(href.startsWith(`${BASE}cite/`), href).toBe(true);
    const csl = JSON.parse(readFileSync(join(out, href.slice(BASE.length)), "utf8")) as Csl[];
    return { text, bibtex, csl };
  }

  it("each story cites itself in plain text (en-GB date), BibTeX and a CSL-JSON file, at its canonical URL", () => {
    const stories = readdirSync(join(out, "stories"));
    expect(stories.length).toBe(4);
    for (const slug of stories) {
      const page = doc(`stories/${slug}/index.html`);
      const title = page.querySelector("h1")!.textContent!;
      const canonical = page.querySelector('link[rel="canonical"]')!.getAttribute("href")!;
      expect(canonical).toBe(`${SITE}${BASE}stories/${slug}/`);
      const block = page.querySelector("#cite + .cite-this")!;
      const { text, bibtex, csl } = citation(block);
      const date = page.querySelector(".byline time:last-of-type")!.getAttribute("datetime")!;
      const [y, m, d] = date.split("-").map(Number) as [number, number, number];
      const month = new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
      expect(text).toBe(`The data team. (${y}, ${d} ${month}). ${title}. County lines explained. ${canonical}`);
      expect(bibtex).toHaveLength(1);
      expect(bibtex[0]!.entryType).toBe("misc");
      expect(bibtex[0]!.entryTags.url).toBe(canonical);
      expect(bibtex[0]!.entryTags.date).toBe(date);
      expect(csl).toEqual([expect.objectContaining({ type: "article-newspaper", title, URL: canonical, issued: { "date-parts": [[y, m, d]] } })]);
    }
  });

  it("each figure offers its citation, a PNG and an SVG in its embed-or-download details, cited at its embed page", () => {
    let figures = 0;
    for (const slug of readdirSync(join(out, "stories"))) {
      const page = doc(`stories/${slug}/index.html`);
      for (const figure of page.querySelectorAll("figure.chart")) {
        const details = figure.querySelector("details.chart-embed")!;
        const links = [...details.querySelectorAll("a")].map((a) => a.getAttribute("href")!);
        const embed = links.find((l) => l.endsWith("/") && l.includes("/embed/"))!;
        expect(links).toEqual(expect.arrayContaining([`${embed.slice(0, -1)}.png`, `${embed.slice(0, -1)}.svg`]));
        const { text, bibtex, csl } = citation(details.querySelector(".cite-this")!);
        const url = `${SITE}${embed}`;
        expect(text.endsWith(`. County lines explained. ${url}`), text).toBe(true);
        expect(bibtex[0]!.entryTags.url).toBe(url);
        expect(csl[0]).toMatchObject({ type: "figure", URL: url });
        figures++;
      }
    }
    // Every chart-and-version the stories show today (each at least once).
    expect(figures).toBeGreaterThanOrEqual(chartUses().filter((u) => !u.correctedBy).length);
  });

  it("each dataset version on the Data page offers its citation and its datapackage.json", () => {
    const page = doc("data/index.html");
    for (const d of datasets) {
      const section = page.getElementById(`${d.id}-${d.version}`)!;
      const { text, csl } = citation(section.querySelector(".cite-this")!);
      expect(text).toContain(`${d.meta.title} (Version ${d.version}) [Data set]. County lines explained. ${SITE}${BASE}data/#${d.id}-${d.version}`);
      expect(csl[0]).toMatchObject({ type: "dataset", title: d.meta.title, version: d.version });
      expect([...section.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toContain(`${BASE}data/${d.id}/${d.version}/datapackage.json`);
    }
  });

  it("every data package is valid to the Data Package library and describes the real files: sizes, sha256, headers and typed rows", async () => {
    for (const d of datasets) {
      const folder = join(out, "data", d.id, d.version);
      const pkg = await Package.load(join(folder, "datapackage.json"), { basePath: folder, strict: false });
      expect(
        pkg.errors.map((e) => e.message),
        `${d.id}/${d.version}`,
      ).toEqual([]);
      expect(pkg.valid).toBe(true);
      expect(pkg.descriptor.resources.map((r) => r.path).sort()).toEqual(d.meta.files.map((f) => f.name).sort());
      for (const [i, r] of pkg.descriptor.resources.entries()) {
        const bytes = readFileSync(join(folder, r.path));
        expect(r.bytes, r.path).toBe(bytes.length);
        expect(r.hash, r.path).toBe(`sha256:${createHash("sha256").update(bytes).digest("hex")}`);
        const resource = pkg.resources[i]!;
        if (!r.path.endsWith(".csv")) continue;
        expect(resource.tabular).toBe(true);
        const header = csvParseRows(bytes.toString("utf8"))[0]!;
        expect(
          r.schema!.fields.map((f) => f.name),
          r.path,
        ).toEqual(header);
        // Every row read and cast to its field types and constraints; a bad cell would throw.
        const rows = await resource.read({ keyed: true, cast: true });
        expect(rows.length, r.path).toBe(csvParseRows(bytes.toString("utf8")).length - 1);
        // Cast, not just read: every published value is a number, every empty cell a missing value.
        const column = header.indexOf("value");
        if (column >= 0)
          for (const [j, cells] of csvParseRows(bytes.toString("utf8")).slice(1).entries())
            expect(rows[j]!.value, `${r.path} row ${j + 1}`).toBe(cells[column] === "" ? null : Number(cells[column]));
      }
    }
  });

  it("the Data Package library rejects a CSV that breaks its schema (the check can fail)", async () => {
    const d = datasets.find((x) => x.id === "rescue-and-response")!;
    const folder = mkdtempSync(join(tmpdir(), "cl-datapackage-"));
    try {
      cpSync(join(out, "data", d.id, d.version), folder, { recursive: true });
      const file = join(folder, "destinations.csv");
      writeFileSync(file, readFileSync(file, "utf8").replace(/,416,/, ",four hundred,"));
      const pkg = await Package.load(join(folder, "datapackage.json"), { basePath: folder });
      const resource = pkg.resources.find((r) => r.name === "destinations")!;
      await expect(resource.read({ keyed: true, cast: true })).rejects.toThrow();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("every figure's SVG download is well-formed XML with its words and version drawn in, and sharp rasterises it", async () => {
    const svgs = files(join(out, "embed")).filter((f) => f.endsWith(".svg"));
    expect(svgs.length).toBe(chartUses().length);
    for (const file of svgs) {
      const xml = readFileSync(file, "utf8");
      const svg = new JSDOM(xml, { contentType: "image/svg+xml" }).window.document;
      expect(svg.querySelector("parsererror"), file).toBeNull();
      expect(svg.querySelectorAll("script, foreignObject").length).toBe(0);
      const root = svg.documentElement;
      const [id, version] = relative(join(out, "embed"), file)
        .replace(/\.svg$/, "")
        .split("/") as [string, string];
      const use = chartUses().find((u) => u.id === id && u.version === version)!;
      expect(svg.querySelector("title")!.textContent).toBe(use.title);
      const words = [...root.children]
        .filter((e) => e.tagName === "text")
        .map((t) => t.textContent)
        .join(" ");
      expect(words).toContain(use.subtitle.split(" ").slice(0, 3).join(" "));
      expect(words).toMatch(new RegExp(`Data: ${use.id === id ? "[a-z-]+" : ""}, versions? (\\S+ and )?${version}\\.`));
      expect(words).toContain(`${SITE}${BASE}embed/${id}/${version}/`);
      expect(xml).not.toMatch(/var\(--|currentColor|font-family="inherit"/);
      const image = await sharp(Buffer.from(xml)).png().toBuffer();
      const meta = await sharp(image).metadata();
      expect(meta.width).toBe(Number(root.getAttribute("width")));
      expect(meta.height).toBe(Number(root.getAttribute("height")));
    }
  });
});
