import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { STORIES_DIR, STORY_PATTERN } from "./stories/story-files";
import { storySchema } from "./stories/story-schema";

const stories = defineCollection({
  // Which files are stories is declared once, in src/stories/story-files.ts.
  loader: glob({ base: `./${STORIES_DIR}`, pattern: STORY_PATTERN }),
  schema: storySchema,
});

export const collections = { stories };
