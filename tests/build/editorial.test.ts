import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../support/build-site";
import { DRAFT } from "../support/story-fixtures";
import { copyProject } from "../support/project-copy";

const project = copyProject();
const out = join(project.root, "dist");
const TEXT = "An earlier version gave the wrong month for the referral period.";

describe("corrections and drafts in a production build", () => {
  it("leaves a draft story out: no page, not on the home page, not in the feed", () => {
    expect(existsSync(join(project.root, "content/stories/draft-story.mdx"))).toBe(true);
    expect(existsSync(join(out, "stories/county-lines-london/index.html"))).toBe(true);
    expect(existsSync(join(out, "stories/draft-story"))).toBe(false);
    expect(readFileSync(join(out, "index.html"), "utf8")).not.toContain("A draft that is not ready yet");
    expect(readFileSync(join(out, "rss.xml"), "utf8")).not.toContain("A draft that is not ready yet");
  });

  beforeAll(async () => {
    const file = join(project.root, "content/stories/county-lines-london.mdx");
    const source = readFileSync(file, "utf8").replace("\n---\n", `\nupdated: 2019-09-21\ncorrections:\n  - date: 2019-09-20\n    text: "${TEXT}"\n---\n`);
    writeFileSync(file, source);
    writeFileSync(join(project.root, "content/stories/draft-story.mdx"), DRAFT);
    const result = await buildSite(out, {}, project.root);
    expect(result.code, result.stderr).toBe(0);
  });
  afterAll(project.remove);

  it("shows a dated correction note and the updated date on the story", () => {
    const html = readFileSync(join(out, "stories/county-lines-london/index.html"), "utf8");
    expect(html).toMatch(/<section class="corrections" id="corrections"[^>]*>\s*<h2 id="corrections-heading">Correction<\/h2>/);
    expect(html).toContain(`<time datetime="2019-09-20">20 September 2019</time>: ${TEXT}`);
    expect(html).toContain(`Updated <time datetime="2019-09-21">21 September 2019</time>`);
  });

  it("is listed on the corrections page, linked to the story", () => {
    const html = readFileSync(join(out, "corrections/index.html"), "utf8");
    expect(html).toContain(`href="/stories/county-lines-london/#corrections"`);
    expect(html).toContain(TEXT);
  });

  it("appears in the RSS feed as its own dated item", () => {
    const xml = readFileSync(join(out, "rss.xml"), "utf8");
    const item = [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1]!).find((i) => i.includes("<title>Correction: "));
    expect(item).toContain(`<title>Correction: `);
    expect(item).toContain(`<description>${TEXT}</description>`);
    expect(item).toContain("<pubDate>Fri, 20 Sep 2019 00:00:00 GMT</pubDate>");
    expect(item).toContain("/stories/county-lines-london/#corrections</link>");
  });
});
