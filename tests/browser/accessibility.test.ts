import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, inject, it } from "vitest";
import { paletteCss } from "../../src/render/palette";
import { contrast, parseRgb } from "../support/contrast";
import { ARTIFACTS, useSite } from "../support/site-session";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * Accessibility, contrast and print in Chromium, on the shared root build served by nginx: they do not
 * depend on where the site is served, so they run once (site.test.ts checks what does, at both deployments).
 */
describe("the built site in Chromium: accessibility, contrast and print", { timeout: 180_000 }, () => {
  const { B, origin, pages, stories, allPages, open, browser } = useSite({
    label: "at the domain root",
    site: "https://county-lines.example.org",
    base: "/",
    build: inject("rootBuild"),
  });

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
    // The site's CSP forbids scripts, rightly; the test bypasses it only to give each page axe, as an
    // init script (compiled once for the context: 0.2 s a page against 0.5 s for a script tag).
    const context = await browser().newContext({ colorScheme: "light", bypassCSP: true });
    await context.addInitScript({ content: AXE });
    const page = await context.newPage();
    for (const path of allPages()) {
      const response = await page.goto(`${origin()}${path}`, { waitUntil: "load" });
      expect(response?.status(), path).toBe(200);
      for (const colorScheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme });
        expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(colorScheme === "dark");
        const violations = await page.evaluate(async (runOnly) => {
          const axe = (
            window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
          ).axe;
          // Violations only: axe then skips collecting every passing node (25-30% faster on a story).
          const result = await axe.run(document, { runOnly, resultTypes: ["violations"] });
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
    await context.close();
  });

  it("every interactive element is reachable with Tab and shows a visible focus style", async () => {
    for (const path of pages()) {
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
      // The presses are sent one after another without waiting for each to be answered (DevTools
      // delivers them in order, and the page handles each before the next): 0.4 s for a story's 240
      // presses, against 1.6 s pressed one at a time.
      const devtools = await page.context().newCDPSession(page);
      const tab = { key: "Tab", code: "Tab", windowsVirtualKeyCode: 9 };
      await Promise.all(
        Array.from({ length: interactive + 2 }, () => [
          devtools.send("Input.dispatchKeyEvent", { type: "rawKeyDown", ...tab }),
          devtools.send("Input.dispatchKeyEvent", { type: "keyUp", ...tab }),
        ]).flat(),
      );
      await devtools.detach();
      const focused = await page.evaluate(() => (window as unknown as { focusSeen: { key: string; visible: boolean }[] }).focusSeen);
      for (const focus of focused) expect(focus.visible, `${path}: focus style of ${focus.key}`).toBe(true);
      const seen = new Set(focused.map((f) => f.key));
      const visibleInteractive = await page.locator("a[href]:visible, summary:visible").count();
      expect(seen.size, `${path}: focusable elements reached by Tab`).toBeGreaterThanOrEqual(visibleInteractive);
    }
  });

  it.each(["light", "dark"] as const)("chart marks have at least 3:1 contrast with the page (%s scheme)", async (colorScheme) => {
    for (const path of stories()) {
      const { page } = await open(path, { colorScheme, viewport: { width: 1280, height: 900 } });
      const marks = await page.evaluate(() => {
        const bg = getComputedStyle(document.body).backgroundColor;
        return [
          ...document.querySelectorAll('svg.chart-svg g[data-mark="bar"] rect, svg.chart-svg g[data-mark="geo"] path, svg.chart-svg g[data-mark="link"] path'),
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
    const context = await browser().newContext({ colorScheme: "dark" });
    const page = await context.newPage();
    await page.goto(`${origin()}${B}/stories/county-lines-london/`, { waitUntil: "load" });
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
