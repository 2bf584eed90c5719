import { z } from "astro/zod";
import { catalog } from "../data/catalog";
import { listVersions } from "../data/load-dataset";

const datasetIds = Object.keys(catalog) as [keyof typeof catalog, ...(keyof typeof catalog)[]];

/** Frontmatter of a story in content/stories/<slug>.mdx. The file name is the URL. */
export const storySchema = z
  .object({
    /** Headline: the story's main point, in a sentence. */
    title: z.string().min(10, "the title should be a full headline of at least 10 characters"),
    /** One or two sentences under the headline; also the page description for search and sharing. */
    standfirst: z.string().min(20, "the standfirst should be one or two full sentences"),
    /** Who wrote it, e.g. "By the data team". */
    byline: z.string().min(1),
    /** First publication date, YYYY-MM-DD. */
    published: z.coerce.date(),
    /** Date of the last substantive update, YYYY-MM-DD; shown when present. */
    updated: z.coerce.date().optional(),
    /**
     * Data versions this story is pinned to, e.g. `{rescue-and-response: "2019-09-18"}`.
     * Charts and Facts in the story read these versions; datasets not named use the catalog's.
     */
    data: z.partialRecord(z.enum(datasetIds), z.string()).default({}),
    /** Drafts are left out of production builds. */
    draft: z.boolean().default(false),
    /** Order on the home page (lower first); ties sort by date. */
    order: z.number().int().default(100),
  })
  .strict()
  .superRefine((story, ctx) => {
    for (const [dataset, version] of Object.entries(story.data)) {
      const versions = listVersions(dataset);
      if (!versions.includes(version)) ctx.addIssue({ code: "custom", path: ["data", dataset], message: `no version "${version}" of ${dataset}; available: ${versions.join(", ")}` });
    }
    if (story.updated && story.updated < story.published) ctx.addIssue({ code: "custom", path: ["updated"], message: "updated must not be before published" });
  });
