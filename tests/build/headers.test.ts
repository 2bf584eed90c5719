import { expect, it } from "vitest";
import { testDeployConfig } from "../../scripts/serve/nginx";
import { headersFor, parseHeadersFile } from "../support/headers-file";

const rules = parseHeadersFile("public/_headers");

// That nginx sends these same headers, path by path, is checked against the real server in the
// browser suite, which serves the site with scripts/deploy/nginx.conf itself.
it.each(["/", "/news/county-lines/"])("nginx -t accepts scripts/deploy/nginx.conf as a deployer installs it (base %s)", (base) => {
  const result = testDeployConfig({ base });
  expect(result.output).toMatch(/syntax is ok/);
  expect(result.ok, result.output).toBe(true);
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
