import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/serve/nginx";
import { SEALS_FILE } from "../../src/data/files/seals";
import { DRAFT } from "../support/story-fixtures";
import { hermeticEnv } from "../support/build-site";
import { copyProject } from "../../scripts/lib/project-copy";

/** How long an edit may take to show; each test's own timeout is longer, so these messages are seen. */
const WAIT_MS = 30_000;
const TEST_TIMEOUT = WAIT_MS + 15_000;
const project = copyProject();
const configHome = mkdtempSync(join(tmpdir(), "cl-xdg-"));
let server: ChildProcess;
let origin = "";
let output = "";

/** Polls `path` until its HTML passes `test`; returns the milliseconds it took, or fails saying what it waited for. */
async function waitFor(path: string, what: string, test: (html: string) => boolean, timeoutMs = WAIT_MS): Promise<number> {
  const start = Date.now();
  for (;;) {
    try {
      const response = await fetch(`${origin}${path}`);
      if (response.ok && test(await response.text())) return Date.now() - start;
    } catch {
      // not up yet
    }
    if (Date.now() - start > timeoutMs) throw new Error(`${what}: not visible at ${path} within ${timeoutMs} ms. Dev server output:\n${output.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("npm run dev (live preview)", () => {
  beforeAll(async () => {
    // The editors' command itself (npm run dev), on a port the OS says is free; the dev server prints
    // the address it really listens on, and that is the one used.
    const npm = process.env.npm_execpath;
    const args = ["run", "dev", "--", "--port", String(await freePort()), "--host", "127.0.0.1"];
    server = spawn(npm ? process.execPath : "npm", npm ? [npm, ...args] : args, {
      cwd: project.root,
      // vitest sets NODE_ENV=test, BASE_URL and VITEST*; the dev server must see a plain environment.
      // A fresh config folder: Astro would show its telemetry notice here unless the project turns it off.
      env: { ...hermeticEnv(), XDG_CONFIG_HOME: configHome },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true, // its own process group, so that stopping it stops astro under npm and sh too
    });
    server.stdout!.on("data", (d) => (output += d));
    server.stderr!.on("data", (d) => (output += d));
    const start = Date.now();
    while (!origin) {
      origin = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1] ?? "";
      if (server.exitCode !== null || Date.now() - start > 90_000) throw new Error(`npm run dev did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await waitFor("/stories/county-lines-london/", "the main story", (html) => html.includes("How London"), 90_000);
  }, 120_000);
  afterAll(() => {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
    project.remove();
    rmSync(configHome, { recursive: true, force: true });
  });

  it("prints no telemetry notice and no warning", () => {
    expect(output).toContain("127.0.0.1");
    expect(output).not.toMatch(/anonymous usage data|astro\.build\/telemetry|\[WARN\]|warning/i);
  });

  it(
    "shows draft stories, which production builds leave out",
    async () => {
      writeFileSync(join(project.root, "content/stories/draft-story.mdx"), DRAFT);
      const ms = await waitFor("/stories/draft-story/", "the new draft story", (html) => html.includes("A draft that is not ready yet"));
      console.info(`live preview: new draft story visible after ${ms} ms`);
    },
    TEST_TIMEOUT,
  );

  it(
    "shows an edit to a story's text without a restart",
    async () => {
      const file = join(project.root, "content/stories/county-lines-london.mdx");
      writeFileSync(file, `${readFileSync(file, "utf8")}\nA paragraph added while the preview runs.\n`);
      const ms = await waitFor("/stories/county-lines-london/", "the story edit", (html) => html.includes("A paragraph added while the preview runs."));
      console.info(`live preview: story edit visible after ${ms} ms`);
    },
    TEST_TIMEOUT,
  );

  it(
    "shows an edit to a data file without a restart",
    async () => {
      // The main story's version, treated as a draft being edited: a sealed version refuses any change.
      const version = "2019-09-18-c1";
      expect(readFileSync(join(project.root, "content/stories/county-lines-london.mdx"), "utf8")).toContain(`rescue-and-response: "${version}"`);
      const seals = join(project.root, "data", SEALS_FILE);
      const record = JSON.parse(readFileSync(seals, "utf8")) as Record<string, unknown>;
      delete record[`rescue-and-response/${version}`];
      writeFileSync(seals, JSON.stringify(record));
      const dir = join(project.root, "data/rescue-and-response", version);
      const csv = readFileSync(join(dir, "headline.csv"), "utf8");
      expect(csv).toContain(",4013,");
      writeFileSync(join(dir, "headline.csv"), csv.replace(",4013,", ",4014,"));
      // The figure itself (the source list still quotes the BBC's "4,013": the words we hold do not change).
      const fact = (html: string) => /<span class="fact"[^>]*data-fact="linked-total"[^>]*>([^<]*)</.exec(html)?.[1]?.trim();
      const ms = await waitFor("/stories/county-lines-london/", "the data edit", (html) => fact(html) === "4,014");
      console.info(`live preview: data edit visible after ${ms} ms`);
    },
    TEST_TIMEOUT,
  );
});
