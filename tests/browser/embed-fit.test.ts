import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../../scripts/serve/chromium";
import { startNginx, type StaticServer } from "../../scripts/serve/nginx";
import { ALL_EMBEDS } from "../support/expected-embeds";

/**
 * Both embed codes of every chart, pasted into a plain page of another site (default styles, 8 px body
 * margin) and opened in Chromium: the picture and the frame fit phones and desktops without scrolling
 * sideways, the picture is as wide as its column, and the frame's page needs no scroll bar of its own.
 * The frame's page height is printed for every chart at every width (the figures behind
 * src/figures/embed-heights.ts).
 */
const build = inject("rootBuild");
/** The root build's public origin (the default SITE_URL), which the codes' absolute addresses start with. */
const SITE = "https://county-lines.example.org";
/** Another site's origin, where the host page is served (by the test, not nginx). */
const HOST = "http://host.example";
/** Where the codes are pasted: a phone, a common phone, a desktop. */
const WIDTHS = [320, 375, 1280] as const;
/** Where the frame must need no scroll bar. */
const FITS = [375, 1280];
/** Further measurements for the record: a tablet, and the frame in a 640 and a 720 px column. */
const COLUMNS = [{ viewport: 768 }, { viewport: 1280, column: 640 }, { viewport: 1280, column: 720 }];

/** The two codes an embed page offers, read from the built page. */
function codesOf(embed: string): { figure: string; iframe: string } {
  const doc = new JSDOM(readFileSync(join(build.out, "embed", embed, "index.html"), "utf8")).window.document;
  const figure = doc.querySelector(".embed-share .embed-picture-code code")?.textContent;
  const iframe = doc.querySelector(".embed-share .embed-code code")?.textContent;
  expect(figure && iframe, `embed/${embed}/ offers both codes`).toBeTruthy();
  return { figure: figure!, iframe: iframe! };
}

/** A plain page of another site with both codes pasted in, in a column `column` px wide if given. */
function hostPage({ figure, iframe }: { figure: string; iframe: string }, column?: number): string {
  const open = column ? `<div style="width:${column}px">` : "<div>";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title></head>
<body><h1>Another site</h1>${open}<p>A picture of the chart:</p>${figure}<p>The chart in a frame:</p>${iframe}</div></body></html>`;
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
   * A page `width` px wide showing the host page with `embed`'s codes (addresses moved from the public
   * origin to the local nginx), once the picture has loaded and the frame's page has fired its load event.
   */
  async function paste(embed: string, width: number, column?: number, colorScheme: "light" | "dark" = "light"): Promise<{ page: Page; frame: Frame }> {
    const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme });
    // The codes are pasted as offered, with their public addresses: the test answers for both origins,
    // the site's from nginx (Chromium itself may not reach a loopback server from a public page).
    await context.route(`${SITE}/**`, async (route) =>
      route.fulfill({ response: await route.fetch({ url: route.request().url().replace(SITE, server.origin) }) }),
    );
    await context.route(`${HOST}/`, (route) => route.fulfill({ contentType: "text/html", body: hostPage(codesOf(embed), column) }));
    const page = await context.newPage();
    await page.goto(`${HOST}/`, { waitUntil: "load" });
    // The frame is loading="lazy": bring it on screen, then wait for its page.
    const url = `${SITE}/embed/${embed}/`;
    await page.locator("iframe").scrollIntoViewIfNeeded();
    const frame = page.frames().find((f) => f.url() === url) ?? (await page.waitForEvent("framenavigated", { predicate: (f) => f.url() === url }));
    await frame.waitForLoadState("load");
    await page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
    return { page, frame };
  }

  /** The frame's page: its scroll and visible heights, and its content's own height (whatever the frame's). */
  const frameSize = (frame: Frame) =>
    frame.evaluate(() => ({
      scrollHeight: document.documentElement.scrollHeight,
      clientHeight: document.documentElement.clientHeight,
      content: Math.ceil(document.documentElement.getBoundingClientRect().height),
    }));

  const measured: string[] = [];
  afterAll(() => {
    const head = ["embed", ...WIDTHS.map((w) => `${w} px`), "768 px", "640 col", "720 col", "frame"];
    console.log(`Embed page heights (CSS px) in a frame of another site's page:\n${[head.join("\t"), ...measured].join("\n")}`);
  });

  it.each(ALL_EMBEDS)("%s: no sideways scrolling, the picture as wide as its column, the frame without a scroll bar", async (embed) => {
    const heights: number[] = [];
    const overflows: string[] = [];
    let declared = 0;
    for (const width of WIDTHS) {
      const { page, frame } = await paste(embed, width);
      const layout = await page.evaluate(() => {
        const img = document.querySelector("figure img")!;
        const iframe = document.querySelector("iframe")!;
        return {
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
          img: img.getBoundingClientRect().width,
          column: img.closest("figure")!.parentElement!.getBoundingClientRect().width,
          frame: iframe.getBoundingClientRect().width,
          frameHeight: iframe.getBoundingClientRect().height,
        };
      });
      const inner = await frameSize(frame);
      heights.push(inner.content);
      declared = layout.frameHeight;
      expect(layout.scrollWidth, `${embed} at ${width} px: page width`).toBeLessThanOrEqual(layout.clientWidth);
      expect(layout.img, `${embed} at ${width} px: the picture fills its column`).toBeCloseTo(layout.column, 0);
      expect(layout.frame, `${embed} at ${width} px: the frame fills its column`).toBeCloseTo(layout.column, 0);
      if (FITS.includes(width) && inner.scrollHeight > inner.clientHeight + 1)
        overflows.push(
          `${embed} at ${width} px: its page is ${inner.scrollHeight} px tall in a ${inner.clientHeight} px frame; set "${embed}" in src/figures/embed-heights.ts to at least ${inner.scrollHeight}`,
        );
      await page.context().close();
    }
    for (const { viewport, column } of COLUMNS) {
      const { page, frame } = await paste(embed, viewport, column);
      heights.push((await frameSize(frame)).content);
      await page.context().close();
    }
    measured.push([embed, ...heights, declared].join("\t"));
    expect(overflows).toEqual([]);
  });

  it("shows readers who prefer dark the dark picture, and the others the light one", async () => {
    const embed = ALL_EMBEDS[0]!;
    for (const scheme of ["light", "dark"] as const) {
      const { page } = await paste(embed, 375, undefined, scheme);
      const src = await page.evaluate(() => document.querySelector<HTMLImageElement>("figure img")!.currentSrc);
      expect(src, scheme).toBe(`${SITE}/embed/${embed}${scheme === "dark" ? "-dark" : ""}.svg`);
      await page.context().close();
    }
  });
});
