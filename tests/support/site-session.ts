import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { launchChromium } from "../../scripts/serve/chromium";
import { startNginx, type StaticServer } from "../../scripts/serve/nginx";
import { storyFiles, storySlug } from "../../src/stories/story-files";
import { ALL_EMBEDS } from "./expected-embeds";
import type { SharedBuild } from "./shared-builds";
import type { TextBox } from "./text-overlaps";

/** Where the browser suite saves screenshots and the printed PDF, to look at. */
export const ARTIFACTS = "tests/artifacts/screenshots";

/** How many charts each published story places, read from its MDX (not from the built page). */
export const CHARTS_PER_STORY = new Map(
  storyFiles()
    .map((f) => [storySlug(f), readFileSync(f, "utf8")] as const)
    .filter(([, mdx]) => !/^draft:\s*true\s*$/m.test(mdx))
    .map(([slug, mdx]) => [slug, [...mdx.matchAll(/<Chart\b/g)].length]),
);

/** Every chart-and-version placed in a story, and the corrected versions kept for old iframes: each has an embed page and a PNG (listed by hand). */
export const EMBEDS = ALL_EMBEDS.map((e) => `/embed/${e}/`);

/** One deployment of a shared build: its public address, its base path and the build. */
export interface Deploy {
  readonly label: string;
  readonly site: string;
  readonly base: string;
  readonly build: SharedBuild;
}

/** What a browser test file reaches a served site through (see {@link useSite}). */
export interface SiteSession {
  /** The local server's origin. */
  readonly origin: () => string;
  /** The browser, for a context a test needs of its own. */
  readonly browser: () => Browser;
  /** The base path without its trailing slash ("" at the domain root): the prefix of site paths. */
  readonly B: string;
  /** The sitemap's pages, as site paths. */
  readonly pages: () => string[];
  /** The stories' pages. */
  readonly stories: () => string[];
  /** The sitemap's pages plus those it leaves out on purpose: the 404 page and every chart embed. */
  readonly allPages: () => string[];
  /** A story page's slug. */
  readonly slug: (path: string) => string;
  /** A page's name for a screenshot file. */
  readonly name: (path: string) => string;
  /**
   * Fetches `path` from the server and parses it, for checks of what the HTML says rather than how it
   * renders (tags, links, counts): no browser needed. Fails unless it answers 200.
   */
  readonly read: (path: string) => Promise<Document>;
  /** Opens `path` in the page kept for `options`, once its load event has fired; fails unless it answers 200. */
  readonly open: (path: string, options?: Parameters<Browser["newContext"]>[0]) => Promise<{ page: Page }>;
  /**
   * A page loaded once with JavaScript off, then laid out at each width (and colour scheme) in turn:
   * resizing re-runs the media queries without another request. Every user sets both.
   */
  readonly openForLayout: (path: string) => Promise<{ page: Page; at: (width: number, colorScheme?: "light" | "dark") => Promise<void> }>;
}

/**
 * Serves a deployment's build with nginx (the deployers' own configuration, scripts/deploy/nginx.conf)
 * and opens Debian's Chromium for the test file that calls it (inside a describe block: it registers
 * that block's beforeAll and afterAll). One page is kept per set of context options and reused for
 * every visit with those options: a new context per visit cost 1.8 to 2.2 s, a navigation 0.35 to 0.45 s.
 * @param deploy the deployment: address, base path and shared build
 */
export function useSite({ site, base, build }: Deploy): SiteSession {
  const B = base.replace(/\/$/, "");
  let server: StaticServer;
  let browser: Browser;
  let pages: string[];
  const tabs = new Map<string, { context: BrowserContext; page: Page }>();

  beforeAll(async () => {
    expect(build.code, build.stderr).toBe(0);
    server = await startNginx(build.out, { base });
    browser = await launchChromium();
    const sitemap = readFileSync(join(build.out, "sitemap-0.xml"), "utf8");
    pages = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.replace(site, ""));
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 240_000);
  afterAll(async () => {
    for (const tab of tabs.values()) await tab.context.close();
    await browser?.close();
    server?.stop();
  });

  const open: SiteSession["open"] = async (path, options = {}) => {
    const key = JSON.stringify(options);
    if (!tabs.has(key)) {
      const context = await browser.newContext(options);
      tabs.set(key, { context, page: await context.newPage() });
    }
    const { page } = tabs.get(key)!;
    const response = await page.goto(`${server.origin}${path}`, { waitUntil: "load" });
    expect(response?.status(), path).toBe(200);
    return { page };
  };

  const read: SiteSession["read"] = async (path) => {
    const response = await fetch(`${server.origin}${path}`);
    expect(response.status, path).toBe(200);
    return parseHTML(await response.text()).document as unknown as Document;
  };

  return {
    read,
    origin: () => server.origin,
    browser: () => browser,
    B,
    pages: () => pages,
    stories: () => pages.filter((p) => p.startsWith(`${B}/stories/`)),
    allPages: () => [...pages, `${B}/404.html`, ...EMBEDS.map((e) => `${B}${e}`)],
    slug: (path) => path.slice(`${B}/stories/`.length).replace(/\/$/, ""),
    name: (path) =>
      `${B ? "subpath-" : ""}${
        path
          .slice(B.length)
          .replace(/^\/|\/$/g, "")
          .replaceAll("/", "-") || "home"
      }`,
    open,
    openForLayout: async (path) => {
      const { page } = await open(path, { javaScriptEnabled: false, viewport: { width: 1280, height: 900 }, colorScheme: "light" });
      return {
        page,
        at: async (width, colorScheme = "light") => {
          await page.setViewportSize({ width, height: 900 });
          await page.emulateMedia({ colorScheme });
        },
      };
    },
  };
}

/**
 * The box of every chart text shown on the page, in page coordinates: the `<text>` element's
 * bounding rectangle (in Chromium, the glyph cells of all its lines, without the halo's stroke;
 * facets' and the viewBox's transforms applied). Shown means a box of some size and visible:
 * Chromium's checkVisibility() alone says true, and getBBox() gives a size, for text inside a
 * `display: none` group (the narrow-only labels on a wide map), so the client rectangle decides.
 * @param page the page, laid out as it is to be measured
 */
export function chartTextBoxes(page: Page): Promise<TextBox[]> {
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
