import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { textOverlaps } from "../support/text-overlaps";
import { ARTIFACTS, CHARTS_PER_STORY, EMBEDS, chartTextBoxes, useSite } from "../support/site-session";

/**
 * Layout in Chromium, on the shared root build served by nginx: every page with JavaScript off, each
 * story at phone, tablet and desktop widths in both schemes, the story's lead on the first screen, what a
 * figure shows, the page column, and chart text neither cut off nor drawn over other text. None of it
 * depends on where the site is served, so it runs once (site.test.ts checks what does, at both deployments).
 */
describe("the built site in Chromium: layout at every width", { timeout: 180_000 }, () => {
  const { B, pages, stories, slug, name, openForLayout } = useSite({
    label: "at the domain root",
    site: "https://county-lines.example.org",
    base: "/",
    build: inject("rootBuild"),
  });

  /**
   * Every page here is opened with JavaScript off (openForLayout), as some readers have it: checks that
   * `path`, laid out at `width`, is complete: one heading, and every chart its story places (or an embed
   * page's one chart) shown, in one drawing of some height. Returns the number of charts it saw.
   */
  async function expectComplete(page: Page, path: string, width: number): Promise<number> {
    expect(await page.locator("main h1").count(), `${path} at ${width}`).toBe(1);
    const charts = await page.evaluate(() =>
      [...document.querySelectorAll("figure.chart")].map((f) => {
        const visible = [...f.querySelectorAll("svg.chart-svg")].filter((s) => s.getBoundingClientRect().width > 0);
        return { id: f.id, visible: visible.length, height: visible[0]?.getBoundingClientRect().height ?? 0 };
      }),
    );
    // Each story shows every chart its MDX places; each embed page shows its one chart.
    if (path.startsWith(`${B}/stories/`)) expect(charts.length, `${path}: charts placed in the MDX`).toBe(CHARTS_PER_STORY.get(slug(path)));
    if (path.startsWith(`${B}/embed/`)) expect(charts.length, path).toBe(1);
    for (const chart of charts) {
      expect(chart.visible, `${path} ${chart.id} at ${width}: drawings shown`).toBe(1);
      expect(chart.height, `${path} ${chart.id} at ${width}`).toBeGreaterThan(50);
    }
    return charts.length;
  }

  it("each story at 320, 768 and 1280 px, light and dark: no horizontal scrolling, chart text ≥ 11 CSS px (screenshots saved at 320 and 1280)", async () => {
    // Screenshots to look at: the phone in light and dark, and the desktop in light (the dark scheme
    // changes colours only, as the axe test asserts; the tablet's layout is the desktop's in a narrower
    // column). A full-page screenshot of a story (up to 27,000 px tall at 320) costs 1 to 3 s.
    const shot = (width: number, colorScheme: string) => width === 320 || (width === 1280 && colorScheme === "light");
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

  it("with JavaScript off, every page is complete (every chart and map shown) and keeps its content in the header's column at 320, 768 and 1280 px (the Data page once spread wider)", async () => {
    let storyPages = 0;
    for (const path of [...pages(), `${B}/404.html`]) {
      const { page, at } = await openForLayout(path);
      if (path.startsWith(`${B}/stories/`)) storyPages++;
      for (const width of [320, 768, 1280]) {
        await at(width);
        await expectComplete(page, path, width);
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
    expect(storyPages).toBe(CHARTS_PER_STORY.size);
  });

  it("cuts off no chart text and draws none over another: every SVG text shown lies inside its SVG (light) and clear of the others (light and dark), at 320, 375, 768 and 1280 px, on every page with a chart, each complete with JavaScript off", async () => {
    let measured = 0;
    let compared = 0;
    const overlaps: string[] = [];
    for (const path of [...stories(), ...EMBEDS.map((e) => `${B}${e}`)]) {
      const { page, at } = await openForLayout(path);
      for (const width of [320, 375, 768, 1280]) {
        await at(width);
        if (path.startsWith(`${B}/embed/`)) await expectComplete(page, path, width);
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
});
