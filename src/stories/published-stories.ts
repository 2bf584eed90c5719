import { getCollection } from "astro:content";
import { homePageOrder, isScheduled } from "./schedule";

/** Set by astro.config.mjs: true under `astro dev`, false in builds. */
declare const __SHOW_DRAFTS__: boolean;

/**
 * Stories readers can see, in home-page order (./schedule.ts): not drafts, and not scheduled for a
 * later day than the build's. Both show in dev, so editors can preview them.
 */
export async function publishedStories() {
  const stories = await getCollection("stories", (s) => __SHOW_DRAFTS__ || (!s.data.draft && !isScheduled(s.data.published)));
  return homePageOrder(stories);
}
