import { getCollection } from "astro:content";

/** Set by astro.config.mjs: true under `astro dev`, false in builds. */
declare const __SHOW_DRAFTS__: boolean;

/** Stories readers can see, newest first after the editors' `order`. Drafts show only in dev. */
export async function publishedStories() {
  const stories = await getCollection("stories", (s) => __SHOW_DRAFTS__ || !s.data.draft);
  return stories.sort((a, b) => a.data.order - b.data.order || b.data.published.getTime() - a.data.published.getTime() || a.id.localeCompare(b.id));
}
