import { existsSync } from "node:fs";
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { siteAddress } from "../../scripts/lib/site-address";
import { buildSite, tempOut } from "../support/build-site";

/** The one sentence a malformed setting gets, written out by hand. */
const origin = (name: string, value: string, problem: string) =>
  `${name} is "${value}", ${problem}: set SITE_URL to the site's public origin, scheme and host only, e.g. SITE_URL=https://news.example.com (a folder goes in BASE_PATH).`;
const folder = (value: string) =>
  `BASE_PATH is "${value}", which is not a folder path with a slash at both ends: set it to "/" for the root of a domain, or to the folder, e.g. BASE_PATH=/news/county-lines/.`;

describe("SITE_URL and BASE_PATH", () => {
  it("take an origin and a folder as given; an origin's trailing slash is dropped", () => {
    expect(siteAddress({ SITE_URL: "https://news.example.com/", BASE_PATH: "/news/county-lines/" })).toEqual({
      site: "https://news.example.com",
      base: "/news/county-lines/",
      placeholder: false,
    });
    expect(siteAddress({ SITE_URL: "http://localhost:4321" })).toEqual({ site: "http://localhost:4321", base: "/", placeholder: false });
  });

  it("default to the placeholder and the root when unset or empty, and to Netlify's URL on Netlify", () => {
    const placeholder = { site: "https://county-lines.example.org", base: "/", placeholder: true };
    expect(siteAddress({})).toEqual(placeholder);
    expect(siteAddress({ SITE_URL: "", BASE_PATH: "" })).toEqual(placeholder);
    // Netlify's URL only on Netlify: elsewhere URL may mean anything.
    expect(siteAddress({ URL: "https://cl.netlify.app" })).toEqual(placeholder);
    expect(siteAddress({ NETLIFY: "true", URL: "https://cl.netlify.app" })).toEqual({ site: "https://cl.netlify.app", base: "/", placeholder: false });
    expect(siteAddress({ NETLIFY: "true", URL: "https://cl.netlify.app", SITE_URL: "https://news.example.com" }).site).toBe("https://news.example.com");
    // Given explicitly, the placeholder is intended: no warning.
    expect(siteAddress({ SITE_URL: "https://county-lines.example.org" }).placeholder).toBe(false);
  });

  it.each([
    ["news.example.com", "which is not a full web address"],
    ["ftp://x", "which does not start with https:// (or http://)"],
    ["localhost:4321", "which does not start with https:// (or http://)"],
    ["https://x.com/path?q", "which has more than a scheme and a host"],
    ["https://news.example.com/news/county-lines/", "which has more than a scheme and a host"],
    ["https://x.com?", "which has more than a scheme and a host"],
    ["https://user:pw@x.com", "which has more than a scheme and a host"],
  ])("a malformed SITE_URL %s is one sentence: the variable, the value, an example", (value, problem) => {
    expect(() => siteAddress({ SITE_URL: value })).toThrow(origin("SITE_URL", value, problem));
  });

  it("a malformed Netlify URL is named as such", () => {
    expect(() => siteAddress({ NETLIFY: "true", URL: "cl.netlify.app" })).toThrow(
      origin("URL (Netlify's, read as SITE_URL)", "cl.netlify.app", "which is not a full web address"),
    );
  });

  it.each(["news", "news/county-lines", "/news/county-lines", "news/", "//", "/news//x/", "/../", "/a b/", "/news?x/", "/news#x/"])(
    "a malformed BASE_PATH %s is one sentence: the variable, the value, an example",
    (value) => {
      expect(() => siteAddress({ BASE_PATH: value })).toThrow(folder(value));
    },
  );
});

describe("a production build with a malformed setting", () => {
  it.each([
    [{ SITE_URL: "news.example.com" }, origin("SITE_URL", "news.example.com", "which is not a full web address")],
    [{ SITE_URL: "https://x.com/path?q" }, origin("SITE_URL", "https://x.com/path?q", "which has more than a scheme and a host")],
    [{ BASE_PATH: "news/county-lines" }, folder("news/county-lines")],
  ])("%o stops at once with that sentence, exits non-zero and writes nothing", async (env, message) => {
    const out = tempOut();
    const result = await buildSite(out, env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`\nBuild failed: ${message}\nNothing was published: no output was written.\n`);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(dirname(out))).toBe(true);
  });
});
