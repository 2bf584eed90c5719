import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { CORRECTION_ANCHOR, CORRECTION_TEXT as TEXT } from "../support/story-fixtures";

/** The shared fixtures build: the site plus a corrected story and a draft (tests/support/shared-builds.ts). */
const { root, out } = inject("fixtureBuild");

describe("scheduled stories and the home page's order", () => {
  const { stdout } = inject("fixtureBuild");
  it("leaves a story dated after the build's day out, and says so with its date", () => {
    expect(existsSync(join(root, "content/stories/scheduled-story.mdx"))).toBe(true);
    expect(stdout).toContain(
      "content/stories/scheduled-story.mdx is scheduled for 1 March 2027: builds before that day leave it out (this one is as of 2 December 2026)",
    );
    expect(existsSync(join(out, "stories/scheduled-story"))).toBe(false);
    for (const file of ["index.html", "rss.xml", "sitemap-0.xml", "corrections/index.html"])
      expect(readFileSync(join(out, file), "utf8"), file).not.toContain("scheduled-story");
    expect(existsSync(join(out, "share/scheduled-story.png"))).toBe(false);
  });

  it("orders the home page by order: where given (the explainer first), the rest newest first", () => {
    const home = readFileSync(join(inject("rootBuild").out, "index.html"), "utf8");
    const order = [...home.matchAll(/<a href="\/stories\/([^/"]+)\/">/g)].map((m) => m[1]);
    expect([...new Set(order)]).toEqual(["county-lines-london", "what-changed-in-year-two", "getting-out", "who-is-drawn-in"]);
  });
});

describe("corrections and drafts in a production build", () => {
  it("leaves a draft story out: no page, not on the home page, not in the feed", () => {
    expect(existsSync(join(root, "content/stories/draft-story.mdx"))).toBe(true);
    expect(existsSync(join(out, "stories/corrected-story/index.html"))).toBe(true);
    expect(existsSync(join(out, "stories/draft-story"))).toBe(false);
    expect(readFileSync(join(out, "index.html"), "utf8")).not.toContain("A draft that is not ready yet");
    expect(readFileSync(join(out, "rss.xml"), "utf8")).not.toContain("A draft that is not ready yet");
  });

  it("built", () => {
    const { code, stderr } = inject("fixtureBuild");
    expect(code, stderr).toBe(0);
  });

  it("shows a dated correction note and the updated date on the story", () => {
    const html = readFileSync(join(out, "stories/corrected-story/index.html"), "utf8");
    expect(html).toMatch(/<section class="corrections" id="corrections"[^>]*>\s*<h2 id="corrections-heading">Correction<\/h2>/);
    expect(html).toContain(`<time datetime="2019-09-20">20 September 2019</time>: ${TEXT}`);
    // The byline links the date to the update's note at the foot, after the corrections.
    expect(html).toContain(`<a href="#update">Updated <time datetime="2019-09-21">21 September 2019</time></a>`);
    expect(html).toMatch(
      /<section class="corrections" id="corrections"[\s\S]*<section class="story-update" id="update"[^>]*><h2 id="update-heading">Update<\/h2><p>Updated <time datetime="2019-09-21">21 September 2019<\/time>: corrected the referral period\.<\/p><\/section>/,
    );
  });

  it("is listed on the corrections page, linked to the story", () => {
    const html = readFileSync(join(out, "corrections/index.html"), "utf8");
    expect(html).toContain(`href="/stories/corrected-story/#${CORRECTION_ANCHOR}"`);
    expect(html).toContain(TEXT);
  });

  it("appears in the RSS feed as its own dated item", () => {
    const xml = readFileSync(join(out, "rss.xml"), "utf8");
    const item = [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1]!).find((i) => i.includes("<title>Correction: ") && i.includes(TEXT));
    expect(item).toContain(`<title>Correction: `);
    expect(item).toContain(`<description>${TEXT}</description>`);
    expect(item).toContain("<pubDate>Fri, 20 Sep 2019 00:00:00 GMT</pubDate>");
    expect(item).toContain(`<link>https://county-lines.example.org/stories/corrected-story/#${CORRECTION_ANCHOR}</link>`);
    expect(item).toContain(`<guid isPermaLink="true">https://county-lines.example.org/stories/corrected-story/#${CORRECTION_ANCHOR}</guid>`);
  });
});
