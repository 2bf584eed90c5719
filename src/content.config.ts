import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { storySchema } from "./stories/story-schema";

const stories = defineCollection({
  // Files starting with "_" are ignored: a free way to keep partials and notes out of the site.
  loader: glob({ base: "./content/stories", pattern: "**/[^_]*.mdx" }),
  schema: storySchema,
});

export const collections = { stories };
