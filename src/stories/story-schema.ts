import { z } from "astro/zod";
import { catalog } from "../data/versions/catalog";
import { listVersions } from "../data/versions/list-versions";

const datasetIds = Object.keys(catalog) as [keyof typeof catalog, ...(keyof typeof catalog)[]];

/** A real calendar date written YYYY-MM-DD (YAML may already have turned it into a Date): zod's own ISO date check. */
const isoDate = z
  .union(
    [
      z.date({ error: "expected a real date written YYYY-MM-DD, e.g. 2019-09-19 (got an invalid date)" }),
      z.iso.date({ error: (issue) => `expected a real date written YYYY-MM-DD, e.g. 2019-09-19 (got ${JSON.stringify(issue.input)})` }),
    ],
    {
      error: (issue) => `expected a real date written YYYY-MM-DD, e.g. 2019-09-19 (got ${JSON.stringify(issue.input)})`,
    },
  )
  .transform((value) => (value instanceof Date ? value : new Date(`${value}T00:00:00Z`)));

/** A correction's short name: lower-case words joined by hyphens. */
const CORRECTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The first dataset id or version name ("rescue-and-response", "2019-09-18-c1") in a reader's text, if any. */
function dataJargon(text: string): string | undefined {
  const version = /\b\d{4}-\d{2}-\d{2}(?:-c\d+)?\b/.exec(text)?.[0];
  // Single-word ids ("national") are ordinary words too: only hyphenated ones are surely names.
  return version ?? datasetIds.find((id) => id.includes("-") && text.includes(id));
}

/** A frontmatter date as written, YYYY-MM-DD. */
const isoDay = (d: Date | string) => (d instanceof Date ? d.toISOString().slice(0, 10) : d);

const text = (what: string, min = 1) =>
  z
    .string({ error: `expected text: ${what}` })
    .trim()
    .min(min, `too short: ${what}`);

/** One correction in a story's `corrections:` list (see that field). */
export const correctionSchema = z
  .object({
    date: isoDate,
    /** A short name for the error, unique in the story: lower case, digits and hyphens, e.g. "essex-towns". */
    id: z
      .string({ error: 'expected a short name for the correction, e.g. id: "essex-towns"' })
      .regex(CORRECTION_ID, 'expected a short name in lower case, digits and hyphens, e.g. "essex-towns"'),
    /** In plain words: what we said, and what is right. No dataset or version names: the Data page's changelog has those. */
    text: text("what we said, and what is right, in plain words", 10),
  })
  .strict();

/** Frontmatter of a story in content/stories/<slug>.mdx. The file name is the URL. */
export const storySchema = z
  .object({
    /** Headline: the story's main point, in a sentence. Shown on the page, in search results and when shared. */
    title: text("the headline, as a sentence of at least 10 characters", 10),
    /** One or two sentences under the headline; also the page description for search and sharing. */
    standfirst: text("one or two sentences under the headline (at least 20 characters)", 20),
    /** Who wrote it, e.g. "By the data team". */
    byline: text('who wrote it, e.g. "By the data team"'),
    /** First publication date, YYYY-MM-DD. */
    published: isoDate,
    /** Date of the last substantive update, YYYY-MM-DD; shown under the headline when present. */
    updated: isoDate.optional(),
    /**
     * What the update added or changed, in a sentence; required with `updated`. A story may cite a
     * source dated after `published` only when `updated` is on or after it, and this says so.
     */
    updateNote: text('what the update added, e.g. "Added the programme\'s figures to July 2022"', 10).optional(),
    /**
     * Data versions this story is pinned to, e.g. `rescue-and-response: "2019-09-18"`. Charts and
     * Facts in the story read these versions; datasets not named use the site's current version.
     */
    data: z.partialRecord(z.enum(datasetIds, { error: `expected one of the datasets: ${datasetIds.join(", ")}` }), z.string()).default({}),
    /**
     * A second version of a dataset the story compares with, e.g. `rescue-and-response: "2019-09-18"`
     * in a story pinned to Year 2. Cite its values with `<Fact id="…" version="2019-09-18" />`; its
     * sources join the story's list.
     */
    compare: z.partialRecord(z.enum(datasetIds, { error: `expected one of the datasets: ${datasetIds.join(", ")}` }), z.string()).default({}),
    /** Describes the share image (the lead chart and headline) for people who cannot see it. */
    shareImageAlt: text("a sentence describing the share image, for people who cannot see it", 10),
    /** Drafts are left out of production builds but show in `npm run dev`. */
    draft: z.boolean({ error: "expected true or false" }).default(false),
    /** A fixed place on the home page (1 is first); stories without one fill the other places, newest first. */
    order: z.number({ error: "expected a whole number" }).int().positive("expected a place on the home page, 1 or more").optional(),
    /**
     * Corrections, oldest first (a new one goes at the end), one per error. Each is shown, dated, at the
     * foot of the story, listed on the Corrections page and sent out in the RSS feed; its `id` and date
     * make its address (`#correction-2026-12-01-essex-towns`), so it never moves. Never delete one.
     */
    corrections: z.array(correctionSchema).default([]),
  })
  .strict()
  .superRefine((story, ctx) => {
    for (const [dataset, version] of Object.entries(story.data)) {
      const versions = listVersions(dataset);
      if (!versions.includes(version))
        ctx.addIssue({ code: "custom", path: ["data", dataset], message: `no version "${version}" of ${dataset}; available: ${versions.join(", ")}` });
    }
    for (const [dataset, version] of Object.entries(story.compare)) {
      const versions = listVersions(dataset);
      if (!versions.includes(version))
        ctx.addIssue({ code: "custom", path: ["compare", dataset], message: `no version "${version}" of ${dataset}; available: ${versions.join(", ")}` });
      else if (story.data[dataset as keyof typeof story.data] === undefined)
        ctx.addIssue({ code: "custom", path: ["compare", dataset], message: `pin the version you compare against under data: first (data: ${dataset}: "…")` });
      else if (story.data[dataset as keyof typeof story.data] === version)
        ctx.addIssue({
          code: "custom",
          path: ["compare", dataset],
          message: `"${version}" is already the pinned version under data:; compare with a different version`,
        });
    }
    if (story.updated && story.updated < story.published)
      ctx.addIssue({ code: "custom", path: ["updated"], message: "the update date is before the publication date" });
    if (story.updated && !story.updateNote)
      ctx.addIssue({
        code: "custom",
        path: ["updated"],
        message: 'say what the update added in updateNote: "…" (readers see it at the foot of the story, linked from the date)',
      });
    if (story.updateNote && !story.updated)
      ctx.addIssue({ code: "custom", path: ["updateNote"], message: "an updateNote needs the date of the update in updated:" });
    for (const [i, c] of story.corrections.entries()) {
      if (c.date < story.published)
        ctx.addIssue({ code: "custom", path: ["corrections", i, "date"], message: "a correction cannot be dated before the story was published" });
      const earlier = story.corrections[i - 1];
      if (earlier && c.date < earlier.date)
        ctx.addIssue({
          code: "custom",
          path: ["corrections", i, "date"],
          message: `corrections are listed oldest first, and this one's date (${isoDay(c.date)}) is before the one above it (${isoDay(earlier.date)}): check its date, or, if it is right, move it above that one (a new correction goes at the end)`,
        });
      const first = story.corrections.findIndex((o) => o.id === c.id);
      if (first < i)
        ctx.addIssue({
          code: "custom",
          path: ["corrections", i, "id"],
          message: `the id "${c.id}" is already used by correction ${first + 1} of this story: give each correction its own id`,
          // Where the first use is, for messages that can give its line (check-frontmatter.ts).
          params: { firstUse: ["corrections", first, "id"] },
        });
      const jargon = dataJargon(c.text);
      if (jargon)
        ctx.addIssue({
          code: "custom",
          path: ["corrections", i, "text"],
          message: `"${jargon}" is a dataset or version name: say in plain words what we said and what is right; the Corrections section links to the Data page's changelog, which names the versions`,
        });
    }
  });
