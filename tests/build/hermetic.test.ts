import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, expect, it } from "vitest";
import { buildSite, tempOut } from "../support/build-site";

const out = tempOut();
const log = join(out, "..", "network.log");
afterAll(() => rmSync(join(out, ".."), { recursive: true, force: true }));

it("a production build makes no network request (telemetry included) and prints nothing but its result", async () => {
  writeFileSync(log, "");
  // Every fetch, socket and DNS lookup in the build process is recorded, then refused.
  // A fresh config folder, so that no machine-wide `astro telemetry disable` can stand in for the project's own setting.
  const result = await buildSite(out, {
    NETWORK_LOG: log,
    XDG_CONFIG_HOME: join(out, "..", "config"),
    NODE_OPTIONS: `--import=${resolve("tests/support/no-network.ts")}`,
  });
  expect(result.code, result.stderr).toBe(0);
  expect(existsSync(join(out, "index.html"))).toBe(true);
  expect(readFileSync(log, "utf8"), "network requests attempted by the build").toBe("");
  // A clean build is quiet: no warning, no notice, only the line that says where it wrote.
  expect(result.stderr).toBe("");
  expect(result.stdout).toBe(`Built ${out}\n`);
}, 120_000);
