import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { sha256 } from "../../src/lib/data/load-dataset";
import { DRAFT } from "../support/story-fixtures";
import { hermeticEnv } from "../support/build-site";
import { copyProject } from "../support/project-copy";

const PORT = 4399;
const project = copyProject();
const page = `http://127.0.0.1:${PORT}/stories/county-lines-london/`;
let server: ChildProcess;

async function waitFor(test: (html: string) => boolean, timeoutMs = 30_000): Promise<number> {
  const start = Date.now();
  for (;;) {
    try {
      const html = await (await fetch(page)).text();
      if (test(html)) return Date.now() - start;
    } catch {
      // not up yet
    }
    if (Date.now() - start > timeoutMs) throw new Error(`page did not update within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("npm run dev (live preview)", () => {
  beforeAll(async () => {
    server = spawn(process.execPath, ["node_modules/astro/bin/astro.mjs", "dev", "--port", String(PORT), "--host", "127.0.0.1"], {
      cwd: project.root,
      // vitest sets NODE_ENV=test, BASE_URL and VITEST*; the dev server must see a plain environment.
      env: { ...hermeticEnv(), ASTRO_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitFor((html) => html.includes("How London"), 60_000);
  });
  afterAll(() => {
    server.kill();
    project.remove();
  });

  it("shows draft stories, which production builds leave out", async () => {
    writeFileSync(join(project.root, "content/stories/draft-story.mdx"), DRAFT);
    const start = Date.now();
    for (;;) {
      const response = await fetch(`http://127.0.0.1:${PORT}/stories/draft-story/`);
      if (response.ok && (await response.text()).includes("A draft that is not ready yet")) break;
      if (Date.now() - start > 30_000) throw new Error("the draft story never appeared in npm run dev");
      await new Promise((r) => setTimeout(r, 200));
    }
  });

  it("shows an edit to a story's text without a restart", async () => {
    const file = join(project.root, "content/stories/county-lines-london.mdx");
    writeFileSync(file, readFileSync(file, "utf8").replace("In the first study of its kind", "In a first-of-its-kind study (edited)"));
    const ms = await waitFor((html) => html.includes("first-of-its-kind study (edited)"));
    console.info(`live preview: story edit visible after ${ms} ms`);
  });

  it("shows an edit to a data file without a restart", async () => {
    const dir = join(project.root, "data/rescue-and-response/2019-09-18");
    const csv = readFileSync(join(dir, "headline.csv"), "utf8");
    const edited = csv.replace(",4013,", ",4014,");
    const meta = readFileSync(join(dir, "meta.json"), "utf8").replace(sha256(Buffer.from(csv)), sha256(Buffer.from(edited)));
    writeFileSync(join(dir, "headline.csv"), edited);
    writeFileSync(join(dir, "meta.json"), meta);
    const ms = await waitFor((html) => html.includes("4,014") && !html.includes("4,013"));
    console.info(`live preview: data edit visible after ${ms} ms`);
  });
});
