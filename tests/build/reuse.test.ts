import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { JSDOM } from "jsdom";
import sharp from "sharp";
import { describe, expect, inject, it } from "vitest";
import { loadAllDatasets } from "../../src/data/versions/load-dataset";
import { readBibtex } from "../support/bibtex";
import { checkFile, readTable, validateDescriptor, type Descriptor } from "../support/data-package";
import { ALL_EMBEDS, OFFERED_EMBEDS } from "../support/expected-embeds";
import { SUBPATH } from "../support/shared-builds";

/**
 * What reusers take away, checked on a real build under a sub-path: citations of every story, figure
 * and dataset version in three formats, a Frictionless Data Package per version that is valid to the
 * published profiles and reads with its types, and every figure as a standalone SVG.
 */
/** The shared sub-path build (tests/support/shared-builds.ts). */
const built = inject("subpathBuild");
const SITE = SUBPATH.SITE_URL;
const BASE = SUBPATH.BASE_PATH;
const out = built.out;
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

/** Who every citation names as its author (src/data/citing/publication.ts), as a reader sees it on the page. */
const AUTHOR = "The data team";
/** Every dataset that has a version folder of this name in data/: the one a chart at that version draws from. */
const datasetsWithVersion = (version: string) => readdirSync("data").filter((id) => existsSync(join("data", id, version, "meta.json")));

describe(`reuse: citations, data packages and SVG downloads (built for ${SITE}${BASE})`, () => {
  it("built", () => expect(built.code, built.stderr).toBe(0));

  /**
   * A citation block: its plain text, its BibTeX entry as a BibTeX and as a biblatex reader takes it
   * (exactly one entry each), and its CSL-JSON file parsed.
   */
  function citation(block: Element) {
    const text = block.querySelector(".cite-text")!.textContent!;
    const source = block.querySelector(".cite-bibtex")!.textContent!;
    const [bibtex, ...moreBibtex] = readBibtex(source, "bibtex");
    const [biblatex, ...moreBiblatex] = readBibtex(source, "biblatex");
    expect([bibtex, moreBibtex, moreBiblatex], source).toEqual([expect.anything(), [], []]);
    const href = block.querySelector<HTMLAnchorElement>(".cite-format a[download]")!.getAttribute("href")!;
    expect(href.startsWith(`${BASE}cite/`), href).toBe(true);
    const csl = JSON.parse(readFileSync(join(out, href.slice(BASE.length)), "utf8")) as Csl[];
    return { text, bibtex: bibtex!, biblatex: biblatex!, csl };
  }

  /**
   * What a reference manager reads from our BibTeX, compared with facts taken from the page or the
   * data, never from our citation code: title, URL, author, date (BibTeX keeps year and month,
   * biblatex the day too) and, for biblatex, the version.
   */
  function expectBibtex(
    { bibtex, biblatex }: ReturnType<typeof citation>,
    facts: { title: string; url: string; date?: [number, number, number]; version?: string },
  ) {
    const common = { title: facts.title, URL: facts.url, author: [{ family: AUTHOR }] };
    expect(bibtex).toMatchObject(common);
    expect(biblatex).toMatchObject({ ...common, language: "british", ...(facts.version ? { version: facts.version } : {}) });
    if (facts.date) {
      const [y, m, d] = facts.date;
      expect(bibtex.issued).toEqual({ "date-parts": [[y, m]] });
      expect(biblatex.issued).toEqual({ "date-parts": [[y, m, d]] });
    }
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
      const cited = citation(block);
      // Its date is its update's, if it has one, else its publication's.
      const date = (page.querySelector("#update time") ?? page.querySelector(".byline time"))!.getAttribute("datetime")!;
      const [y, m, d] = date.split("-").map(Number) as [number, number, number];
      const month = new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
      expect(cited.text).toBe(`${AUTHOR}. (${y}, ${d} ${month}). ${title}. County lines explained. ${canonical}`);
      expectBibtex(cited, { title, url: canonical, date: [y, m, d] });
      expect(cited.csl).toEqual([expect.objectContaining({ type: "article-newspaper", title, URL: canonical, issued: { "date-parts": [[y, m, d]] } })]);
    }
  });

  it("each figure offers its citation, a PNG and an SVG in its 'Sources and downloads' disclosure, cited at its embed page", () => {
    let figures = 0;
    /** Figures whose story's title starts with "In" (the one that read "In In"). */
    let quotedStory = 0;
    for (const slug of readdirSync(join(out, "stories"))) {
      const page = doc(`stories/${slug}/index.html`);
      for (const figure of page.querySelectorAll("figure.chart")) {
        const details = figure.querySelector("details.chart-more")!;
        const links = [...details.querySelectorAll("a")].map((a) => a.getAttribute("href")!);
        const embed = links.find((l) => l.endsWith("/") && l.includes("/embed/"))!;
        expect(links).toEqual(expect.arrayContaining([`${embed.slice(0, -1)}.png`, `${embed.slice(0, -1)}.svg`]));
        const cited = citation(details.querySelector(".cite-this")!);
        const url = `${SITE}${embed}`;
        expect(cited.text.endsWith(`. County lines explained. ${url}`), cited.text).toBe(true);
        // The story it is "In", quoted: a title that starts "In Year 2 …" once read "In In Year 2 …".
        expect(cited.text, "the story it appears in, quoted").toMatch(/\]\. In “[^”]+”\. County lines explained\. /);
        if (cited.text.includes("In “In ")) quotedStory++;
        // Cited as the embed page shows it (with the title of the story that placed it first).
        const title = doc(`${embed.slice(BASE.length)}index.html`).querySelector("h1")!.textContent!;
        expectBibtex(cited, { title, url, version: embed.split("/").at(-2) });
        expect(cited.csl[0]).toMatchObject({ type: "figure", title, URL: url });
        figures++;
      }
    }
    // Every chart-and-version the stories show today (each at least once).
    expect(figures).toBeGreaterThanOrEqual(OFFERED_EMBEDS.length);
    expect(quotedStory, "figures of the story titled In Year 2 …").toBeGreaterThan(0);
  });

  it("each dataset version on the Data page offers its citation and its datapackage.json", () => {
    const page = doc("data/index.html");
    for (const d of datasets) {
      const section = page.getElementById(`${d.id}-${d.version}`)!;
      const cited = citation(section.querySelector(".cite-this")!);
      const url = `${SITE}${BASE}data/#${d.id}-${d.version}`;
      expect(cited.text).toContain(`${d.meta.title} (Version ${d.version}) [Data set]. County lines explained. ${url}`);
      const [y, m, day] = d.meta.published.split("-").map(Number) as [number, number, number];
      expectBibtex(cited, { title: d.meta.title, url, date: [y, m, day], version: d.version });
      expect(cited.csl[0]).toMatchObject({ type: "dataset", title: d.meta.title, version: d.version });
      expect([...section.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toContain(`${BASE}data/${d.id}/${d.version}/datapackage.json`);
    }
  });

  it("every data package is valid to the Data Package profiles and describes the real files: sizes, sha256, headers and typed rows", () => {
    for (const d of datasets) {
      const folder = join(out, "data", d.id, d.version);
      const descriptor = JSON.parse(readFileSync(join(folder, "datapackage.json"), "utf8")) as Descriptor;
      expect(validateDescriptor(descriptor), `${d.id}/${d.version}`).toEqual([]);
      expect(descriptor.profile).toBe(d.meta.files.some((f) => f.name.endsWith(".topo.json")) ? "data-package" : "tabular-data-package");
      expect(descriptor.resources.map((r) => r.path).sort()).toEqual(d.meta.files.map((f) => f.name).sort());
      for (const r of descriptor.resources) {
        const bytes = readFileSync(join(folder, r.path));
        expect(checkFile(r, bytes)).toEqual([]);
        if (!r.path.endsWith(".csv")) continue;
        expect(r.profile, r.path).toBe("tabular-data-resource");
        // Every row read and cast to its field types and checked against its constraints.
        const text = bytes.toString("utf8");
        const table = readTable(r, text);
        expect(table.errors).toEqual([]);
        // One row a line after the header: no line lost or merged (our CSVs end with a newline, no cell holds one).
        expect(table.rows.length, r.path).toBe(text.split("\n").length - 2);
        // Typed as the site reads them: every number column gives the values the build's own loader gives.
        const loaded = d.tables[r.name] ?? d.lookups[r.name]!;
        for (const field of r.schema!.fields.filter((f) => f.type === "number" || f.type === "integer"))
          expect(
            table.rows.map((row) => row[field.name]),
            `${r.path}: ${field.name}`,
          ).toEqual(loaded.map((row) => (row as Record<string, unknown>)[field.name]));
      }
    }
  });

  it("a CSV that breaks its schema, or differs from the bytes recorded, is rejected (the checks can fail)", () => {
    const d = datasets.find((x) => x.id === "rescue-and-response")!;
    const folder = join(out, "data", d.id, d.version);
    const descriptor = JSON.parse(readFileSync(join(folder, "datapackage.json"), "utf8")) as Descriptor;
    const resource = descriptor.resources.find((r) => r.name === "destinations")!;
    const original = readFileSync(join(folder, "destinations.csv"), "utf8");
    const tampered = original.replace(/,416,/, ",four hundred,");
    expect(tampered).not.toBe(original);
    const row = tampered.split("\n").findIndex((line) => line.includes(",four hundred,"));
    expect(readTable(resource, tampered).errors).toEqual([`destinations.csv row ${row}, value: "four hundred" is not a number`]);
    expect(checkFile(resource, Buffer.from(tampered))).toEqual([
      expect.stringMatching(/^destinations\.csv: the descriptor says \d+ bytes, the file has \d+$/),
      expect.stringMatching(/^destinations\.csv: the descriptor says hash sha256:/),
    ]);
  });

  it("every figure's SVG download is well-formed XML with its words and version drawn in, and sharp rasterises it", async () => {
    const all = files(join(out, "embed")).filter((f) => f.endsWith(".svg"));
    // One per embed the stories call for (listed by hand), and no other, each beside its dark variant
    // (same drawing, other colours: tests/build/embed-code.test.ts compares the two), and, for charts drawn
    // twice, the narrow drawing for phones in both schemes (the destinations map is drawn once).
    const stem = (f: string) => relative(join(out, "embed"), f).replace(/(?:-narrow)?(?:-dark)?\.svg$/, "");
    const kind = (f: string) => /(?:-narrow)?(?:-dark)?\.svg$/.exec(f)![0];
    const of = (k: string) => all.filter((f) => kind(f) === k);
    const twice = ALL_EMBEDS.filter((e) => !e.startsWith("destinations-map/"));
    expect(of(".svg").map(stem).sort()).toEqual([...ALL_EMBEDS].sort());
    expect(of("-dark.svg").map(stem).sort()).toEqual([...ALL_EMBEDS].sort());
    expect(of("-narrow.svg").map(stem).sort()).toEqual([...twice].sort());
    expect(of("-narrow-dark.svg").map(stem).sort()).toEqual([...twice].sort());
    expect(all).toHaveLength(2 * ALL_EMBEDS.length + 2 * twice.length);
    for (const file of [...of(".svg"), ...of("-narrow.svg")]) {
      const xml = readFileSync(file, "utf8");
      const svg = new JSDOM(xml, { contentType: "image/svg+xml" }).window.document;
      expect(svg.querySelector("parsererror"), file).toBeNull();
      expect(svg.querySelectorAll("script, foreignObject").length).toBe(0);
      const root = svg.documentElement;
      const [id, version] = stem(file).split("/") as [string, string];
      // The words the embed page shows for this figure: the SVG travels alone, so it carries them.
      const page = doc(`embed/${id}/${version}/index.html`);
      const use = { title: page.querySelector("h1")!.textContent!, subtitle: page.querySelector(".chart-subtitle")!.textContent! };
      expect(use.title.length).toBeGreaterThan(10);
      expect(svg.querySelector("title")!.textContent).toBe(use.title);
      const words = [...root.children]
        .filter((e) => e.tagName === "text")
        .map((t) => t.textContent)
        .join(" ");
      expect(words).toContain(use.subtitle.split(" ").slice(0, 3).join(" "));
      // The dataset named is the one data/ holds this version in (and a comparison's earlier version too).
      const owners = datasetsWithVersion(version);
      expect(owners, `the datasets with a version ${version} in data/`).toHaveLength(1);
      const dataset = owners[0]!;
      const data = new RegExp(`Data: ${dataset}, versions? (?:(\\S+) and )?${version}\\. `).exec(words);
      expect(data, `${file}: "Data: ${dataset}, version … ${version}." in ${words}`).not.toBeNull();
      if (data![1]) expect(datasetsWithVersion(data![1]), `${file}: the earlier version`).toEqual([dataset]);
      expect(words).toContain(`${SITE}${BASE}embed/${id}/${version}/`);
      expect(xml).not.toMatch(/var\(--|currentColor|font-family="inherit"/);
      const image = await sharp(Buffer.from(xml)).png().toBuffer();
      const meta = await sharp(image).metadata();
      expect(meta.width).toBe(Number(root.getAttribute("width")));
      expect(meta.height).toBe(Number(root.getAttribute("height")));
    }
  });
});
