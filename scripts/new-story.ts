/**
 * `npm run new-story -- <slug>`: writes content/stories/<slug>.mdx, a draft with every frontmatter
 * field (the optional ones as comments) and one example of each component, using ids that exist in
 * the data today, so `npm run proof` passes on it as written. It is a draft (`draft: true`) until the
 * editor removes that line.
 *
 * Usage: npm run new-story -- <slug>
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chartIds, getChart } from "../src/charts";
import { quotedSources, readSourceRecords, rowKeys } from "../src/data/citing/source-records";
import { allFacts } from "../src/data/rows/facts";
import { catalog } from "../src/data/versions/catalog";
import { loadDataset } from "../src/data/versions/load-dataset";
import { analyseStory } from "../src/stories/story-analysis";
import { STORIES_DIR } from "../src/stories/story-files";

/** The dataset the examples read: the programme's own figures. */
const DATASET = "rescue-and-response";
/** A story's address: lower-case words joined by hyphens, as the existing stories' are. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The examples' ids: a Fact, a Chart and a Cite that the current data holds. */
function examples(root: string) {
  const version = catalog[DATASET];
  const data = loadDataset(DATASET, version, root);
  const records = readSourceRecords(root);
  // A figure whose words we hold, so its footnote can quote them.
  const fact = allFacts({ [DATASET]: version }, root).find(
    (f) => f.dataset === DATASET && quotedSources(f.row.sources, rowKeys(DATASET, f.row), records).some((q) => q.passages.length > 0),
  );
  // A chart of that dataset that draws one version (comparisons need two pins) from a table it has.
  const chart = chartIds.map(getChart).find((c) => c.dataset === DATASET && !c.versions && !c.boundaries && data.tables[c.table]);
  // A source of that version with a passage we hold, for the Cite.
  const source = data.meta.sources.map((s) => records.get(s.id)).find((r) => r && r.passages.length > 0);
  if (!fact || !chart || !source) throw new Error(`the data holds no example Fact, Chart or Cite for ${DATASET} ${version}`);
  return { version, fact: fact.id, chart: chart.id, source: source.id, passage: source.passages[0]!.id };
}

/**
 * The text of a new story: every frontmatter field (optional ones commented out, with what they do)
 * and one example of each component.
 * @param today the publication date to put in (YYYY-MM-DD)
 */
export function storyTemplate(today: string, root: string = process.cwd()): string {
  const { version, fact, chart, source, passage } = examples(root);
  return `---
title: "The headline: the story's main point, as a sentence"
standfirst: "One or two sentences under the headline, saying what the story finds. Search engines and shares show it too."
byline: "By the data team"
published: ${today}
data:
  ${DATASET}: "${version}"
shareImageAlt: "The headline beside the story's first chart: say what the chart shows."
draft: true # remove this line when the story is ready: drafts show only in npm run dev
# updated: ${today}                 # the day of a later update (then say what it added below)
# updateNote: "added …"            # required with updated:
# compare:                          # another version to set beside the pinned one (comparison charts)
#   ${DATASET}: "…"
# order: 1                          # a fixed place on the home page; leave out to list it newest first
# corrections:                      # oldest first, one per error; never delete one
#   - date: ${today}
#     id: short-id
#     text: "We said … . The right figure is … ."
---

The first paragraph: what we found, in plain words. Every number comes from the data: the study
linked <Fact id="${fact}" /> people (replace this with your own sentence).

<Chart
  id="${chart}"
  title="The chart's takeaway, as a sentence"
  subtitle="What is measured, where and when"
  notes="One short caveat, at most 30 words, or remove this line."
/>

Say who said something, and cite the words of theirs we hold<Cite source="${source}" passage="${passage}" />.

<Aside title="A term readers may not know">
Two or three sentences on the term, in plain words.
</Aside>

<PullQuote name="Name Surname" role="their role" source="where and when they said it">
A short quotation, attributed, never pasted from an article.
</PullQuote>
`;
}

/**
 * Writes content/stories/<slug>.mdx from {@link storyTemplate} and checks it as the build would.
 * @returns the lines to print: what was written and what to do next
 */
export function newStory(slug: string, today: string, root: string = process.cwd()): string[] {
  if (!SLUG.test(slug))
    throw new Error(`"${slug}" cannot be a story's address: use lower-case words joined by hyphens, e.g. npm run new-story -- how-lines-recruit`);
  const file = `${STORIES_DIR}/${slug}.mdx`;
  if (existsSync(join(root, file))) throw new Error(`${file} already exists: choose another name, or edit that story`);
  writeFileSync(join(root, file), storyTemplate(today, root));
  analyseStory(file, root);
  return [
    `Wrote ${file}, a draft with every frontmatter field and one example of each component.`,
    `Preview it with npm run dev at /stories/${slug}/, check it with npm run proof, and remove "draft: true" when it is ready.`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const [slug, ...rest] = process.argv.slice(2);
    if (!slug || rest.length > 0) throw new Error("give the new story's name, e.g. npm run new-story -- how-lines-recruit");
    for (const line of newStory(slug, new Date().toISOString().slice(0, 10))) console.log(line);
  } catch (error) {
    console.error(`Problem: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
