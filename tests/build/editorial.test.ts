import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../support/build-site";
import { DRAFT } from "../support/story-fixtures";
import { copyProject } from "../support/project-copy";

const project = copyProject();
const out = join(project.root, "dist");
const TEXT = "An earlier version gave the wrong month for the referral period.";
const CORRECTED = `---
title: "A story that was corrected after it was published"
standfirst: "A short story used to test how corrections and updates are shown."
byline: "By the data team"
published: 2019-09-19
updated: 2019-09-21
updateNote: "corrected the referral period"
shareImageAlt: "No chart; a test story."
corrections:
  - date: 2019-09-20
    text: "${TEXT}"
---

The story's text.
`;

describe("corrections and drafts in a production build", () => {
  it("leaves a draft story out: no page, not on the home page, not in the feed", () => {
    expect(existsSync(join(project.root, "content/stories/draft-story.mdx"))).toBe(true);
    expect(existsSync(join(out, "stories/corrected-story/index.html"))).toBe(true);
    expect(existsSync(join(out, "stories/draft-story"))).toBe(false);
    expect(readFileSync(join(out, "index.html"), "utf8")).not.toContain("A draft that is not ready yet");
    expect(readFileSync(join(out, "rss.xml"), "utf8")).not.toContain("A draft that is not ready yet");
  });

  beforeAll(async () => {
    // A story of its own, so the test does not depend on the corrections real stories carry.
    writeFileSync(join(project.root, "content/stories/corrected-story.mdx"), CORRECTED);
    writeFileSync(join(project.root, "content/stories/draft-story.mdx"), DRAFT);
    const result = await buildSite(out, {}, project.root);
    expect(result.code, result.stderr).toBe(0);
  });
  afterAll(project.remove);

  it("shows a dated correction note and the updated date on the story", () => {
    const html = readFileSync(join(out, "stories/corrected-story/index.html"), "utf8");
    expect(html).toMatch(/<section class="corrections" id="corrections"[^>]*>\s*<h2 id="corrections-heading">Correction<\/h2>/);
    expect(html).toContain(`<time datetime="2019-09-20">20 September 2019</time>: ${TEXT}`);
    expect(html).toContain(`Updated <time datetime="2019-09-21">21 September 2019</time>: corrected the referral period`);
  });

  it("is listed on the corrections page, linked to the story", () => {
    const html = readFileSync(join(out, "corrections/index.html"), "utf8");
    expect(html).toContain(`href="/stories/corrected-story/#correction-1"`);
    expect(html).toContain(TEXT);
  });

  it("appears in the RSS feed as its own dated item", () => {
    const xml = readFileSync(join(out, "rss.xml"), "utf8");
    const item = [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1]!).find((i) => i.includes("<title>Correction: ") && i.includes(TEXT));
    expect(item).toContain(`<title>Correction: `);
    expect(item).toContain(`<description>${TEXT}</description>`);
    expect(item).toContain("<pubDate>Fri, 20 Sep 2019 00:00:00 GMT</pubDate>");
    expect(item).toContain("<link>https://county-lines.example.org/stories/corrected-story/#correction-1</link>");
    expect(item).toContain('<guid isPermaLink="true">https://county-lines.example.org/stories/corrected-story/#correction-1</guid>');
  });
});
