import { mkdirSync, readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../../scripts/serve/chromium";
import { startNginx, type StaticServer } from "../../scripts/serve/nginx";
import { splitFrontmatter, storyFiles, storySlug } from "../../src/stories/story-files";
import { SUBPATH } from "../support/shared-builds";

const ARTIFACTS = "tests/artifacts/screenshots";
/** Two deployments of the same commit, the shared builds: at a domain root, and under a newsroom's sub-path. */
const DEPLOYS = [
  { label: "at the domain root", base: "/", build: inject("rootBuild") },
  { label: "under a sub-path", base: SUBPATH.BASE_PATH, build: inject("subpathBuild") },
];
/** A phone and a laptop: the first screens the pictures' loading is decided for. */
const SCREENS = [
  { width: 375, height: 667 },
  { width: 1280, height: 800 },
];

/**
 * Each published story as its MDX file states it, read here with a YAML parser and a regex (not the
 * site's story analysis): its address, dates and standfirst, and the title of the first chart it places.
 */
const STORIES = storyFiles()
  .map((file) => {
    const mdx = readFileSync(file, "utf8");
    const { frontmatter, body } = splitFrontmatter(mdx);
    const data = parse(frontmatter ?? "") as { standfirst: string; published: string; updated?: string; draft?: boolean };
    return { slug: storySlug(file), ...data, leadTitle: /<Chart\b[^>]*?\stitle="([^"]+)"/.exec(body)?.[1] };
  })
  .filter((story) => !story.draft);

/** What the browser reads from one card, for the checks below. */
interface Card {
  href: string;
  dates: string[];
  text: string;
  img?: { src: string; alt: string; width: string | null; height: string | null; loading: string; naturalWidth: number; naturalHeight: number };
}

describe.each(DEPLOYS)("the front page in Chromium, served by nginx $label", { timeout: 120_000 }, ({ base, build }) => {
  let server: StaticServer;
  let browser: Browser;

  /** A fresh page of its own size and colour scheme, on the front page once its load event has fired. */
  async function home(viewport = SCREENS[1]!, colorScheme: "light" | "dark" = "light"): Promise<Page> {
    const context = await browser.newContext({ viewport, colorScheme });
    const page = await context.newPage();
    const response = await page.goto(`${server.origin}${base}`, { waitUntil: "load" });
    expect(response?.status()).toBe(200);
    return page;
  }

  beforeAll(async () => {
    expect(build.code, build.stderr).toBe(0);
    server = await startNginx(build.out, { base });
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    server?.stop();
  });

  it("shows every published story as a card: its link, dates, standfirst and a picture of its lead chart that loads, named by its alt text, at the PNG's own size", async () => {
    expect(STORIES.length).toBeGreaterThanOrEqual(4);
    const page = await home();
    // Bring every lazy picture in, then wait for all of them.
    await page.evaluate(() => [...document.images].forEach((img) => img.scrollIntoView()));
    await page.waitForFunction(() => [...document.images].every((img) => img.complete));
    const cards: Card[] = await page.evaluate(() =>
      [...document.querySelectorAll(".story-list > li")].map((li) => {
        const img = li.querySelector("img");
        return {
          href: li.querySelector("h2 a")?.getAttribute("href") ?? "",
          dates: [...li.querySelectorAll("time")].map((t) => t.getAttribute("datetime") ?? ""),
          text: [...li.querySelectorAll("p")].map((p) => p.textContent ?? "").join("\n"),
          img: img
            ? {
                src: img.getAttribute("src") ?? "",
                alt: img.getAttribute("alt") ?? "",
                width: img.getAttribute("width"),
                height: img.getAttribute("height"),
                loading: img.loading,
                naturalWidth: img.naturalWidth,
                naturalHeight: img.naturalHeight,
              }
            : undefined,
        };
      }),
    );
    expect(cards.map((c) => c.href).sort()).toEqual(STORIES.map((s) => `${base}stories/${s.slug}/`).sort());
    for (const story of STORIES) {
      const card = cards.find((c) => c.href === `${base}stories/${story.slug}/`)!;
      expect(card.dates, story.slug).toEqual([String(story.published), ...(story.updated ? [String(story.updated)] : [])]);
      expect(card.text, story.slug).toContain(story.standfirst);
      if (!story.leadTitle) {
        expect(card.img, `${story.slug} places no chart: no picture`).toBeUndefined();
        continue;
      }
      const img = card.img!;
      expect(img, story.slug).toBeDefined();
      expect(img.alt, story.slug).toContain(`Chart: ${story.leadTitle}`);
      // The file as served: a PNG whose own size (its IHDR chunk) the width and height attributes state.
      const response = await fetch(`${server.origin}${img.src}`);
      expect(response.status, img.src).toBe(200);
      expect(response.headers.get("content-type"), img.src).toBe("image/png");
      const png = Buffer.from(await response.arrayBuffer());
      expect(png.subarray(1, 4).toString(), img.src).toBe("PNG");
      const size = { width: String(png.readUInt32BE(16)), height: String(png.readUInt32BE(20)) };
      expect({ width: img.width, height: img.height }, img.src).toEqual(size);
      expect({ width: String(img.naturalWidth), height: String(img.naturalHeight) }, `${img.src} as the browser decoded it`).toEqual(size);
    }
    expect(cards.filter((c) => c.img).length).toBeGreaterThanOrEqual(4);
    await page.context().close();
  });

  if (base === "/") {
    it.each(SCREENS)("at $width × $height, the pictures on the first screen load at once and those below it lazily", async (viewport) => {
      const page = await home(viewport);
      const pictures = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLImageElement>(".story-list img")].map((img) => {
          const box = img.getBoundingClientRect();
          const [w, h] = [Number(img.getAttribute("width")), Number(img.getAttribute("height"))];
          return { src: img.getAttribute("src"), loading: img.loading, top: box.top, bottom: box.bottom, boxRatio: box.width / box.height, ratio: w / h };
        }),
      );
      await page.screenshot({ path: `${ARTIFACTS}/front-${viewport.width}.png` });
      const eager = pictures.filter((p) => p.loading !== "lazy");
      const lazy = pictures.filter((p) => p.loading === "lazy");
      expect(eager.length).toBeGreaterThan(0);
      expect(lazy.length).toBeGreaterThan(0);
      for (const p of eager) expect(p.top < viewport.height && p.bottom > 0, `${p.src} (eager) at top ${p.top.toFixed(0)}: on the first screen`).toBe(true);
      for (const p of lazy) expect(p.top, `${p.src} (lazy): below the first screen`).toBeGreaterThanOrEqual(viewport.height);
      // Every picture's box has the PNG's shape before it loads: nothing moves when it arrives.
      for (const p of pictures) expect(p.boxRatio, `${p.src}: box ratio`).toBeCloseTo(p.ratio, 1);
      await page.context().close();
    });

    it.each(["light", "dark"] as const)("fits 320 px without scrolling sideways, each picture framed off the page (%s scheme)", async (colorScheme) => {
      const page = await home({ width: 320, height: 640 }, colorScheme);
      const layout = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        pictures: [...document.querySelectorAll<HTMLImageElement>(".story-list img")].map((img) => {
          const s = getComputedStyle(img);
          return { right: img.getBoundingClientRect().right, border: parseFloat(s.borderTopWidth), borderColor: s.borderTopColor };
        }),
        background: getComputedStyle(document.body).backgroundColor,
      }));
      await page.screenshot({ path: `${ARTIFACTS}/front-320-${colorScheme}.png`, fullPage: true });
      expect(layout.pictures.length).toBeGreaterThan(0);
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
      for (const p of layout.pictures) {
        expect(p.right).toBeLessThanOrEqual(layout.clientWidth);
        expect(p.border).toBeGreaterThanOrEqual(1);
        expect(p.borderColor).not.toBe(layout.background);
      }
      await page.context().close();
    });

    it("runs no script: the only <script> elements allowed are JSON-LD data", async () => {
      const page = await home();
      const { scripts, pictures } = await page.evaluate(() => ({
        scripts: [...document.querySelectorAll("script")].filter((s) => s.type !== "application/ld+json").map((s) => s.outerHTML.slice(0, 80)),
        pictures: document.querySelectorAll(".story-list img").length,
      }));
      // Read from the page that shows the cards (not a blank one).
      expect(pictures).toBeGreaterThan(0);
      expect(scripts).toEqual([]);
      await page.context().close();
    });
  }
});
