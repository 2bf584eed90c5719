import type { CollectionEntry } from "astro:content";

/**
 * Every correction on the site, newest first, with the story it belongs to; a story's corrections of
 * one day stay in the order it lists them.
 */
export function allCorrections(stories: readonly CollectionEntry<"stories">[]) {
  return stories
    .flatMap((story) => story.data.corrections.map((correction, index) => ({ story, correction, index })))
    .sort((a, b) => b.correction.date.getTime() - a.correction.date.getTime() || a.story.id.localeCompare(b.story.id) || a.index - b.index);
}
