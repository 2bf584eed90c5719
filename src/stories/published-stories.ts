import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { getCollection } from "astro:content";
import { readFrontmatter } from "./check-frontmatter";
import { STORIES_DIR } from "./story-files";
import { homePageOrder, isScheduled } from "./schedule";

/** Set by astro.config.mjs: true under `astro dev`, false in builds. */
declare const __SHOW_DRAFTS__: boolean;

/**
 * Stories readers can see, in home-page order (./schedule.ts): not drafts, and not scheduled for a
 * later day than the build's. Both show in dev, so editors can preview them. Each story's frontmatter
 * is checked and read from its file, so `npm run dev` shows a mistake as the build does, at its line,
 * and pages never see what the content collection holds while it catches up with an edit (it accepts
 * any frontmatter, even a half-written file's: src/content.config.ts).
 * @throws StoryError naming each mistake's file, line and column
 */
export async function publishedStories() {
  const all = (await getCollection("stories")).map((story) => {
    const path = story.filePath ?? `${STORIES_DIR}/${story.id}.mdx`;
    return { ...story, data: readFrontmatter(relative(process.cwd(), resolve(path)), readFileSync(resolve(path), "utf8")) };
  });
  const stories = all.filter((s) => __SHOW_DRAFTS__ || (!s.data.draft && !isScheduled(s.data.published)));
  return homePageOrder(stories);
}
