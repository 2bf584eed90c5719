import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../../scripts/serve/chromium";
import { startNginx, type StaticServer } from "../../scripts/serve/nginx";
import { ALL_EMBEDS } from "../support/expected-embeds";
import { theme } from "../../src/charts/theme";

/**
 * Both embed codes of every chart, pasted into a plain page of another site (default styles, 8 px body
 * margin) and opened in Chromium: the picture and the frame fit phones and desktops without scrolling
 * sideways, the picture is as wide as its column, and the frame's page needs no scroll bar of its own.
 * All the embeds are pasted into one page, loaded once and laid out at each width in turn.
 */
const build = inject("rootBuild");
/** The root build's public origin (the default SITE_URL), which the codes' absolute addresses start with. */
const SITE = "https://county-lines.example.org";
/** Another site's origin, where the host page is served (by the test, not nginx). */
const HOST = "http://host.example";
/** Where the codes are pasted: a small phone, a common phone, a tablet, a desktop (the widths embed-heights.ts is measured at). */
const WIDTHS = [320, 375, 768, 1280] as const;
/** The least height that fits a page `content` px tall, as src/figures/embed-heights.ts chooses it: 4% for readers' fonts, rounded up to 10 px. */
const fitting = (content: number) => Math.ceil((content * 1.04) / 10) * 10;

/** The two codes an embed page offers, read from the built page. */
function codesOf(embed: string): { figure: string; iframe: string } {
  const doc = new JSDOM(readFileSync(join(build.out, "embed", embed, "index.html"), "utf8")).window.document;
  const figure = doc.querySelector(".embed-share .embed-picture-code code")?.textContent;
  const iframe = doc.querySelector(".embed-share .embed-code code")?.textContent;
  expect(figure && iframe, `embed/${embed}/ offers both codes`).toBeTruthy();
  return { figure: figure!, iframe: iframe! };
}

/** A plain page of another site with both codes of each embed pasted in, one section each. */
function hostPage(embeds: readonly string[]): string {
  const sections = embeds.map((embed) => {
    const { figure, iframe } = codesOf(embed);
    return `<section data-embed="${embed}"><p>A picture of the chart:</p>${figure}<p>The chart in a frame:</p>${iframe}</section>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title></head>
<body><h1>Another site</h1>${sections.join("")}</body></html>`;
}

describe("embed codes pasted into another site's page, in Chromium", { timeout: 300_000 }, () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    expect(build.code, build.stderr).toBe(0);
    server = await startNginx(build.out, { base: "/" });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    server?.stop();
  });

  /**
   * A page `width` px wide, in `colorScheme`, showing the host page with `embeds`' codes (addresses moved from the public
   * origin to the local nginx), once every picture has loaded and every frame's page has fired its load event.
   */
  async function paste(embeds: readonly string[], width: number, colorScheme: "light" | "dark" = "light"): Promise<{ page: Page; frames: Map<string, Frame> }> {
    const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme });
    // The codes are pasted as offered, with their public addresses: the test answers for both origins,
    // the site's from nginx (Chromium itself may not reach a loopback server from a public page).
    await context.route(`${SITE}/**`, async (route) =>
      route.fulfill({ response: await route.fetch({ url: route.request().url().replace(SITE, server.origin) }) }),
    );
    await context.route(`${HOST}/`, (route) => route.fulfill({ contentType: "text/html", body: hostPage(embeds) }));
    const page = await context.newPage();
    await page.goto(`${HOST}/`, { waitUntil: "load" });
    const frames = new Map<string, Frame>();
    for (const embed of embeds) {
      // The frames are loading="lazy": bring each on screen, then wait for its page.
      const url = `${SITE}/embed/${embed}/`;
      await page.locator(`section[data-embed="${embed}"] iframe`).scrollIntoViewIfNeeded();
      const frame = page.frames().find((f) => f.url() === url) ?? (await page.waitForEvent("framenavigated", { predicate: (f) => f.url() === url }));
      await frame.waitForLoadState("load");
      frames.set(embed, frame);
    }
    await page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
    return { page, frames };
  }

  /** The frame's page: the height its content needs (the root element's box: body, margins and all), its scroll height and the frame's own height. */
  const frameSize = (frame: Frame) =>
    frame.evaluate(() => ({
      content: Math.ceil(document.documentElement.getBoundingClientRect().height),
      scrollHeight: document.documentElement.scrollHeight,
      clientHeight: document.documentElement.clientHeight,
    }));

  it("at 320, 375, 768 and 1280 px, every embed: no sideways scrolling, the picture and the frame as wide as their column, the frame as tall as its page needs and no taller", async () => {
    // One host page, laid out at each width in turn: the frames load once and are laid out again.
    const { page, frames } = await paste(ALL_EMBEDS, WIDTHS[0]);
    const tallest = new Map<string, { content: number; width: number; height: number }>();
    const problems: string[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      const layout = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        sections: [...document.querySelectorAll("section[data-embed]")].map((section) => ({
          embed: section.getAttribute("data-embed")!,
          img: section.querySelector("figure img")!.getBoundingClientRect().width,
          frame: section.querySelector("iframe")!.getBoundingClientRect().width,
          inside: section.querySelector("iframe")!.clientWidth,
          height: Number(section.querySelector("iframe")!.getAttribute("height")),
          column: section.getBoundingClientRect().width,
        })),
      }));
      expect(layout.scrollWidth, `at ${width} px: page width`).toBeLessThanOrEqual(layout.clientWidth);
      expect(layout.sections.map((s) => s.embed)).toEqual([...ALL_EMBEDS]);
      for (const { embed, img, frame, inside, height, column } of layout.sections) {
        expect(img, `${embed} at ${width} px: the picture fills its column`).toBeCloseTo(column, 0);
        expect(frame, `${embed} at ${width} px: the frame fills its column`).toBeCloseTo(column, 0);
        // A frame from another origin is laid out in a process of its own, which hears of its new width
        // later, and later still when it is off screen and the machine busy (CI once took over a second):
        // bring it on screen and give it time.
        await page.locator(`section[data-embed="${embed}"] iframe`).scrollIntoViewIfNeeded();
        await expect
          .poll(() => frames.get(embed)!.evaluate(() => document.documentElement.clientWidth), {
            message: `${embed} at ${width} px: the frame's page takes its width`,
            timeout: 15_000,
          })
          .toBe(inside);
        const inner = await frameSize(frames.get(embed)!);
        expect(inner.clientHeight, `${embed} at ${width} px: the frame is as tall as its code says`).toBe(height);
        // The chart, its title and key at least: a smaller figure means the page was not measured.
        expect(inner.content, `${embed} at ${width} px: the page's content measured`).toBeGreaterThan(300);
        if (inner.scrollHeight > inner.clientHeight + 1)
          problems.push(`${embed} at ${width} px: its page is ${inner.scrollHeight} px tall in a ${inner.clientHeight} px frame, which scrolls`);
        if (inner.content > (tallest.get(embed)?.content ?? 0)) tallest.set(embed, { content: inner.content, width, height });
      }
    }
    // And no taller than it needs: the tallest the page is at these widths, with the margin for fonts.
    for (const [embed, { content, width, height }] of tallest)
      // (Ten pixels of slack: a page a pixel taller or shorter on another run must not flip the rounding.)
      if (height > fitting(content) + 10 || height < content)
        problems.push(`${embed}: its page is at most ${content} px tall (at ${width} px), so its frame should be ${fitting(content)} px high, not ${height}`);
    console.log(`[embed heights] ${[...tallest].map(([e, t]) => `${e} ${t.height} px (page at most ${t.content} px, at ${t.width} px)`).join("; ")}`);
    await page.context().close();
    expect(problems, "set these heights in src/figures/embed-heights.ts").toEqual([]);
  });

  it("shows phones the narrow drawing, its smallest text at 11 CSS px or more, and wider screens the wide one, each dark for readers who prefer dark", async () => {
    // A chart drawn twice (narrow and wide), and one drawn once (the destinations map: one file for every width).
    const twice = ALL_EMBEDS.find((e) => e.startsWith("sex/"))!;
    const once = ALL_EMBEDS.find((e) => e.startsWith("destinations-map/"))!;
    const seen: string[] = [];
    // Two host pages, each loaded fresh (a phone in light, a desktop in dark: what the browser picks on
    // load), then resized or switched to the other scheme: it chooses the picture's source again at each
    // change, as a phone turned sideways or a reader's switch to dark would make it.
    let page: Page | undefined;
    for (const [width, scheme, fresh] of [
      [320, "light", true],
      [375, "dark", false],
      [1280, "dark", true],
      [1280, "light", false],
    ] as const) {
      if (fresh) {
        await page?.context().close();
        page = (await paste([twice, once], width, scheme)).page;
      }
      if (!page) throw new Error("no host page");
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme: scheme });
      const phone = await page.evaluate((media) => matchMedia(media).matches, theme.narrowMedia);
      expect(phone, `${width} px: a phone by the site's own breakpoint`).toBe(width < 400);
      const dark = scheme === "dark" ? "-dark" : "";
      const expected = [`${SITE}/embed/${twice}${phone ? "-narrow" : ""}${dark}.svg`, `${SITE}/embed/${once}${dark}.svg`];
      // The new file is chosen at once and shown once loaded: wait for both.
      const host = page;
      const pictures = () =>
        host.evaluate(() =>
          [...document.querySelectorAll<HTMLImageElement>("figure img")].map((img) => ({
            src: img.complete && img.naturalWidth > 0 ? img.currentSrc : "(loading)",
            scale: img.getBoundingClientRect().width / img.naturalWidth,
          })),
        );
      await expect.poll(async () => (await pictures()).map((s) => s.src), { message: `${width} px, ${scheme}`, timeout: 15_000 }).toEqual(expected);
      const shown = await pictures();
      // The smallest text the file draws, at the size the page shows it.
      const svg = await (await fetch(shown[0]!.src.replace(SITE, server.origin))).text();
      const sizes = [...svg.matchAll(/font-size="(\d+(?:\.\d+)?)"/g)].map((m) => Number(m[1]));
      expect(sizes.length, `${shown[0]!.src}: text sizes found`).toBeGreaterThan(5);
      const smallest = Math.min(...sizes) * shown[0]!.scale;
      seen.push(`${width} px ${scheme}: smallest text ${smallest.toFixed(1)} CSS px`);
      if (phone) expect(smallest, `${twice} at ${width} px: smallest text in CSS px`).toBeGreaterThanOrEqual(11);
    }
    await page?.context().close();
    console.log(`[picture embed] ${seen.join("; ")}`);
  });
});
