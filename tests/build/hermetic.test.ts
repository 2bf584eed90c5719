import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, inject, it } from "vitest";

/**
 * The shared root build ran with every fetch, socket and DNS lookup of the build process recorded to
 * its network log, then refused (tests/support/no-network.ts), and with a fresh config folder, so that
 * no machine-wide `astro telemetry disable` can stand in for the project's own setting.
 */
const build = inject("rootBuild");

it("a production build makes no network request (telemetry included) and prints nothing but its result and the placeholder warning", () => {
  expect(build.code, build.stderr).toBe(0);
  expect(existsSync(join(build.out, "index.html"))).toBe(true);
  expect(build.networkLog).toBeDefined();
  const log = readFileSync(build.networkLog!, "utf8").split("\n").filter(Boolean);
  // The hooks were really in place: each process they ran in says so first.
  expect(log.filter((l) => l.startsWith("loaded in process ")).length).toBeGreaterThan(0);
  expect(
    log.filter((l) => !l.startsWith("loaded in process ")),
    "network requests attempted by the build",
  ).toEqual([]);
  // A clean build is quiet: only the line that says where it wrote, and (built, as an editor's machine
  // would, without SITE_URL) the warning that every absolute address points at the placeholder.
  expect(build.stderr).toBe(
    "Warning: SITE_URL is not set, so canonical URLs, share images, the sitemap, robots.txt, the RSS feed, citations and embed code all point at the placeholder https://county-lines.example.org. That is fine for a look on this machine; to publish, build with the site's address, e.g. SITE_URL=https://news.example.com npm run build (set SITE_URL=https://county-lines.example.org to build for the placeholder without this warning).\n",
  );
  expect(build.stdout).toBe(`Built ${build.out}\n`);
});
