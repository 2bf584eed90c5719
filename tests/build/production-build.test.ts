import { existsSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chartIds } from "../../src/charts";
import { chartUses, storySourcesRaw } from "../../src/lib/content/chart-uses";
import { catalog } from "../../src/lib/data/catalog";
import { buildSite, tempOut, type BuildResult } from "../support/build-site";

const out = tempOut();
let result: BuildResult;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const stories = readdirSync("content/stories").filter((f) => f.endsWith(".mdx") && !f.startsWith("_"));
const text = (html: string) => html.replace(/<svg[\s\S]*?<\/svg>/g, " ").replace(/<[^>]+>/g, "").replace(/&nbsp;/g, " ").replace(/\s+/g, " ");

describe("the production build", () => {
  beforeAll(async () => {
    result = await buildSite(out);
  });
  afterAll(() => rmSync(join(out, ".."), { recursive: true, force: true }));

  it("succeeds", () => {
    expect(result.stderr + result.stdout).not.toMatch(/Build failed/);
    expect(result.code).toBe(0);
  });

  it("writes a page for every story, the home page, about, data and 404 pages", () => {
    for (const story of stories) {
      const draft = /^draft:\s*true\s*$/m.test(readFileSync(`content/stories/${story}`, "utf8"));
      const page = join(out, "stories", story.replace(/\.mdx$/, ""), "index.html");
      expect(existsSync(page), page).toBe(!draft);
    }
    for (const page of ["index.html", "about/index.html", "data/index.html", "404.html"]) expect(statSync(join(out, page)).isFile()).toBe(true);
  });

  it("ships no JavaScript: no <script> element in any page and no .js file", () => {
    const all = files(out);
    expect(all.filter((f) => /\.m?js$/.test(f)).map((f) => relative(out, f))).toEqual([]);
    for (const html of all.filter((f) => f.endsWith(".html"))) expect(readFileSync(html, "utf8"), relative(out, html)).not.toMatch(/<script\b/i);
  });

  it("states every figure of the original coverage in the main story's text", () => {
    // The prose alone: figures (charts, their tables and embed code), footnote markers and the source
    // list repeat numbers, so they are taken out; each figure must then stand as a whole number.
    const html = readFileSync(join(out, "stories", "county-lines-london", "index.html"), "utf8");
    const article = /<article[\s\S]*<\/article>/.exec(html)?.[0] ?? "";
    const story = text(article.replace(/<figure[\s\S]*?<\/figure>/g, " ").replace(/<sup[\s\S]*?<\/sup>/g, " ").replace(/<(section|footer)[^>]*class="[^"]*sources[\s\S]*?<\/\1>/g, " "));
    expect(story.length).toBeGreaterThan(2000);
    expect(story).not.toMatch(/<svg|iframe/);
    const figures = ["4,013", "46%", "29%", "34%", "89%", "90%", "15%", "41", "11", "62", "Norfolk", "Hampshire", "Essex", "Sussex", "Thames Valley", "416", "369", "336", "251", "568", "243", "about 33", "about 2,000", "£800,000", "720"];
    const whole = (figure: string) => new RegExp(`(?<![\\w£.,])${figure.replace(/[.*+?^${}()|[\]\\£]/g, "\\$&")}(?![\\w%]|[.,]\\d)`);
    for (const figure of figures) expect(story, figure).toMatch(whole(figure));
  });

  it("passes html-validate (recommended rules, config in .htmlvalidate.json) on every page", async () => {
    // Installed by `npm test` (pretest) in tests/tools; see tests/tools/README.md for why it lives there.
    interface Report { results: { messages: { ruleId: string; line: number; column: number; message: string }[] }[] }
    const { HtmlValidate } = (await import(join(process.cwd(), "tests/tools/node_modules/html-validate/dist/esm/index.js"))) as {
      HtmlValidate: new (config: object) => { validateFile(path: string): Promise<Report>; validateString(html: string): Promise<Report> };
    };
    // The config is passed explicitly: dist/ is in a temporary folder, where no config file would be found.
    const validator = new HtmlValidate(JSON.parse(readFileSync(".htmlvalidate.json", "utf8")) as object);
    const sample = await validator.validateString('<!doctype html><html lang="en"><head><title>t</title></head><body><p style="color:red">x</p></body></html>');
    expect(sample.results.flatMap((r) => r.messages.map((m) => m.ruleId))).toContain("no-inline-style"); // the rules are really on
    const pages = files(out).filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const report = await validator.validateFile(page);
      const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`));
      expect(messages, relative(out, page)).toEqual([]);
    }
  });

  it("links every CSV download to a file in the build that is byte-identical to data/", () => {
    const pages = files(out).filter((f) => f.endsWith(".html"));
    const links = new Set(pages.flatMap((p) => [...readFileSync(p, "utf8").matchAll(/href="([^"]+\.csv)"/g)].map((m) => m[1]!)));
    expect(links.size).toBeGreaterThanOrEqual(5);
    for (const link of links) {
      expect(link).toMatch(/^\/data\/[a-z-]+\/\d{4}-\d{2}-\d{2}\/[a-z0-9-]+\.csv$/);
      expect(readFileSync(join(out, link)).equals(readFileSync(link.slice(1))), link).toBe(true);
    }
  });

  it("keeps the Year 1 stories on Year 1 values now that Year 2 is the site's current version", () => {
    // The test means something only while the catalog has moved on from Year 1.
    expect(catalog["rescue-and-response"]).not.toBe("2019-09-18");
    const facts = (story: string) => {
      const html = readFileSync(join(out, "stories", story, "index.html"), "utf8");
      return [...html.matchAll(/<span class="fact" data-fact="([^"]+)" data-version="([^"]+)"[^>]*>([^<]+)</g)].map((m) => ({ id: m[1], version: m[2], text: m[3] }));
    };
    const main = facts("county-lines-london");
    expect(main.find((f) => f.id === "linked-total")).toEqual({ id: "linked-total", version: "2019-09-18", text: "4,013" });
    expect(main.every((f) => f.version !== "2020-09-30")).toBe(true);
    const html = readFileSync(join(out, "stories", "county-lines-london", "index.html"), "utf8");
    // The destinations chart still draws Year 1 (Norfolk 416 first), and says which version.
    expect(html).toContain("rescue-and-response, version 2019-09-18");
    expect(text(html)).toMatch(/1\. Norfolk\s*416/);
    // The comparison story reads both versions, each Fact naming its own.
    const changed = facts("what-changed-in-year-two").filter((f) => f.id === "linked-total");
    expect(changed).toEqual([
      { id: "linked-total", version: "2020-09-30", text: "3,290" },
      { id: "linked-total", version: "2019-09-18", text: "4,013" },
    ]);
  });

  it("embeds each chart at the data version of the story that placed it", () => {
    const uses = chartUses(storySourcesRaw());
    expect(uses.length).toBeGreaterThanOrEqual(chartIds.length);
    for (const use of uses) {
      expect(existsSync(join(out, "embed", use.id, use.version, "index.html")), `${use.id}/${use.version}`).toBe(true);
      expect(existsSync(join(out, "embed", use.id, `${use.version}.png`)), `${use.id}/${use.version}.png`).toBe(true);
    }
    expect(existsSync(join(out, "embed", "destinations", "2019-09-18", "index.html"))).toBe(true);
    expect(existsSync(join(out, "embed", "destinations", "2019-09-18.png"))).toBe(true);
    expect(existsSync(join(out, "embed", "year-two-changes", "2020-09-30", "index.html"))).toBe(true);
    const embed = text(readFileSync(join(out, "embed", "year-two-changes", "2020-09-30", "index.html"), "utf8"));
    expect(embed).toContain("Not like for like.");
  });

  it("lists every data version with its changelog and a generated table of what changed", () => {
    const data = readFileSync(join(out, "data", "index.html"), "utf8");
    expect(data).toContain('id="changelog"');
    // Every version folder of every dataset, read from data/ itself.
    const versions = readdirSync("data", { withFileTypes: true }).filter((d) => d.isDirectory()).flatMap((d) => readdirSync(join("data", d.name)).map((v) => `${d.name}-${v}`));
    expect(versions.length).toBeGreaterThanOrEqual(6);
    for (const version of versions) expect(data).toContain(`href="#${version}"`);
    const diff = /<details class="version-diff" id="diff-rescue-and-response-2019-09-18-2020-09-30">([\s\S]*?)<\/details>/.exec(data)?.[1] ?? "";
    expect(text(diff)).toMatch(/Norfolk norfolk\s*destinations\s*416 \(Research period\)\s*198† \(Year 2 analysis period\)\s*Changed: value, rank, period, status, sources/);
    expect(text(diff)).toMatch(/Brighton brighton\s*towns\s*—\s*128† \(Year 2 analysis period\)\s*New in 2020-09-30/);
  });
});
