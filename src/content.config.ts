import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import type { z } from "astro/zod";
import { STORIES_DIR, STORY_PATTERN } from "./stories/story-files";
import { storySchema } from "./stories/story-schema";

const stories = defineCollection({
  // Which files are stories is declared once, in src/stories/story-files.ts.
  loader: glob({ base: `./${STORIES_DIR}`, pattern: STORY_PATTERN }),
  // Never fails here: Astro's content layer would report a frontmatter mistake without its line (":0:0")
  // and stop `npm run dev` at start-up. Our own check names the line, in the words `npm run proof` and the
  // build use: every page reads stories through publishedStories(), which runs it first, and a
  // production build runs it before Astro loads (scripts/build.ts).
  schema: storySchema.catch(({ input }) => input as z.output<typeof storySchema>),
});

export const collections = { stories };
