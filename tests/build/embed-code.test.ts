import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { describe, expect, inject, it } from "vitest";
import { ALL_EMBEDS, OFFERED_EMBEDS } from "../support/expected-embeds";
import { SUBPATH } from "../support/shared-builds";

/**
 * The picture embed code (a `<figure>` with no frame and no script), read from every chart's embed page
 * and every story's disclosures in the sub-path build, parsed as a reuser's page would take it: valid
 * HTML, absolute addresses that exist in the build, a dark source, the chart's own text alternative as
 * alt text and a caption with the title, the credit and a link to the chart's page.
 */
const built = inject("subpathBuild");
const ROOT = `${SUBPATH.SITE_URL}${SUBPATH.BASE_PATH}`;
const out = built.out;
const page = (path: string) => new JSDOM(readFileSync(join(out, path), "utf8")).window.document;

interface Report {
  results: { messages: { ruleId: string; line: number; column: number; message: string }[] }[];
}

/** html-validate (installed in tests/tools by `npm test`'s pretest; see tests/tools/README.md). */
async function validator() {
  const { HtmlValidate } = (await import(join(process.cwd(), "tests/tools/node_modules/html-validate/dist/esm/index.js"))) as {
    HtmlValidate: new (config: object) => { validateString(html: string): Promise<Report> };
  };
  const config = JSON.parse(readFileSync(".htmlvalidate.json", "utf8")) as { rules: Record<string, string> };
  // The project's rules, but inline styles are the point here: the code goes into other sites' pages,
  // where no stylesheet of ours is.
  return new HtmlValidate({ ...config, rules: { ...config.rules, "no-inline-style": "off" } });
}

/** The file an absolute address of the build stands for, or a failure naming the address. */
function builtFile(url: string): string {
  expect(url.startsWith(ROOT), `${url}: absolute, under ${ROOT}`).toBe(true);
  const path = url.slice(ROOT.length);
  return join(out, path.endsWith("/") || path === "" ? `${path}index.html` : path);
}

/** The root `<svg>`'s width and height attributes of an SVG file. */
function svgSize(file: string) {
  const svg = new JSDOM(readFileSync(file, "utf8"), { contentType: "image/svg+xml" }).window.document.documentElement;
  return { width: svg.getAttribute("width"), height: svg.getAttribute("height") };
}

describe(`the picture embed code of every chart (built for ${ROOT})`, () => {
  it("built", () => expect(built.code, built.stderr).toBe(0));

  it.each(ALL_EMBEDS)(
    "%s: its embed page offers valid HTML: a picture of the chart, dark where preferred, that scales, with its text alternative and a caption",
    async (embed) => {
      const embedPage = page(`embed/${embed}/index.html`);
      const code = embedPage.querySelector(".embed-share .embed-picture-code code")?.textContent;
      expect(code, `embed/${embed}/: a picture code`).toBeTruthy();

      const report = await (await validator()).validateString(`<!DOCTYPE html><html lang="en"><head><title>Host</title></head><body>${code}</body></html>`);
      expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`))).toEqual([]);

      const body = new JSDOM(code!).window.document.body;
      // One figure: a picture and a caption, nothing else (no frame, no script).
      expect([...body.children].map((e) => e.tagName)).toEqual(["FIGURE"]);
      const figure = body.firstElementChild!;
      expect([...figure.children].map((e) => e.tagName)).toEqual(["PICTURE", "FIGCAPTION"]);
      expect(body.querySelectorAll("script, iframe, link, style")).toHaveLength(0);

      const picture = figure.querySelector("picture")!;
      const sources = [...picture.querySelectorAll("source")];
      // A chart drawn twice gives phones its narrow drawing first (light and dark); a map drawn once has one size.
      const drawnOnce = embed.startsWith("destinations-map/");
      expect(sources.map((s) => s.getAttribute("media"))).toEqual([
        ...(drawnOnce ? [] : ["(max-width: 36.99rem) and (prefers-color-scheme: dark)", "(max-width: 36.99rem)"]),
        "(prefers-color-scheme: dark)",
      ]);
      if (!drawnOnce) {
        const [narrowDark, narrowLight] = sources.map((s) => s.getAttribute("srcset")!);
        expect([narrowDark, narrowLight]).toEqual([`${ROOT}embed/${embed}-narrow-dark.svg`, `${ROOT}embed/${embed}-narrow.svg`]);
        const narrowSize = svgSize(builtFile(narrowLight!));
        expect(svgSize(builtFile(narrowDark!)), "the narrow files: one size in both schemes").toEqual(narrowSize);
        expect(narrowSize.width, "the narrow file: the narrow rendering (320) and 8-unit margins").toBe("336");
        for (const s of sources.slice(0, 2)) expect({ width: s.getAttribute("width"), height: s.getAttribute("height") }).toEqual(narrowSize);
      }
      const img = picture.querySelector("img")!;
      const light = img.getAttribute("src")!;
      const dark = sources.at(-1)!.getAttribute("srcset")!;
      expect(light).toBe(`${ROOT}embed/${embed}.svg`);
      expect(dark).toBe(`${ROOT}embed/${embed}-dark.svg`);
      for (const url of [light, dark]) expect(existsSync(builtFile(url)), `${url} is in the build`).toBe(true);
      // The two schemes differ in colour only: the same size, which the <img> states so the page keeps its room.
      const size = svgSize(builtFile(light));
      expect(svgSize(builtFile(dark))).toEqual(size);
      expect(readFileSync(builtFile(dark), "utf8")).not.toBe(readFileSync(builtFile(light), "utf8"));
      expect({ width: img.getAttribute("width"), height: img.getAttribute("height") }).toEqual(size);
      // Scales to any width: the inline style alone, as no stylesheet of ours is there.
      expect(img.getAttribute("style")).toBe("display:block;width:100%;height:auto");

      // The alt text is the text alternative the embed page gives the chart (its SVG's description).
      const svg = embedPage.querySelector("figure.chart svg.chart-svg")!;
      const description = embedPage.getElementById(svg.getAttribute("aria-describedby")!)!.textContent!.trim();
      expect(description.length).toBeGreaterThan(40);
      expect(img.getAttribute("alt")).toBe(description);

      // The caption: the title as the embed page shows it, the credit, and a link to the embed page.
      const caption = figure.querySelector("figcaption")!;
      const title = embedPage.querySelector("h1")!.textContent!.trim();
      expect(caption.querySelector("strong")?.textContent).toBe(title);
      expect(caption.textContent).toMatch(/Chart: County lines explained\. Sources: [^.]+\./);
      const links = [...caption.querySelectorAll("a")].map((a) => a.getAttribute("href")!);
      expect(links).toEqual([`${ROOT}embed/${embed}/`]);
      expect(existsSync(builtFile(links[0]!)), `${links[0]} is in the build`).toBe(true);
    },
  );

  it("each story's figure offers the same two codes as its chart's embed page", () => {
    const seen = new Set<string>();
    for (const slug of readdirSync(join(out, "stories"))) {
      for (const figure of page(`stories/${slug}/index.html`).querySelectorAll("figure.chart")) {
        const picture = figure.querySelector(".chart-more .embed-picture-code code")?.textContent;
        const iframe = figure.querySelector(".chart-more .embed-code code")?.textContent;
        const embed = /embed\/([a-z-]+\/[\w-]+)\/"/.exec(iframe ?? "")?.[1];
        expect(embed, `${slug}: ${figure.id} offers an iframe`).toBeDefined();
        const embedPage = page(`embed/${embed}/index.html`);
        expect(picture, `${slug}: ${figure.id}`).toBe(embedPage.querySelector(".embed-share .embed-picture-code code")?.textContent);
        expect(iframe, `${slug}: ${figure.id}`).toBe(embedPage.querySelector(".embed-share .embed-code code")?.textContent);
        seen.add(embed!);
      }
    }
    expect([...seen].sort()).toEqual([...OFFERED_EMBEDS].sort());
  });

  it("each embed page shows the chart with a one-line credit, and folds the full credit (each source, its quoted words, the data) into a closed disclosure", () => {
    let namedInNotes = 0;
    for (const embed of ALL_EMBEDS) {
      const doc = page(`embed/${embed}/index.html`);
      const figure = doc.querySelector("figure.chart")!;
      // The line names the sources by kind, as the picture's caption does, with no numbers (no source list beside it).
      const credit = figure.querySelector(".chart-credit")?.textContent?.replace(/\s+/g, " ").trim();
      expect(credit, embed).toMatch(/^Sources: [^[\]]+\.$/);
      const caption = doc.querySelector(".embed-share .embed-picture-code code")!.textContent!;
      expect(caption.replace(/\s+/g, " "), embed).toContain(credit!);
      // The full credit is there, closed: every source the data table cites, with its words quoted, and the data.
      const more = [...figure.querySelectorAll("details.chart-more")];
      expect(
        more.map((d) => d.querySelector("summary")!.textContent!.trim()),
        embed,
      ).toEqual(["Sources and downloads"]);
      expect(more[0]!.hasAttribute("open"), embed).toBe(false);
      const listed = [...more[0]!.querySelectorAll(".credit-list .source-id")].map((s) => s.textContent!.replace(/[[\]]/g, ""));
      const column = [...figure.querySelectorAll(".chart-data thead th")].findIndex((th) => th.textContent === "Sources");
      expect(column, `${embed}: the data table's Sources column`).toBeGreaterThan(0);
      const rows = [...figure.querySelectorAll(".chart-data tbody tr")];
      const cited = rows.flatMap((tr) => tr.children[column]!.textContent!.match(/\b[SP]\d+\b/g) ?? []);
      expect(cited.length, `${embed}: sources cited in the data table`).toBeGreaterThan(0);
      // And those a row's note names ("S7 S8 and S9 also name Lambeth"): a reader looks each one up here.
      const named = rows.flatMap((tr) => [...tr.children].flatMap((td, i) => (i === column ? [] : (td.textContent!.match(/\b[SP]\d+\b/g) ?? []))));
      namedInNotes += named.length;
      for (const id of [...cited, ...named]) expect(listed, `${embed}: ${id} in the full credit`).toContain(id);
      expect(more[0]!.querySelectorAll(".passages q").length, embed).toBeGreaterThan(0);
      expect(more[0]!.querySelector('a[href$=".csv"][download]'), embed).not.toBeNull();
      // And nothing of it is shown outside a disclosure.
      expect(
        [...doc.querySelectorAll(".credit-list, q")].filter((e) => !e.closest("details")),
        embed,
      ).toEqual([]);
    }
    // Notes name sources in several charts today (boroughs, sex, the Year 2 charts): the check above saw some.
    expect(namedInNotes).toBeGreaterThan(10);
  });

  it("the iframe code fills its column's width at a height in pixels, with the same height as an attribute for sites that strip styles", () => {
    for (const embed of ALL_EMBEDS) {
      const code = page(`embed/${embed}/index.html`).querySelector(".embed-share .embed-code code")!.textContent!;
      const iframe = new JSDOM(code).window.document.querySelector("iframe")!;
      expect(iframe.getAttribute("src"), embed).toBe(`${ROOT}embed/${embed}/`);
      const height = iframe.getAttribute("height")!;
      expect(height, embed).toMatch(/^\d+$/);
      expect(iframe.getAttribute("style"), embed).toBe(`width:100%;height:${height}px;border:0`);
    }
  });
});
