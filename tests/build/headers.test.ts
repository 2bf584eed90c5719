import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { headersFor, parseHeadersFile } from "../support/headers-file";

const rules = parseHeadersFile("public/_headers");
const nginx = readFileSync("scripts/deploy/nginx.conf", "utf8");

/** The add_header lines of one nginx block: the server block itself (outside locations) or a location. */
function nginxHeaders(location?: string): Record<string, string> {
  const block = location ? new RegExp(`location ${location} \\{([\\s\\S]*?)\\n  \\}`).exec(nginx)![1]! : nginx.replace(/location [^{]+\{[\s\S]*?\n {2}\}/g, "");
  return Object.fromEntries([...block.matchAll(/add_header ([\w-]+) "([^"]*)" always;/g)].map((m) => [m[1]!, m[2]!]));
}

it("the example nginx config sends the same headers as public/_headers, path by path", () => {
  expect(nginxHeaders()).toEqual(headersFor(rules, "/stories/x/"));
  expect(nginxHeaders("/embed/")).toEqual(headersFor(rules, "/embed/x/"));
  expect(nginxHeaders("/_astro/")).toEqual(headersFor(rules, "/_astro/x.css"));
});

it("the Content-Security-Policy allows no inline or third-party script, style or frame", () => {
  const csp = headersFor(rules, "/stories/x/")["Content-Security-Policy"]!;
  expect(csp).toMatch(/default-src 'none'/);
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  expect(csp).toMatch(/frame-ancestors 'none'/);
  expect(headersFor(rules, "/embed/x/")["Content-Security-Policy"]).toMatch(/frame-ancestors \*/);
  expect(headersFor(rules, "/_astro/x.css")["Cache-Control"]).toBe("public, max-age=31536000, immutable");
  expect(headersFor(rules, "/stories/x/")["Cache-Control"]).toBe("public, max-age=0, must-revalidate");
});
