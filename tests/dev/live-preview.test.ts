import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
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

/** The frontmatter mistake the preview starts with, and the line the build and proof give for it. */
const MISTAKE = {
  file: "content/stories/getting-out.mdx",
  line: 'content/stories/getting-out.mdx:2:1: frontmatter has no field "subhead". The fields are: title, standfirst, byline, published, updated, updateNote, data, compare, shareImageAlt, draft, order, corrections',
};
/** The astro processes started from the copy (by npm, sh and node), as ps lists them. */
const running = () =>
  execFileSync("ps", ["-eo", "args"], { encoding: "utf8" })
    .split("\n")
    .filter((l) => l.includes(project.root) && l.includes("astro"));
/** Everything the preview printed, never reset (tests clear `output` to read their own part). */
let printed = "";
let mistakeFile = "";

describe("npm run dev (live preview)", () => {
  beforeAll(async () => {
    // Astro's content layer once stopped the preview at start-up on a frontmatter mistake, with its own
    // message at ":0:0": the preview starts with one already made (the first test mends it).
    const file = join(project.root, MISTAKE.file);
    mistakeFile = readFileSync(file, "utf8");
    writeFileSync(file, mistakeFile.replace(/^title:/m, "subhead: A field there is not\ntitle:"));
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
      // Not a process group of its own: the last test stops npm alone, as a terminal or a tool does.
    });
    const record = (d: Buffer) => {
      output += d;
      printed += d;
    };
    server.stdout!.on("data", record);
    server.stderr!.on("data", record);
    const start = Date.now();
    while (!origin) {
      origin = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1] ?? "";
      if (server.exitCode !== null || Date.now() - start > 90_000) throw new Error(`npm run dev did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 120_000);
  afterAll(() => {
    // Were a test to fail before the last one stops it, nothing may outlive the file (pkill's pattern cannot match pkill itself).
    spawnSync("pkill", ["-f", `[${project.root[0]}]${project.root.slice(1)}.*astro`]);
    project.remove();
    rmSync(configHome, { recursive: true, force: true });
  });

  it("starts with a frontmatter mistake already made and shows it at its line as the build does; the story shows once mended", async () => {
    expect(running().length).toBeGreaterThan(0);
    const response = await fetch(`${origin}/stories/getting-out/`);
    expect(response.status).toBe(500);
    // The server's output may arrive a moment after its answer.
    await expect.poll(() => output, { timeout: 15_000, message: "the preview's output names the mistake at its line" }).toContain(MISTAKE.line);
    expect(output).not.toMatch(/:0:0|InvalidContentEntryDataError/);
    writeFileSync(join(project.root, MISTAKE.file), mistakeFile);
    await waitFor("/stories/county-lines-london/", "the main story", (html) => html.includes("How London"), 90_000);
    await waitFor("/stories/getting-out/", "the mended story", (html) => html.includes("Getting young Londoners out"));
  }, 120_000);

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
      writeFileSync(file, `${readFileSync(file, "utf8")}\nA new paragraph, typed while the preview runs.\n`);
      const ms = await waitFor("/stories/county-lines-london/", "the story edit", (html) => html.includes("A new paragraph, typed while the preview runs."));
      console.info(`live preview: story edit visible after ${ms} ms`);
    },
    TEST_TIMEOUT,
  );

  it(
    "reports a mistake with the same file, line and column as npm run proof and the build",
    async () => {
      const file = join(project.root, "content/stories/getting-out.mdx");
      const story = readFileSync(file, "utf8");
      const proofLines = () => {
        try {
          execFileSync(process.execPath, ["--import", "tsx", "scripts/proof.ts"], { cwd: project.root, env: hermeticEnv(), stdio: "pipe" });
          return [];
        } catch (error) {
          return String((error as { stderr: string }).stderr).split("\n");
        }
      };
      const mistakes: [string, string, string][] = [
        // A frontmatter mistake, which Astro's content layer would report without a line.
        [
          "published: 2019-09-27",
          "published: 2019-09-31",
          'content/stories/getting-out.mdx:5:1: frontmatter "published": expected a real date written YYYY-MM-DD, e.g. 2019-09-19 (got "2019-09-31")',
        ],
        // A mistake in the text, on a line well below the frontmatter.
        ['<Fact id="referred" />', '<Fact id="referredd" />', 'content/stories/getting-out.mdx:43:91: <Fact id="referredd">: unknown fact id "referredd"'],
      ];
      try {
        for (const [from, to, line] of mistakes) {
          expect(story).toContain(from);
          output = "";
          writeFileSync(file, story.replace(from, to));
          const start = Date.now();
          let status = 0;
          while (!(status === 500 && output.includes(line))) {
            if (Date.now() - start > WAIT_MS) throw new Error(`no "${line}" from the preview within ${WAIT_MS} ms (status ${status}):\n${output.slice(-3000)}`);
            status = (await fetch(`${origin}/stories/getting-out/`)).status;
            await new Promise((r) => setTimeout(r, 200));
          }
          expect(proofLines().find((l) => l.startsWith(line))).toBeDefined();
        }
      } finally {
        writeFileSync(file, story);
      }
      await waitFor("/stories/getting-out/", "the story again, once mended", (html) => html.includes("Getting young Londoners out"));
    },
    TEST_TIMEOUT * 2,
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

  it("printed no telemetry notice and no warning, from start-up to the last edit", () => {
    expect(printed).toContain("127.0.0.1");
    // The two mistakes made on purpose are printed as errors; nothing is printed as a warning but the
    // router's, for the new draft's page, which the test asks for before the preview has seen the file.
    expect(printed).toContain(MISTAKE.line);
    const early = /^.*\[WARN\] \[router\] .*no matching static path was found for requested path `\/stories\/draft-story\/`\.\s*$/gm;
    // eslint-disable-next-line no-control-regex -- the terminal's colour codes, taken out to read the lines
    const plain = printed.replace(/\x1b\[[0-9;]*m/g, "");
    expect(plain.replace(early, "")).not.toMatch(/anonymous usage data|astro\.build\/telemetry|\[WARN\]|warning/i);
  });

  it("leaves no process behind when npm alone is stopped", async () => {
    expect(running().length).toBeGreaterThan(0);
    server.kill("SIGTERM");
    const start = Date.now();
    while (running().length > 0 && Date.now() - start < 30_000) await new Promise((r) => setTimeout(r, 200));
    expect(running()).toEqual([]);
  }, 45_000);
});
