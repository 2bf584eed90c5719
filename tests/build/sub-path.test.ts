import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { headersFile } from "../../src/render/response-headers";
import { parseHeaders } from "../support/headers-file";

/** The shared builds (tests/support/shared-builds.ts): at a domain root, and for https://news.example.com/news/county-lines/. */
const root = inject("rootBuild");
const subpath = inject("subpathBuild");
const read = (build: typeof root, file: string) => readFileSync(join(build.out, file), "utf8");

describe("files a host reads at its root, in a sub-path build", () => {
  it("the build says, after where it wrote, what the host's root robots.txt and _headers need", () => {
    expect(subpath.code, subpath.stderr).toBe(0);
    expect(subpath.stderr).toBe("");
    expect(subpath.stdout).toBe(
      `Built ${subpath.out}
Built for https://news.example.com/news/county-lines/. Two files count only at the root of a host:
- robots.txt: crawlers read only https://news.example.com/robots.txt, so that file must carry the lines of this build's robots.txt: "Disallow: /news/county-lines/embed/" and "Sitemap: https://news.example.com/news/county-lines/sitemap-index.xml".
- _headers: this build's _headers is for a host that serves the built folder at its own root (a site of its own, proxied at /news/county-lines/); if the folder is copied into /news/county-lines/ of a larger site instead, that site's root _headers needs the same rules with /news/county-lines/ before each path (README, "Deploy anywhere").
`,
    );
  });

  it("robots.txt names the sitemap by its full address and says which file crawlers really read", () => {
    expect(read(subpath, "robots.txt")).toBe(
      "# Crawlers read only https://news.example.com/robots.txt: that file must carry the lines below.\nUser-agent: *\nDisallow: /news/county-lines/embed/\n\nSitemap: https://news.example.com/news/county-lines/sitemap-index.xml\n",
    );
    expect(read(root, "robots.txt")).toBe("User-agent: *\nDisallow: /embed/\n\nSitemap: https://county-lines.example.org/sitemap-index.xml\n");
  });

  it("_headers has the site's own paths, for a host that serves the built folder at its root, in both builds", () => {
    for (const build of [root, subpath]) {
      expect(parseHeaders(read(build, "_headers")).map((r) => r.pattern)).toEqual(["/*", "/embed/*"]);
      expect(read(build, "_headers")).toContain("# Paths are this folder's own: the file counts where the folder is served at the root of a host.\n");
    }
    expect(read(subpath, "_headers")).toBe(read(root, "_headers"));
  });

  it("the rules for a larger site's root _headers, as the README gives them, are the built ones with the base before each path", () => {
    const readme = readFileSync("README.md", "utf8");
    const larger = headersFile("/news/county-lines/");
    expect(parseHeaders(larger).map((r) => r.pattern)).toEqual(["/news/county-lines/*", "/news/county-lines/embed/*"]);
    expect(parseHeaders(larger).map((r) => r.headers)).toEqual(parseHeaders(read(subpath, "_headers")).map((r) => r.headers));
    // The README shows that file's rules for its example sub-path, word for word.
    // (It sits in a list item: its lines are indented by two spaces.)
    const shown = /^ {2}```text\n( {2}\/news\/county-lines\/\*\n[\s\S]*?) {2}```$/m.exec(readme)?.[1]?.replace(/^ {2}/gm, "");
    expect(shown).toBe(larger.slice(larger.indexOf("/news/county-lines/*")));
  });
});

describe("the 404 page, served at every missing address", () => {
  it.each([
    ["at the root", root, "https://county-lines.example.org/"],
    ["under a sub-path", subpath, "https://news.example.com/news/county-lines/"],
  ])("%s has no canonical URL, is not indexed, and a shared link gives the site's home, never /404/", (_label, build, home) => {
    const html = read(build, "404.html");
    expect(html).not.toContain('rel="canonical"');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect([...html.matchAll(/<meta property="og:url" content="([^"]*)">/g)].map((m) => m[1])).toEqual([home]);
    expect(html).not.toContain("/404/");
  });
});
