import { expect, it } from "vitest";
import { testDeployConfig } from "../../scripts/serve/nginx";
import { readFileSync } from "node:fs";
import { HEADER_POLICY, PAGE_DIRECTIVES, withExactPolicy } from "../../src/render/content-security-policy";
import { headersFile, RESPONSE_HEADERS } from "../../src/render/response-headers";
import { headersFor, parseHeaders } from "../support/headers-file";

const rules = parseHeaders(headersFile("/"));

/** The add_header lines of nginx.conf: the server block's, and the /embed/ location's. */
function nginxHeaders(): { site: Record<string, string>; embed: Record<string, string> } {
  const conf = readFileSync("scripts/deploy/nginx.conf", "utf8");
  const embedBlock = /location \/embed\/ \{([\s\S]*?)\}/.exec(conf)![1]!;
  const headers = (text: string) => Object.fromEntries([...text.matchAll(/^\s*add_header (\S+) "([^"]*)" always;$/gm)].map((m) => [m[1]!, m[2]!]));
  return { site: headers(conf.replace(/location [^{]*\{[\s\S]*?\}/g, "")), embed: headers(embedBlock) };
}

// That nginx sends these same headers, path by path, is checked against the real server in the
// browser suite, which serves the site with scripts/deploy/nginx.conf itself.
it.each(["/", "/news/county-lines/"])("nginx -t accepts scripts/deploy/nginx.conf as a deployer installs it (base %s)", (base) => {
  const result = testDeployConfig({ base });
  expect(result.output).toMatch(/syntax is ok/);
  expect(result.ok, result.output).toBe(true);
});

it("scripts/deploy/nginx.conf sends exactly the declared headers, on site pages and embeds", () => {
  const nginx = nginxHeaders();
  expect(Object.keys(nginx.site).length).toBeGreaterThanOrEqual(5);
  expect(nginx).toEqual(RESPONSE_HEADERS);
});

it("the built _headers file gives the declared headers, its patterns under the base path", () => {
  for (const base of ["/", "/news/county-lines/"]) {
    const parsed = parseHeaders(headersFile(base));
    expect(parsed.map((r) => r.pattern)).toEqual([`${base}*`, `${base}embed/*`]);
    expect(headersFor(parsed, `${base}stories/x/`)).toEqual(RESPONSE_HEADERS.site);
    expect(headersFor(parsed, `${base}embed/x/2019-09-18/`)).toEqual(RESPONSE_HEADERS.embed);
  }
  // Written out by hand: what Netlify and Cloudflare read.
  expect(headersFile("/news/")).toContain(
    "/news/*\n  Content-Security-Policy: script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'\n  Referrer-Policy: strict-origin-when-cross-origin\n  X-Content-Type-Options: nosniff\n  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=()\n  Cache-Control: public, max-age=0, must-revalidate\n\n/news/embed/*\n  Content-Security-Policy: script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors *\n",
  );
});

it("the Content-Security-Policy header adds frame-ancestors to the pages' meta policy and repeats the rest word for word", () => {
  const site = headersFor(rules, "/stories/x/")["Content-Security-Policy"]!;
  const embed = headersFor(rules, "/embed/x/")["Content-Security-Policy"]!;
  const directives = (policy: string) => policy.split(";").map((d) => d.trim());
  // Written out here, not read from the code: what a reader's browser is told.
  expect(directives(site)).toEqual(["script-src 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"]);
  expect(directives(embed)).toEqual(["script-src 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors *"]);
  expect(HEADER_POLICY).toEqual({ site, embed });
  // Both policies are enforced: a header style-src or default-src would block the pages' inline CSS.
  expect(site).not.toMatch(/default-src|style-src|unsafe-inline|unsafe-eval|https?:/);
  // Apart from frame-ancestors (which a meta tag cannot carry) and object-src (covered by the meta's
  // default-src 'none'), every header directive is in the meta policy as written.
  for (const directive of directives(site).filter((d) => !/^(frame-ancestors|object-src) /.test(d))) expect(PAGE_DIRECTIVES).toContain(directive);
  expect(PAGE_DIRECTIVES).toContain("default-src 'none'");
  expect(headersFor(rules, "/stories/x/")["Cache-Control"]).toBe("public, max-age=0, must-revalidate");
});

it("narrowing Astro's policy fails the build for a page without the tag or with a style Astro did not hash", () => {
  const page = (meta: string, css: string) => `<!doctype html><html><head>${meta}<style>${css}</style></head><body></body></html>`;
  const tag = `<meta http-equiv="content-security-policy" content="script-src 'self' 'sha256-x'; style-src 'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='">`;
  // sha256 of the empty string, by hand: the only style Astro hashed here is an empty one.
  expect(withExactPolicy(page(tag, ""), "a.html")).toContain(`script-src 'none'; style-src 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='">`);
  expect(() => withExactPolicy(page("", ""), "b.html")).toThrow("b.html: expected one content-security-policy meta tag from Astro's security.csp, found 0");
  expect(() => withExactPolicy(page(tag, "p{}"), "c.html")).toThrow(/^c\.html: Astro's policy does not list 'sha256-/);
});
