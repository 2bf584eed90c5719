import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import { parseFeed } from "@rowanmanning/feed-parser";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../../scripts/serve/chromium";
import { startNginx, type StaticServer } from "../../scripts/serve/nginx";
import { storyFiles, storySlug } from "../../src/stories/story-files";
import { parseHeaders, headersFor } from "../support/headers-file";
import { paletteCss } from "../../src/render/palette";
import { contrast, parseRgb } from "../support/contrast";
import { textOverlaps, type TextBox } from "../support/text-overlaps";
import { ALL_EMBEDS, OFFERED_EMBEDS } from "../support/expected-embeds";
import { SUBPATH } from "../support/shared-builds";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const ARTIFACTS = "tests/artifacts/screenshots";
/** Two deployments of the same commit, the shared builds: at a domain root, and under a newsroom's sub-path. */
const DEPLOYS = [
  { label: "at the domain root", site: "https://county-lines.example.org", base: "/", build: inject("rootBuild") },
  { label: "under a sub-path", site: SUBPATH.SITE_URL, base: SUBPATH.BASE_PATH, build: inject("subpathBuild") },
];

/** How many charts each published story places, read from its MDX (not from the built page). */
const CHARTS_PER_STORY = new Map(
  storyFiles()
    .map((f) => [storySlug(f), readFileSync(f, "utf8")] as const)
    .filter(([, mdx]) => !/^draft:\s*true\s*$/m.test(mdx))
    .map(([slug, mdx]) => [slug, [...mdx.matchAll(/<Chart\b/g)].length]),
);
/** Every chart-and-version placed in a story, and the corrected versions kept for old iframes: each has an embed page and a PNG (listed by hand). */
const EMBEDS = ALL_EMBEDS.map((e) => `/embed/${e}/`);
/** The embeds the stories offer today: the versions they pin. */
const OFFERED: readonly string[] = OFFERED_EMBEDS.map((e) => `/embed/${e}/`);
/** The destinations map is drawn once (one SVG that adapts with CSS); every other chart twice, narrow and wide. */
const DRAWN_ONCE = ["destinations-map"];

describe.each(DEPLOYS)("the built site in Chromium, served by nginx $label", { timeout: 180_000 }, ({ site, base, build }) => {
  const SITE = site;
  const B = base.replace(/\/$/, ""); // prefix for site paths
  const out = build.out;
  let server: StaticServer;
  let browser: Browser;
  let pages: string[];

  const stories = () => pages.filter((p) => p.startsWith(`${B}/stories/`));
  /** The sitemap's pages plus those it leaves out on purpose: the 404 page and every chart embed. */
  const allPages = () => [...pages, `${B}/404.html`, ...EMBEDS.map((e) => `${B}${e}`)];
  const slug = (path: string) => path.slice(`${B}/stories/`.length).replace(/\/$/, "");
  const name = (path: string) =>
    `${B ? "subpath-" : ""}${
      path
        .slice(B.length)
        .replace(/^\/|\/$/g, "")
        .replaceAll("/", "-") || "home"
    }`;

  /**
   * One page per set of context options, reused for every visit with those options (a new context per
   * visit cost 1.8-2.2 s, a navigation in a live page 0.35-0.45 s).
   */
  const tabs = new Map<string, { context: BrowserContext; page: Page }>();

  /** Opens `path` in the page kept for `options`, once its load event has fired. */
  async function open(path: string, options: Parameters<Browser["newContext"]>[0] = {}): Promise<{ page: Page }> {
    const key = JSON.stringify(options);
    if (!tabs.has(key)) {
      const context = await browser.newContext(options);
      tabs.set(key, { context, page: await context.newPage() });
    }
    const { page } = tabs.get(key)!;
    const response = await page.goto(`${server.origin}${path}`, { waitUntil: "load" });
    expect(response?.status(), path).toBe(200);
    return { page };
  }

  /**
   * A page loaded once with JavaScript off, in a context of its own, then laid out at each width (and
   * colour scheme) in turn: resizing re-runs the media queries without another request. Every user
   * sets both, so nothing carries over from the last one.
   */
  async function openForLayout(path: string): Promise<{ page: Page; at: (width: number, colorScheme?: "light" | "dark") => Promise<void> }> {
    const { page } = await open(path, { javaScriptEnabled: false, viewport: { width: 1280, height: 900 }, colorScheme: "light" });
    return {
      page,
      at: async (width, colorScheme = "light") => {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme });
      },
    };
  }

  /**
   * The box of every chart text shown on the page, in page coordinates: the `<text>` element's
   * bounding rectangle (in Chromium, the glyph cells of all its lines, without the halo's stroke;
   * facets' and the viewBox's transforms applied). Shown means a box of some size and visible:
   * Chromium's checkVisibility() alone says true, and getBBox() gives a size, for text inside a
   * `display: none` group (the narrow-only labels on a wide map), so the client rectangle decides.
   */
  function chartTextBoxes(page: Page): Promise<TextBox[]> {
    return page.evaluate(() =>
      [...document.querySelectorAll("svg.chart-svg")].flatMap((svg, index) =>
        [...svg.querySelectorAll("text")]
          .map((t) => ({ t, r: t.getBoundingClientRect() }))
          .filter(({ t, r }) => r.width > 0 && r.height > 0 && t.checkVisibility({ visibilityProperty: true, opacityProperty: true }))
          .map(({ t, r }) => ({
            figure: svg.closest("figure")?.id ?? `svg ${index}`,
            svg: index,
            text: t.textContent ?? "",
            left: r.left + window.scrollX,
            top: r.top + window.scrollY,
            right: r.right + window.scrollX,
            bottom: r.bottom + window.scrollY,
          })),
      ),
    );
  }

  beforeAll(async () => {
    expect(build.code, build.stderr).toBe(0);
    server = await startNginx(out, { base });
    browser = await launchChromium();
    const sitemap = readFileSync(join(out, "sitemap-0.xml"), "utf8");
    pages = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.replace(SITE, ""));
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 240_000);
  afterAll(async () => {
    for (const tab of tabs.values()) await tab.context.close();
    await browser?.close();
    server?.stop();
  });

  it("the sitemap lists every page a reader can reach: each built page but the embeds and the 404 page", () => {
    const built = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
        d.isDirectory() ? built(join(dir, d.name)) : d.name === "index.html" ? [`${B}/${relative(out, dir)}/`.replace(/\/+$/, "/")] : [],
      );
    const expected = built(out)
      .filter((p) => !p.startsWith(`${B}/embed/`))
      .sort();
    expect(expected).toEqual(
      expect.arrayContaining(["/", "/about/", "/data/", "/corrections/", ...[...CHARTS_PER_STORY.keys()].map((s) => `/stories/${s}/`)].map((p) => `${B}${p}`)),
    );
    expect([...pages].sort()).toEqual(expected);
  });

  // Layout, accessibility, contrast and print do not depend on where the site is served: checked once.
  if (base === "/")
    describe("checks that do not depend on the base path (run once, at the domain root)", () => {
      it("axe-core finds no WCAG 2.2 A/AA or best-practice violations on any page, in the light and the dark scheme", async () => {
        // The dark scheme changes colours and nothing else (its media block sets only custom properties),
        // so in dark the rules that read colours are run again: the rest would see the same page.
        const dark = /@media screen and \(prefers-color-scheme: dark\) \{ :root \{ ([^}]*) \} \}/.exec(paletteCss())?.[1] ?? "";
        expect(dark.split(";").filter((d) => d.trim()).length).toBeGreaterThan(5);
        expect(dark.split(";").filter((d) => d.trim() && !/^\s*--[\w-]+:/.test(d))).toEqual([]);
        const rules = {
          light: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
          dark: { type: "rule", values: ["color-contrast", "link-in-text-block"] },
        };
        for (const path of allPages()) {
          // The site's CSP forbids inline scripts, rightly; the test bypasses it only to inject axe.
          const { page } = await open(path, { colorScheme: "light", bypassCSP: true });
          await page.addScriptTag({ content: AXE });
          for (const colorScheme of ["light", "dark"] as const) {
            await page.emulateMedia({ colorScheme });
            expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(colorScheme === "dark");
            const violations = await page.evaluate(async (runOnly) => {
              const axe = (
                window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
              ).axe;
              const result = await axe.run(document, { runOnly });
              return result.violations.map(
                (v) =>
                  `${v.id}: ${v.nodes
                    .slice(0, 3)
                    .map((n) => n.target.join(" "))
                    .join(", ")}`,
              );
            }, rules[colorScheme]);
            expect(violations, `${path} (${colorScheme})`).toEqual([]);
          }
          await page.emulateMedia({ colorScheme: null });
        }
      });

      it("every interactive element is reachable with Tab and shows a visible focus style", async () => {
        for (const path of pages) {
          const { page } = await open(path);
          const interactive = await page.locator("a[href], summary, button, input, select, textarea").count();
          // Each element focused is recorded as focus arrives (its key and whether its outline shows), so the
          // presses need no round trip each to read the page; the record is read once, after the last.
          await page.evaluate(() => {
            const seen: { key: string; visible: boolean }[] = [];
            (window as unknown as { focusSeen: typeof seen }).focusSeen = seen;
            document.addEventListener("focusin", (event) => {
              const el = event.target as HTMLElement;
              const style = getComputedStyle(el);
              const key = `${el.tagName}:${el.getAttribute("href") ?? ""}:${el.textContent?.trim().slice(0, 40)}:${[...document.querySelectorAll("*")].indexOf(el)}`;
              seen.push({ key, visible: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 });
            });
          });
          for (let i = 0; i < interactive + 2; i++) await page.keyboard.press("Tab");
          const focused = await page.evaluate(() => (window as unknown as { focusSeen: { key: string; visible: boolean }[] }).focusSeen);
          for (const focus of focused) expect(focus.visible, `${path}: focus style of ${focus.key}`).toBe(true);
          const seen = new Set(focused.map((f) => f.key));
          const visibleInteractive = await page.locator("a[href]:visible, summary:visible").count();
          expect(seen.size, `${path}: focusable elements reached by Tab`).toBeGreaterThanOrEqual(visibleInteractive);
        }
      });

      it("with JavaScript off, every page is complete and every chart and map is visible", async () => {
        let storyPages = 0;
        for (const path of allPages()) {
          const { page } = await open(path, { javaScriptEnabled: false });
          expect(await page.locator("main h1").count(), path).toBe(1);
          const charts = await page.evaluate(() =>
            [...document.querySelectorAll("figure.chart")].map((f) => {
              const visible = [...f.querySelectorAll("svg.chart-svg")].filter((s) => s.getBoundingClientRect().width > 0);
              return { id: f.id, visible: visible.length, height: visible[0]?.getBoundingClientRect().height ?? 0 };
            }),
          );
          // Each story shows every chart its MDX places; each embed page shows its one chart.
          if (path.startsWith(`${B}/stories/`)) {
            storyPages++;
            expect(charts.length, `${path}: charts placed in the MDX`).toBe(CHARTS_PER_STORY.get(slug(path)));
          }
          if (path.startsWith(`${B}/embed/`)) expect(charts.length, path).toBe(1);
          for (const chart of charts) {
            expect(chart.visible, `${path} ${chart.id}`).toBe(1);
            expect(chart.height, `${path} ${chart.id}`).toBeGreaterThan(50);
          }
        }
        expect(storyPages).toBe(CHARTS_PER_STORY.size);
      });

      it("each story at 320, 768 and 1280 px, light and dark: no horizontal scrolling, chart text ≥ 11 CSS px (screenshots saved)", async () => {
        // Screenshots to look at: every width in light, and the phone in dark (the dark scheme changes colours
        // only, as the axe test asserts, so one width shows it). A full-page screenshot costs 1.5 to 3 s.
        const shot = (width: number, colorScheme: string) => colorScheme === "light" || width === 320;
        for (const path of stories()) {
          const { page, at } = await openForLayout(path);
          for (const width of [320, 768, 1280]) {
            for (const colorScheme of ["light", "dark"] as const) {
              await at(width, colorScheme);
              const { scroll, measured, smallest } = await page.evaluate(() => {
                const sizes = [...document.querySelectorAll("svg.chart-svg text")]
                  .filter((t) => t.getBoundingClientRect().width > 0)
                  .map((t) => {
                    const svg = (t as SVGTextElement).ownerSVGElement!;
                    return parseFloat(getComputedStyle(t).fontSize) * (svg.getBoundingClientRect().width / svg.viewBox.baseVal.width);
                  });
                return { scroll: document.documentElement.scrollWidth, measured: sizes.length, smallest: Math.min(...sizes) };
              });
              expect(scroll, `${path} at ${width}`).toBeLessThanOrEqual(width);
              // Every story places charts: no chart text measured means the check saw nothing.
              expect(measured, `${path} at ${width}: chart text elements measured`).toBeGreaterThan(0);
              expect(smallest, `${path} at ${width}`).toBeGreaterThanOrEqual(11);
              if (shot(width, colorScheme)) await page.screenshot({ path: `${ARTIFACTS}/${name(path)}-${width}-${colorScheme}.png`, fullPage: true });
            }
          }
        }
      });

      it("the story leads: at 375×667 and 1280×800 its first paragraph starts on the first screen, at most 80 words after the headline", async () => {
        const seen: string[] = [];
        for (const path of stories()) {
          const { page } = await openForLayout(path);
          for (const [width, height] of [
            [375, 667],
            [1280, 800],
          ] as const) {
            await page.setViewportSize({ width, height });
            await page.emulateMedia({ colorScheme: "light" });
            const { top, words } = await page.evaluate(() => {
              const count = (t: string) => (t.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,–-]*/gu) ?? []).length;
              const first = document.querySelector(".story-body > p")!;
              const range = document.createRange();
              range.setStartAfter(document.querySelector("h1")!);
              range.setEndBefore(first);
              return { top: first.getBoundingClientRect().top + window.scrollY, words: count(range.toString()) };
            });
            seen.push(`${slug(path)} ${width}×${height}: first paragraph at ${Math.round(top)} px, ${words} words before it`);
            expect(top, `${path} at ${width}×${height}`).toBeLessThan(height - 40);
            expect(words, `${path} at ${width}×${height}`).toBeGreaterThan(10);
            expect(words, `${path} at ${width}×${height}`).toBeLessThanOrEqual(80);
          }
        }
        console.log(`[readers first] ${seen.join("\n[readers first] ")}`);
      });

      it("each figure, its disclosures closed, shows at most 90 words outside its graphic, at 375 and 1280 px", async () => {
        const seen: string[] = [];
        let figures = 0;
        for (const path of stories()) {
          const { page, at } = await openForLayout(path);
          for (const width of [375, 1280]) {
            await at(width);
            const counts = await page.evaluate(() => {
              const count = (t: string) => (t.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,–-]*/gu) ?? []).length;
              return [...document.querySelectorAll("figure.chart")].map((figure) => {
                let words = 0;
                const walker = document.createTreeWalker(figure, NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                  const node = walker.currentNode as Text;
                  const parent = node.parentElement!;
                  if (parent.closest(".chart-graphic, .visually-hidden")) continue;
                  // Shown: rendered (not inside a closed disclosure, not display: none) and of some size.
                  if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
                  const range = document.createRange();
                  range.selectNodeContents(node);
                  if ([...range.getClientRects()].some((r) => r.width > 0 && r.height > 0)) words += count(node.data);
                }
                return { id: figure.id, words, closed: [...figure.querySelectorAll("details")].every((d) => !d.open) };
              });
            });
            expect(counts.length, path).toBeGreaterThan(0);
            for (const { id, words, closed } of counts) {
              figures += 1;
              expect(closed, `${path} #${id}`).toBe(true);
              // Title, subtitle and key at least: a count this low means the walk saw nothing.
              expect(words, `${path} #${id} at ${width}`).toBeGreaterThan(20);
              expect(words, `${path} #${id} at ${width}: words outside the graphic`).toBeLessThanOrEqual(90);
            }
            seen.push(`${slug(path)} at ${width}: ${counts.map((c) => `${c.id.replace(/^chart-/, "")} ${c.words}`).join(", ")}`);
          }
        }
        expect(figures).toBe([...CHARTS_PER_STORY.values()].reduce((a, b) => a + b, 0) * 2);
        console.log(`[readers first] ${seen.join("\n[readers first] ")}`);
      });

      it("keeps every page's content in the header's column at 320, 768 and 1280 px (the Data page once spread wider)", async () => {
        for (const path of pages) {
          const { page, at } = await openForLayout(path);
          for (const width of [320, 768, 1280]) {
            await at(width);
            const { nav, outside } = await page.evaluate(() => {
              const n = document.querySelector(".site-header nav")!.getBoundingClientRect();
              const off = [...document.querySelectorAll("main > *")]
                .map((e) => ({ tag: e.tagName, r: e.getBoundingClientRect() }))
                .filter(({ r }) => r.left < n.left - 1 || r.right > n.right + 1)
                .map(({ tag, r }) => `${tag} ${r.left.toFixed(0)}–${r.right.toFixed(0)}`);
              return { nav: [n.left, n.right], outside: off };
            });
            expect(nav[1]! - nav[0]!, `${path} at ${width}`).toBeGreaterThan(200);
            expect(outside, `${path} at ${width}: header ${nav.map((x) => x.toFixed(0)).join("–")}`).toEqual([]);
          }
        }
      });

      it("cuts off no chart text and draws none over another: every SVG text shown lies inside its SVG and clear of the others, at 320, 375, 768 and 1280 px, light and dark, on every page with a chart", async () => {
        let measured = 0;
        let compared = 0;
        const overlaps: string[] = [];
        for (const path of [...stories(), ...EMBEDS.map((e) => `${B}${e}`)]) {
          const { page, at } = await openForLayout(path);
          for (const width of [320, 375, 768, 1280]) {
            await at(width);
            const { texts, outside } = await page.evaluate(() => {
              const shown = [...document.querySelectorAll("svg.chart-svg text")].filter((t) => t.getBoundingClientRect().width > 0);
              const out: string[] = [];
              for (const t of shown) {
                const box = t.getBoundingClientRect();
                const frame = (t as SVGTextElement).ownerSVGElement!.getBoundingClientRect();
                // Half a pixel of tolerance for anti-aliasing and rounding.
                const over = Math.max(frame.left - box.left, box.right - frame.right, frame.top - box.top, box.bottom - frame.bottom);
                if (over > 0.5) out.push(`"${t.textContent}" ${over.toFixed(1)} px outside`);
              }
              return { texts: shown.length, outside: out };
            });
            expect(texts, `${path} at ${width}: chart texts measured`).toBeGreaterThan(0);
            expect(outside, `${path} at ${width}`).toEqual([]);
            measured += texts;
            // The dark scheme changes only colours (the axe test checks that), so the boxes should not
            // move; they are measured in both anyway, the page already laid out at this width.
            for (const colorScheme of ["light", "dark"] as const) {
              await at(width, colorScheme);
              const boxes = await chartTextBoxes(page);
              compared += boxes.length;
              overlaps.push(...textOverlaps(boxes).map((f) => `${path} at ${width} px (${colorScheme}): ${f}`));
            }
          }
        }
        expect(measured).toBeGreaterThan(500);
        // Both schemes measure the same texts as the clipping check: none seen means the overlap check saw nothing.
        expect(compared).toBe(2 * measured);
        console.log(`[text overlaps] ${compared} chart texts compared pairwise within their SVGs: ${overlaps.length} drawn over another`);
        // Two texts collide when their boxes share more than a hairline (HAIRLINE, 1 CSS px) in both directions.
        expect(overlaps, "chart texts drawn over each other").toEqual([]);
      });

      it.each(["light", "dark"] as const)("chart marks have at least 3:1 contrast with the page (%s scheme)", async (colorScheme) => {
        for (const path of stories()) {
          const { page } = await open(path, { colorScheme, viewport: { width: 1280, height: 900 } });
          const marks = await page.evaluate(() => {
            const bg = getComputedStyle(document.body).backgroundColor;
            return [
              ...document.querySelectorAll(
                'svg.chart-svg g[data-mark="bar"] rect, svg.chart-svg g[data-mark="geo"] path, svg.chart-svg g[data-mark="link"] path',
              ),
            ]
              .filter((e) => e.getBoundingClientRect().width > 0)
              .map((e) => {
                const s = getComputedStyle(e);
                return {
                  what: `${e.closest("figure")?.id} ${e.querySelector("title")?.textContent ?? e.tagName}`,
                  fill: s.fill,
                  stroke: s.stroke,
                  strokeWidth: parseFloat(s.strokeWidth),
                  fillOpacity: parseFloat(s.fillOpacity),
                  bg,
                };
              });
          });
          expect(marks.length, path).toBeGreaterThan(0);
          for (const m of marks) {
            const bg = parseRgb(m.bg)!;
            const fill = parseRgb(m.fill);
            const stroke = parseRgb(m.stroke);
            const ratios = [fill && m.fillOpacity >= 1 ? contrast(fill, bg) : 0, stroke && m.strokeWidth >= 0.5 ? contrast(stroke, bg) : 0];
            expect(Math.max(...ratios), `${path} ${m.what} (${colorScheme})`).toBeGreaterThanOrEqual(3);
          }
        }
      });

      it("prints dark text and chart marks on white, without navigation, with link URLs and charts within an A4 column", async () => {
        // A context of its own: print media would stay switched on in a shared page.
        const context = await browser.newContext({ colorScheme: "dark" });
        const page = await context.newPage();
        await page.goto(`${server.origin}${B}/stories/county-lines-london/`, { waitUntil: "load" });
        await page.emulateMedia({ media: "print", colorScheme: "dark" });
        const result = await page.evaluate(() => {
          const shown = (e: Element) => e.getBoundingClientRect().width > 0;
          const colour = (e: Element, property: "color" | "fill" | "stroke") => ({
            what: `${e.tagName.toLowerCase()}.${e.getAttribute("class") ?? ""} ${e.textContent?.trim().slice(0, 30) ?? ""}`,
            value: getComputedStyle(e)[property],
          });
          return {
            bg: getComputedStyle(document.body).backgroundColor,
            nav: getComputedStyle(document.querySelector(".site-header")!).display,
            after: getComputedStyle(document.querySelector('.story-sources a[href^="http"]')!, "::after").content,
            chartWidths: [...document.querySelectorAll("svg.chart-svg")].filter(shown).map((s) => s.getBoundingClientRect().width),
            text: [...document.querySelectorAll("main h1, main p, main li, main figcaption, main td, main th")].filter(shown).map((e) => colour(e, "color")),
            chartText: [...document.querySelectorAll("svg.chart-svg text")].filter(shown).map((e) => colour(e, "fill")),
            marks: [...document.querySelectorAll('svg.chart-svg g[data-mark="bar"] rect, svg.chart-svg g[data-mark="geo"] path')]
              .filter(shown)
              .map((e) => ({ ...colour(e, "fill"), stroke: getComputedStyle(e).stroke })),
          };
        });
        const white = [255, 255, 255];
        expect(parseRgb(result.bg)!.slice(0, 3)).toEqual(white);
        expect(result.nav).toBe("none");
        expect(result.after).toMatch(/^"? ?\(?.*http/);
        // Something of each kind was found, so the colour checks below checked something.
        for (const [kind, list] of Object.entries({ charts: result.chartWidths, text: result.text, chartText: result.chartText, marks: result.marks }))
          expect(list.length, `printed ${kind} found`).toBeGreaterThan(0);
        for (const width of result.chartWidths) expect(width).toBeLessThanOrEqual(680); // A4 text column at 96 dpi with 20 mm margins ≈ 642–680 px
        // Dark mode's light text must not reach paper: body text 4.5:1 and chart text 4.5:1 on white.
        for (const t of [...result.text, ...result.chartText])
          expect(contrast(parseRgb(t.value)!, white), `printed ${t.what}: ${t.value}`).toBeGreaterThanOrEqual(4.5);
        // Chart marks (bars, map areas) stay visible on white: fill or outline at 3:1.
        for (const m of result.marks) {
          const ratios = [m.value, m.stroke].map(parseRgb).map((c) => (c && c[3] > 0 ? contrast(c, white) : 0));
          expect(Math.max(...ratios), `printed mark ${m.what}: fill ${m.value}, stroke ${m.stroke}`).toBeGreaterThanOrEqual(3);
        }
        await page.pdf({ path: `${ARTIFACTS}/county-lines-london-print.pdf`, format: "A4" });
        await context.close();
      });
    });

  it("every page has title, description, canonical, Open Graph and Twitter tags, and stories a 1200×630 share image with alt text", async () => {
    for (const path of pages) {
      const { page } = await open(path, { javaScriptEnabled: false });
      const meta = await page.evaluate(() => {
        const get = (sel: string) => document.querySelector(sel)?.getAttribute("content") ?? document.querySelector(sel)?.getAttribute("href") ?? "";
        return {
          title: document.title,
          description: get('meta[name="description"]'),
          canonical: get('link[rel="canonical"]'),
          ogTitle: get('meta[property="og:title"]'),
          ogImage: get('meta[property="og:image"]'),
          ogAlt: get('meta[property="og:image:alt"]'),
          ogType: get('meta[property="og:type"]'),
          card: get('meta[name="twitter:card"]'),
          twImage: get('meta[name="twitter:image"]'),
          twAlt: get('meta[name="twitter:image:alt"]'),
        };
      });
      for (const [key, value] of Object.entries(meta)) expect(value, `${path} ${key}`).not.toBe("");
      expect(meta.canonical).toBe(`${SITE}${path}`);
      expect(meta.card).toBe("summary_large_image");
      const image = await fetch(meta.ogImage.replace(SITE, server.origin));
      expect(image.headers.get("content-type")).toBe("image/png");
      const png = Buffer.from(await image.arrayBuffer());
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], `${path} share image size`).toEqual([1200, 630]);
      if (path.startsWith(`${B}/stories/`)) expect(meta.ogType).toBe("article");
    }
  });

  it("serves the sitemap, RSS feed, robots.txt and favicon", async () => {
    for (const [file, type] of [
      ["/sitemap-index.xml", "xml"],
      ["/rss.xml", "xml"],
      ["/robots.txt", "text/plain"],
      ["/favicon.svg", "image/svg+xml"],
    ]) {
      const response = await fetch(`${server.origin}${B}${file}`);
      expect(response.status, file).toBe(200);
      expect(response.headers.get("content-type"), file).toContain(type);
    }
    expect(await (await fetch(`${server.origin}${B}/robots.txt`)).text()).toContain(`Sitemap: ${SITE}${B}/sitemap-index.xml`);
  });

  it("links the feed's channel and items to the pages' canonical URLs, guids too: no redirect on a click", async () => {
    const feed = parseFeed(await (await fetch(`${server.origin}${B}/rss.xml`)).text());
    /** A page's canonical URL, fetched without following redirects, and the ids on it. */
    const canonicalOf = async (url: string) => {
      const response = await fetch(url.replace(SITE, server.origin), { redirect: "manual" });
      expect(response.status, url).toBe(200);
      const html = await response.text();
      return { canonical: /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1], ids: new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!)) };
    };
    expect(feed.url).toBe(`${SITE}${B}/`);
    expect((await canonicalOf(feed.url!)).canonical).toBe(feed.url);
    const items = feed.items;
    // Every published story and every correction on them: four stories, one item per error (18, 7, 10 and 8).
    expect(items.filter((i) => !i.title!.startsWith("Correction: "))).toHaveLength(stories().length);
    expect(items.filter((i) => i.title!.startsWith("Correction: "))).toHaveLength(44);
    for (const item of items) {
      const url = new URL(item.url!);
      expect(item.id, item.title!).toBe(item.url);
      const page = await canonicalOf(`${url.origin}${url.pathname}`);
      expect(page.canonical, item.title!).toBe(`${url.origin}${url.pathname}`);
      expect(url.pathname, item.title!).toMatch(new RegExp(`^${B}/stories/[a-z0-9-]+/$`));
      if (url.hash) expect(page.ids.has(url.hash.slice(1)), item.url!).toBe(true);
      else expect(item.title!.startsWith("Correction: "), item.url!).toBe(false);
    }
  });

  it("offers every chart as a standalone embed page, a PNG and an SVG at its data version, with the iframe code in the figure", async () => {
    const offered = new Set<string>();
    for (const path of stories()) {
      const { page } = await open(path, { javaScriptEnabled: false });
      // The disclosure's links to this site's embed pages (its source links go elsewhere).
      const links = await page.$$eval("figure.chart .chart-more a", (as) => as.map((a) => a.getAttribute("href")!).filter((h) => h.includes("/embed/")));
      expect(links.length, `${path}: embed links`).toBeGreaterThan(0);
      for (const href of links.filter((h) => h.endsWith("/"))) offered.add(href);
    }
    // Every chart placed in any story, at the version that story pins, and nothing else.
    expect([...offered].sort()).toEqual(OFFERED.map((e) => `${B}${e}`).sort());
    const { page } = await open(`${B}/stories/county-lines-london/`, { javaScriptEnabled: false });
    expect(await page.locator("#chart-destinations-map .chart-more .embed-code code").textContent()).toContain(
      `<iframe src="${SITE}${B}/embed/destinations-map/2019-09-18-c1/"`,
    );
    // Old iframes keep working: the version a correction replaced still has its page and PNG.
    for (const href of [...offered, ...EMBEDS.filter((e) => !OFFERED.includes(e)).map((e) => `${B}${e}`)]) {
      expect(href).toMatch(new RegExp(`^${B}/embed/[a-z-]+/\\d{4}-\\d{2}-\\d{2}(?:-c\\d+)?/$`));
      const embed = await open(href, { javaScriptEnabled: false });
      // Two renderings (narrow and wide), or one for a chart drawn once (maps).
      const id = href.split("/").at(-3)!;
      expect(await embed.page.locator("figure.chart svg.chart-svg").count(), href).toBe(DRAWN_ONCE.includes(id) ? 1 : 2);
      expect(await embed.page.locator(".site-header, script").count(), href).toBe(0);
      const png = await fetch(`${server.origin}${href.replace(/\/$/, ".png")}`);
      expect(png.status, href).toBe(200);
      expect(png.headers.get("content-type"), href).toBe("image/png");
      const svg = await fetch(`${server.origin}${href.replace(/\/$/, ".svg")}`);
      expect(svg.status, href).toBe(200);
      expect(svg.headers.get("content-type"), href).toBe("image/svg+xml");
    }
  });

  it("has no broken internal link, asset, download or #fragment on any page", async () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
        d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith(".html") ? [join(dir, d.name)] : [],
      );
    const ids = new Map<string, Set<string>>();
    const idsOf = async (url: string) => {
      if (!ids.has(url)) ids.set(url, new Set([...(await (await fetch(url)).text()).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
      return ids.get(url)!;
    };
    const checked = new Map<string, number>();
    let links = 0;
    for (const file of files(out)) {
      const pagePath = `${B}/${file
        .slice(out.length + 1)
        .replace(/index\.html$/, "")
        .replace(/\.html$/, ".html")}`;
      const pageUrl = new URL(pagePath, server.origin);
      const html = readFileSync(file, "utf8");
      for (const [, raw] of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
        const url = new URL(raw!.replaceAll("&amp;", "&"), pageUrl);
        if (url.origin !== server.origin && !url.href.startsWith(SITE)) continue; // external source links
        const local = new URL(url.href.replace(SITE, server.origin));
        const target = local.href.replace(/#.*$/, "");
        if (!checked.has(target)) checked.set(target, (await fetch(target)).status);
        expect(checked.get(target), `${pagePath} → ${raw}`).toBe(200);
        if (local.hash && local.hash.length > 1) expect((await idsOf(target)).has(decodeURIComponent(local.hash.slice(1))), `${pagePath} → ${raw}`).toBe(true);
        links++;
      }
    }
    expect(links).toBeGreaterThan(200); // the crawl really covered the site
  });

  it("nginx, configured by scripts/deploy/nginx.conf, sends exactly the headers the built _headers lists, path by path", async () => {
    // The built file's paths are the site's own (without the base): nginx serves them under it.
    const rules = parseHeaders(readFileSync(join(out, "_headers"), "utf8"));
    const paths = [
      "/",
      "/stories/county-lines-london/",
      "/data/",
      "/rss.xml",
      "/embed/sex/2019-09-18/",
      "/embed/sex/2019-09-18.png",
      "/data/programme-outcomes/2022-07-27/outcomes.csv",
    ];
    for (const path of paths) {
      const response = await fetch(`${server.origin}${B}${path}`);
      expect(response.status, path).toBe(200);
      const expected = headersFor(rules, path);
      expect(Object.keys(expected).length, `${path}: _headers rules`).toBeGreaterThanOrEqual(5);
      for (const [name, value] of Object.entries(expected)) expect(response.headers.get(name), `${path} ${name}`).toBe(value);
    }
    // The 404 page carries the site-wide headers too.
    const missing = await fetch(`${server.origin}${B}/no-such-page/`);
    expect(missing.headers.get("content-security-policy")).toBe(headersFor(rules, "/no-such-page/")["Content-Security-Policy"]);
  });

  it("no page makes a request to any other origin or violates its Content-Security-Policy in Chromium, and the policy is really enforced", async () => {
    const pages = [...allPages(), `${B}/no-such-page/`];
    // One page for every visit: the listeners stay, the lists of requests and violations start empty at each page.
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() =>
      document.addEventListener("securitypolicyviolation", (e) => console.error(`Refused to load (CSP): ${e.violatedDirective} ${e.blockedURI}`)),
    );
    for (const path of pages) {
      violations.length = 0;
      requests.length = 0;
      const response = await page.goto(`${server.origin}${path}`, { waitUntil: "load" });
      // Two animation frames after load: reports of anything refused have been delivered by then.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))));
      expect(requests.length, path).toBeGreaterThan(0);
      expect(
        requests.filter((url) => !url.startsWith(server.origin)),
        path,
      ).toEqual([]);
      // The header carries frame-ancestors; the page's own meta tag carries the rest.
      expect(response?.headers()["content-security-policy"], path).toMatch(/frame-ancestors/);
      expect(await page.locator('meta[http-equiv="content-security-policy"]').getAttribute("content"), path).toMatch(
        /^default-src 'none';.*script-src 'none'; style-src 'sha256-[^']+'$/,
      );
      expect(violations, path).toEqual([]);
      // Scripts on the page are JSON-LD data blocks only, which the browser does not run.
      expect(await page.evaluate(() => [...document.scripts].filter((s) => s.type !== "application/ld+json").length), path).toBe(0);
      // The inline CSS applied (allowed by its hash): the page is laid out by our stylesheet.
      expect(await page.evaluate(() => getComputedStyle(document.body).getPropertyValue("--fg").trim()), path).toMatch(/^#/);
    }
    // Control, last (its reports may arrive after the poll sees the first): a style the page did not
    // ship is refused, and the listener above reports it.
    violations.length = 0;
    await page.goto(`${server.origin}${pages[0]}`, { waitUntil: "load" });
    await page.evaluate(() => document.head.append(Object.assign(document.createElement("style"), { textContent: "body { color: red }" })));
    await expect.poll(() => violations.join("\n")).toMatch(/style-src/);
    await context.close();
  });

  it("serves the 404 page for a missing address", async () => {
    const response = await fetch(`${server.origin}${B}/no-such-page/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Page not found");
  });
});
