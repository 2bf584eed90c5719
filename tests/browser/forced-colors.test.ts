/**
 * Chart keys in forced colours (Windows High Contrast; issue 23, point 4). Forced colours replace
 * backgrounds and borders with the reader's few system colours, so key swatches that differ only by
 * colour (filled vs outlined, the map's ramp steps) could become the same empty box while the marks
 * in the SVG keep theirs. Every figure of every story and embed page is measured in normal and in
 * forced colours of the same scheme, and each distinction the key and the marks make in normal
 * colours must survive, with key and marks changing colour the same way.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../../scripts/serve/chromium";
import { startNginx, type StaticServer } from "../../scripts/serve/nginx";
import { contrast, parseRgb } from "../support/contrast";
import { ALL_EMBEDS } from "../support/expected-embeds";

const SITE = "https://county-lines.example.org";
const SCHEMES = ["light", "dark"] as const;
type Scheme = (typeof SCHEMES)[number];

/** One key swatch or one mark as a reader sees it: what it is, and how it looks. */
interface Look {
  /** Names it in failure messages: the swatch's class and label, or the mark's kind, element and title. */
  what: string;
  /** Everything that tells it apart from the others: colours, border or dash styles. */
  signature: string;
}

/** A colour as a swatch or a mark uses it: computed value, and where it was seen. */
interface ColourUse {
  what: string;
  colour: string;
}

/** A mark's paint, for the contrast check. */
interface Paint {
  what: string;
  fill: string;
  stroke: string;
  fillOpacity: number;
  strokeWidth: number;
}

/** One figure of a page, measured in one colour mode. */
interface FigureLooks {
  id: string;
  swatches: Look[];
  marks: Look[];
  colours: ColourUse[];
  paints: Paint[];
}

/** A page measured in one colour mode: what the media queries said, the page colour, and its figures. */
interface PageLooks {
  forced: boolean;
  dark: boolean;
  canvas: string;
  figures: FigureLooks[];
  /** Elements other than key swatches and chart SVGs (and what is inside them) that opt out of forced colours. */
  optedOut: string[];
  /** Every visible link's text colour, and the colour of LinkText in this mode. */
  links: { what: string; colour: string }[];
  linkText: string;
}

/**
 * Runs in the page: every figure's visible key swatches and data marks, in document order.
 *
 * A swatch's signature is what a reader sees: its background painted over the page behind it, its
 * background image, and each border side's style, width and colour painted over that background
 * (a side painted in the background's colour, transparent, or of no width shows nothing). Painting
 * matters in forced colours, where a "filled" swatch gets an opaque Canvas background and an
 * outlined one a transparent Canvas: different computed values, the same box on screen.
 *
 * A mark is an element (rect, path, line, circle…) of a Plot mark group that carries data: bars,
 * areas, links, dots. Axes, grids, rules and text are the chart's frame and labels, which no key
 * explains.
 */
function measure(): PageLooks {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext("2d", { willReadFrequently: true })!;
  /** The colour seen where `layers` are painted one over the other on white, as rgb(). */
  const paint = (layers: string[]): string => {
    ctx.globalCompositeOperation = "source-over";
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, 1, 1);
    for (const layer of layers) {
      ctx.fillStyle = "#fff";
      ctx.fillStyle = layer;
      ctx.fillRect(0, 0, 1, 1);
    }
    const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
    return `rgb(${r}, ${g}, ${b})`;
  };
  /** The backgrounds of an element and its ancestors, outermost first, up to the first opaque one. */
  const backdrop = (element: Element | null): string[] => {
    const layers: string[] = [];
    for (let e = element; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      layers.unshift(bg);
      if (/^rgb\(/.test(bg)) break;
    }
    return layers;
  };
  const shown = (e: Element) => {
    const box = e.getBoundingClientRect();
    return box.width > 0 || box.height > 0;
  };
  const isColour = (value: string) => /^(rgba?|color|hsla?|lab|lch|oklab|oklch)\(/.test(value);

  const figures = [...document.querySelectorAll("figure.chart")].map((figure): FigureLooks => {
    const colours: ColourUse[] = [];
    const swatches = [...figure.querySelectorAll("ul.chart-legend li .key")].filter(shown).map((key): Look => {
      const s = getComputedStyle(key);
      const label = `${[...key.classList].find((c) => c.startsWith("key-")) ?? key.className} "${key.parentElement?.textContent?.trim()}"`;
      const under = backdrop(key.parentElement);
      const background = paint([...under, s.backgroundColor]);
      colours.push({ what: `${label} background`, colour: s.backgroundColor });
      const sides = (["top", "right", "bottom", "left"] as const).map((side) => {
        const style = s.getPropertyValue(`border-${side}-style`);
        const width = parseFloat(s.getPropertyValue(`border-${side}-width`));
        const colour = s.getPropertyValue(`border-${side}-color`);
        if (style === "none" || style === "hidden" || !(width > 0)) return "none";
        colours.push({ what: `${label} border-${side}`, colour });
        const seen = paint([...under, s.backgroundColor, colour]);
        return seen === background ? "none" : `${style} ${width}px ${seen}`;
      });
      const border = sides.every((side) => side === sides[0]) ? `border ${sides[0]}` : `border ${sides.join(" / ")} (top / right / bottom / left)`;
      return { what: `swatch ${label}`, signature: `background ${background}, image ${s.backgroundImage}, ${border}` };
    });
    const paints: Paint[] = [];
    const marks = [...figure.querySelectorAll("svg.chart-svg g[data-mark]")]
      .filter((g) => !/axis|grid|rule|text|frame|tip/.test(g.getAttribute("data-mark") ?? ""))
      .flatMap((g) =>
        [...g.querySelectorAll("rect, path, line, circle, ellipse, polygon, polyline")].filter(shown).map((element, i): Look => {
          const s = getComputedStyle(element);
          const what = `mark ${g.getAttribute("data-mark")} ${element.tagName} ${element.querySelector("title")?.textContent ?? `#${i + 1}`}`;
          for (const property of ["fill", "stroke"] as const) if (isColour(s[property])) colours.push({ what: `${what} ${property}`, colour: s[property] });
          paints.push({ what, fill: s.fill, stroke: s.stroke, fillOpacity: parseFloat(s.fillOpacity), strokeWidth: parseFloat(s.strokeWidth) });
          return {
            what,
            signature: `fill ${s.fill} at ${s.fillOpacity}, stroke ${s.stroke} at ${s.strokeOpacity}, dash ${s.strokeDasharray}`,
          };
        }),
      );
    return { id: figure.id, swatches, marks, colours, paints };
  });
  const probe = document.body.appendChild(document.createElement("span"));
  probe.style.color = "LinkText";
  const linkText = getComputedStyle(probe).color;
  probe.remove();
  const describe = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}${[...e.classList].map((c) => `.${c}`).join("")}`;
  return {
    optedOut: [...document.querySelectorAll("*")]
      .filter((e) => getComputedStyle(e).forcedColorAdjust === "none" && !e.closest(".key, .chart-svg"))
      .map(describe),
    links: [...document.querySelectorAll("a[href]")]
      .filter(shown)
      .map((a) => ({ what: `${describe(a)} "${a.textContent?.trim().slice(0, 40)}"`, colour: getComputedStyle(a).color })),
    linkText,
    forced: matchMedia("(forced-colors: active)").matches,
    dark: matchMedia("(prefers-color-scheme: dark)").matches,
    canvas: paint(backdrop(document.body)),
    figures,
  };
}

/** One thing seen in normal colours and the same thing seen in forced colours. */
interface Pair {
  what: string;
  normal: string;
  forced: string;
}

/**
 * Where the match from normal to forced values is not one-to-one: a value seen in normal colours
 * that became two (a split: things that looked alike no longer do), or two values that became one
 * (a merge: a distinction lost). Each problem names the first two things concerned, once.
 */
function notOneToOne(pairs: readonly Pair[], kind: string): string[] {
  const problems = new Map<string, string>();
  const forward = new Map<string, Pair>();
  const backward = new Map<string, Pair>();
  for (const pair of pairs) {
    const before = forward.get(pair.normal);
    if (!before) forward.set(pair.normal, pair);
    else if (before.forced !== pair.forced && !problems.has(`split ${pair.normal} ${pair.forced}`))
      problems.set(
        `split ${pair.normal} ${pair.forced}`,
        `${kind} split: ${before.what} and ${pair.what} look alike in normal colours (${pair.normal}) but not in forced colours (${before.forced} | ${pair.forced})`,
      );
    const after = backward.get(pair.forced);
    if (!after) backward.set(pair.forced, pair);
    else if (after.normal !== pair.normal && !problems.has(`merge ${pair.forced} ${pair.normal}`))
      problems.set(
        `merge ${pair.forced} ${pair.normal}`,
        `${kind} merged: ${after.what} and ${pair.what} differ in normal colours (${after.normal} | ${pair.normal}) but look alike in forced colours (${pair.forced})`,
      );
  }
  return [...problems.values()];
}

/** The same list measured twice, zipped into pairs (the lists must name the same things in the same order). */
function zip(normal: readonly Look[], forced: readonly Look[]): Pair[] {
  expect(
    forced.map((f) => f.what),
    "the same swatches and marks are shown in both modes",
  ).toEqual(normal.map((n) => n.what));
  return normal.map((n, i) => ({ what: n.what, normal: n.signature, forced: forced[i]!.signature }));
}

const distinct = (values: readonly string[]) => new Set(values).size;

describe("chart keys and marks in forced colours (Windows High Contrast)", { timeout: 180_000 }, () => {
  const build = inject("rootBuild");
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Every story page (from the sitemap) and every embed page. */
  let paths: string[];
  /** Per scheme and page: the page measured in normal colours, then in forced colours. */
  const measured = new Map<Scheme, Map<string, { normal: PageLooks; forced: PageLooks }>>();

  beforeAll(async () => {
    expect(build.code, build.stderr).toBe(0);
    server = await startNginx(build.out);
    browser = await launchChromium();
    const sitemap = readFileSync(join(build.out, "sitemap-0.xml"), "utf8");
    const stories = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.replace(SITE, "")).filter((p) => p.startsWith("/stories/"));
    expect(stories.length, "story pages in the sitemap").toBeGreaterThan(0);
    paths = [...stories, ...ALL_EMBEDS.map((e) => `/embed/${e}/`)];
    // One page, loaded once per path; each colour mode is a media emulation, which restyles without a request.
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    for (const scheme of SCHEMES) measured.set(scheme, new Map());
    for (const path of paths) {
      const response = await page.goto(`${server.origin}${path}`, { waitUntil: "load" });
      expect(response?.status(), path).toBe(200);
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme, forcedColors: "none" });
        const normal = await page.evaluate(measure);
        await page.emulateMedia({ colorScheme: scheme, forcedColors: "active" });
        const forced = await page.evaluate(measure);
        measured.get(scheme)!.set(path, { normal, forced });
      }
    }
  }, 240_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    server?.stop();
  });

  describe.each(SCHEMES)("%s scheme", (scheme) => {
    const each = () => [...measured.get(scheme)!.entries()];

    it("measured every page in normal and in forced colours, with swatches and marks on each", () => {
      expect(each().length).toBe(paths.length);
      const figures = each().flatMap(([, { normal }]) => normal.figures);
      console.log(
        `[forced colours, ${scheme}] ${paths.length} pages, ${figures.length} figures: ${figures.flatMap((f) => f.swatches).length} key swatches, ${figures.flatMap((f) => f.marks).length} marks`,
      );
      for (const [path, { normal, forced }] of each()) {
        expect([normal.forced, normal.dark], `${path} normal colours: (forced-colors: active), (prefers-color-scheme: dark)`).toEqual([
          false,
          scheme === "dark",
        ]);
        expect([forced.forced, forced.dark], `${path} forced colours: (forced-colors: active), (prefers-color-scheme: dark)`).toEqual([
          true,
          scheme === "dark",
        ]);
        expect(normal.figures.length, `${path}: figures`).toBeGreaterThan(0);
        expect(
          forced.figures.map((f) => f.id),
          path,
        ).toEqual(normal.figures.map((f) => f.id));
        for (const looks of [normal, forced]) {
          expect(looks.figures.flatMap((f) => f.swatches).length, `${path}: key swatches measured`).toBeGreaterThan(0);
          for (const figure of looks.figures) expect(figure.marks.length, `${path} #${figure.id}: marks measured`).toBeGreaterThan(0);
        }
      }
    });

    it.each(["swatches", "marks"] as const)("keeps every one of a figure's %s that differ in normal colours distinct in forced colours", (kind) => {
      const problems: string[] = [];
      let checked = 0;
      for (const [path, { normal, forced }] of each())
        normal.figures.forEach((figure, i) => {
          const pairs = zip(figure[kind], forced.figures[i]![kind]);
          const where = `${path} #${figure.id} (forced colours, ${scheme})`;
          problems.push(...notOneToOne(pairs, kind).map((p) => `${where}: ${p}`));
          const counts = [distinct(pairs.map((p) => p.normal)), distinct(pairs.map((p) => p.forced))];
          if (counts[0] !== counts[1]) problems.push(`${where}: ${counts[0]} different ${kind} in normal colours, ${counts[1]} in forced colours`);
          checked += pairs.length;
        });
      expect(checked).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    });

    it("changes each colour the same way in keys and in marks, and keeps different colours different", () => {
      const problems: string[] = [];
      for (const [path, { normal, forced }] of each()) {
        const uses = normal.figures.flatMap((figure, i) => {
          const after = forced.figures[i]!.colours;
          expect(
            after.map((c) => c.what),
            `${path} #${figure.id}: the same colours are used in both modes`,
          ).toEqual(figure.colours.map((c) => c.what));
          return figure.colours.map((c, j): Pair => ({ what: `#${figure.id} ${c.what}`, normal: c.colour, forced: after[j]!.colour }));
        });
        expect(uses.length, `${path}: colours measured`).toBeGreaterThan(0);
        problems.push(...notOneToOne(uses, "colours").map((p) => `${path} (forced colours, ${scheme}): ${p}`));
      }
      expect(problems).toEqual([]);
    });

    it("leaves everything but key swatches and chart SVGs to forced colours: no other element opts out, links keep LinkText", () => {
      let links = 0;
      const problems: string[] = [];
      for (const [path, { forced }] of each()) {
        problems.push(...forced.optedOut.map((e) => `${path} (forced colours, ${scheme}): ${e} opts out of forced colours`));
        for (const link of forced.links)
          if (link.colour !== forced.linkText)
            problems.push(`${path} (forced colours, ${scheme}): link ${link.what} is ${link.colour}, not LinkText (${forced.linkText})`);
        links += forced.links.length;
      }
      expect(links, "links measured").toBeGreaterThan(0);
      expect(problems).toEqual([]);
    });

    it("keeps every data mark at 3:1 or more against the forced colours' page background", () => {
      let checked = 0;
      for (const [path, { forced }] of each()) {
        const canvas = parseRgb(forced.canvas)!;
        for (const figure of forced.figures)
          for (const mark of figure.paints) {
            const fill = parseRgb(mark.fill);
            const stroke = parseRgb(mark.stroke);
            const ratios = [
              fill && fill[3] > 0 && mark.fillOpacity >= 1 ? contrast(fill, canvas) : 0,
              stroke && stroke[3] > 0 && mark.strokeWidth >= 0.5 ? contrast(stroke, canvas) : 0,
            ];
            expect(Math.max(...ratios), `${path} #${figure.id} ${mark.what} on ${forced.canvas} (${scheme})`).toBeGreaterThanOrEqual(3);
            checked++;
          }
      }
      expect(checked).toBeGreaterThan(0);
    });
  });
});
