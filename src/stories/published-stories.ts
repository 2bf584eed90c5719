import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { getCollection } from "astro:content";
import { checkFrontmatter } from "./check-frontmatter";
import { homePageOrder, isScheduled } from "./schedule";

/** Set by astro.config.mjs: true under `astro dev`, false in builds. */
declare const __SHOW_DRAFTS__: boolean;

/**
 * Stories readers can see, in home-page order (./schedule.ts): not drafts, and not scheduled for a
 * later day than the build's. Both show in dev, so editors can preview them. Every story's frontmatter
 * is checked first, so `npm run dev` shows a mistake as the build does, at its line (the content
 * collection itself accepts any frontmatter: src/content.config.ts).
 * @throws StoryError naming each mistake's file, line and column
 */
export async function publishedStories() {
  const all = await getCollection("stories");
  for (const story of all) {
    const file = relative(process.cwd(), story.filePath ?? "");
    if (story.filePath) checkFrontmatter(file, readFileSync(story.filePath, "utf8"));
  }
  const stories = all.filter((s) => __SHOW_DRAFTS__ || (!s.data.draft && !isScheduled(s.data.published)));
  return homePageOrder(stories);
}
