import { readFileSync, readdirSync } from "node:fs";
import { parseFeed } from "@rowanmanning/feed-parser";
import { join, relative } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { parseHeaders, headersFor } from "../support/headers-file";
import { OFFERED_EMBEDS } from "../support/expected-embeds";
import { SUBPATH } from "../support/shared-builds";
import { CHARTS_PER_STORY, EMBEDS, useSite } from "../support/site-session";

/**
 * The built site served by nginx and read in Chromium, at both deployments of the same commit: what
 * depends on where it is served (the sitemap, tags, feeds, embeds, links, headers, the policy, the 404
 * page). Checks that do not depend on it run once, at the domain root: accessibility.test.ts (axe,
 * focus, contrast, print) and layout.test.ts (JavaScript off, widths, the story's lead, figures, chart text).
 */
/** Two deployments of the same commit, the shared builds: at a domain root, and under a newsroom's sub-path. */
const DEPLOYS = [
  { label: "at the domain root", site: "https://county-lines.example.org", base: "/", build: inject("rootBuild") },
  { label: "under a sub-path", site: SUBPATH.SITE_URL, base: SUBPATH.BASE_PATH, build: inject("subpathBuild") },
];
/** The embeds the stories offer today: the versions they pin. */
const OFFERED: readonly string[] = OFFERED_EMBEDS.map((e) => `/embed/${e}/`);
/** The destinations map is drawn once (one SVG that adapts with CSS); every other chart twice, narrow and wide. */
const DRAWN_ONCE = ["destinations-map"];

describe.each(DEPLOYS)("the built site in Chromium, served by nginx $label", { timeout: 180_000 }, (deploy) => {
  const { site: SITE, build } = deploy;
  const out = build.out;
  const { B, origin, pages, stories, allPages, read, browser } = useSite(deploy);

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
    expect([...pages()].sort()).toEqual(expected);
  });

  it("every page has title, description, canonical, Open Graph and Twitter tags, and stories a 1200×630 share image with alt text", async () => {
    for (const path of pages()) {
      const document = await read(path);
      const meta = (() => {
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
      })();
      for (const [key, value] of Object.entries(meta)) expect(value, `${path} ${key}`).not.toBe("");
      expect(meta.canonical).toBe(`${SITE}${path}`);
      expect(meta.card).toBe("summary_large_image");
      const image = await fetch(meta.ogImage.replace(SITE, origin()));
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
      const response = await fetch(`${origin()}${B}${file}`);
      expect(response.status, file).toBe(200);
      expect(response.headers.get("content-type"), file).toContain(type);
    }
    expect(await (await fetch(`${origin()}${B}/robots.txt`)).text()).toContain(`Sitemap: ${SITE}${B}/sitemap-index.xml`);
  });

  it("links the feed's channel and items to the pages' canonical URLs, guids too: no redirect on a click", async () => {
    const feed = parseFeed(await (await fetch(`${origin()}${B}/rss.xml`)).text());
    /** A page's canonical URL, fetched without following redirects, and the ids on it. */
    const canonicalOf = async (url: string) => {
      const response = await fetch(url.replace(SITE, origin()), { redirect: "manual" });
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
      // The disclosure's links to this site's embed pages (its source links go elsewhere).
      const links = [...(await read(path)).querySelectorAll("figure.chart .chart-more a")]
        .map((a) => a.getAttribute("href")!)
        .filter((h) => h.includes("/embed/"));
      expect(links.length, `${path}: embed links`).toBeGreaterThan(0);
      for (const href of links.filter((h) => h.endsWith("/"))) offered.add(href);
    }
    // Every chart placed in any story, at the version that story pins, and nothing else.
    expect([...offered].sort()).toEqual(OFFERED.map((e) => `${B}${e}`).sort());
    expect((await read(`${B}/stories/county-lines-london/`)).querySelector("#chart-destinations-map .chart-more .embed-code code")?.textContent).toContain(
      `<iframe src="${SITE}${B}/embed/destinations-map/2019-09-18-c1/"`,
    );
    // Old iframes keep working: the version a correction replaced still has its page and PNG.
    for (const href of [...offered, ...EMBEDS.filter((e) => !OFFERED.includes(e)).map((e) => `${B}${e}`)]) {
      expect(href).toMatch(new RegExp(`^${B}/embed/[a-z-]+/\\d{4}-\\d{2}-\\d{2}(?:-c\\d+)?/$`));
      const embed = await read(href);
      // Two renderings (narrow and wide), or one for a chart drawn once (maps).
      const id = href.split("/").at(-3)!;
      expect(embed.querySelectorAll("figure.chart svg.chart-svg").length, href).toBe(DRAWN_ONCE.includes(id) ? 1 : 2);
      expect(embed.querySelectorAll(".site-header, script").length, href).toBe(0);
      const png = await fetch(`${origin()}${href.replace(/\/$/, ".png")}`);
      expect(png.status, href).toBe(200);
      expect(png.headers.get("content-type"), href).toBe("image/png");
      const svg = await fetch(`${origin()}${href.replace(/\/$/, ".svg")}`);
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
      const pageUrl = new URL(pagePath, origin());
      const html = readFileSync(file, "utf8");
      for (const [, raw] of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
        const url = new URL(raw!.replaceAll("&amp;", "&"), pageUrl);
        if (url.origin !== origin() && !url.href.startsWith(SITE)) continue; // external source links
        const local = new URL(url.href.replace(SITE, origin()));
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
      const response = await fetch(`${origin()}${B}${path}`);
      expect(response.status, path).toBe(200);
      const expected = headersFor(rules, path);
      expect(Object.keys(expected).length, `${path}: _headers rules`).toBeGreaterThanOrEqual(5);
      for (const [name, value] of Object.entries(expected)) expect(response.headers.get(name), `${path} ${name}`).toBe(value);
    }
    // The 404 page carries the site-wide headers too.
    const missing = await fetch(`${origin()}${B}/no-such-page/`);
    expect(missing.headers.get("content-security-policy")).toBe(headersFor(rules, "/no-such-page/")["Content-Security-Policy"]);
  });

  it("no page makes a request to any other origin or violates its Content-Security-Policy in Chromium, and the policy is really enforced", async () => {
    const pages = [...allPages(), `${B}/no-such-page/`];
    // One page for every visit: the listeners stay, the lists of requests and violations start empty at each page.
    const context = await browser().newContext();
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
      const response = await page.goto(`${origin()}${path}`, { waitUntil: "load" });
      // Two animation frames after load: reports of anything refused have been delivered by then.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))));
      expect(requests.length, path).toBeGreaterThan(0);
      expect(
        requests.filter((url) => !url.startsWith(origin())),
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
    await page.goto(`${origin()}${pages[0]}`, { waitUntil: "load" });
    await page.evaluate(() => document.head.append(Object.assign(document.createElement("style"), { textContent: "body { color: red }" })));
    await expect.poll(() => violations.join("\n"), { timeout: 10_000 }).toMatch(/style-src/);
    await context.close();
  });

  it("serves the 404 page for a missing address", async () => {
    const response = await fetch(`${origin()}${B}/no-such-page/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Page not found");
  });
});
