import { chartIds, getChart } from "../charts";
import { allFacts, getFactAt, type Fact, type Versions } from "../data/rows/facts";
import { loadDataset } from "../data/versions/load-dataset";
import { listVersions } from "../data/versions/list-versions";
import type { Source } from "../data/schema/meta-schema";
import { formatDate } from "../data/words/format-value";
import { chartRows } from "../figures/render-chart";
import { citableOn, describeSource, storyDate, type Citation } from "../data/citing/citations";
import { closest } from "./closest";

/** What a story's frontmatter tells the checks: its pins and its date. */
export interface StoryFrontmatter {
  data?: Versions;
  compare?: Versions;
  published?: Date | string;
  updated?: Date | string;
}

/** Fails at the element being checked with a message an editor can act on. */
type Fail = (message: string) => never;

/**
 * The sources a story cites, recorded element by element in document order (Facts, Charts and
 * Cites): each element's ids are checked against the data the story pins, and only sources the story
 * could cite on its date are kept; an element none of whose sources is that old fails.
 */
export function citationRecorder(frontmatter: StoryFrontmatter | undefined) {
  const pins = frontmatter?.data ?? {};
  const compare = frontmatter?.compare ?? {};
  /** The date the story speaks as of; drafts without a date are not checked. */
  const asOf = frontmatter?.published ? storyDate({ published: frontmatter.published, updated: frontmatter.updated }) : undefined;
  const dated = frontmatter?.updated ? `updated ${formatDate(asOf!)}` : `published ${asOf ? formatDate(asOf) : "undated"}`;
  const citations: Citation[] = [];
  let facts: Fact[] | undefined;
  const getFacts = () => (facts ??= allFacts(pins));

  const cite = (fail: Fail, what: string, entries: readonly Citation[]) => {
    const citable = asOf ? entries.filter((e) => citableOn(e.source, asOf)) : entries;
    if (citable.length === 0 && entries.length > 0)
      fail(
        `${what} cites ${entries.map((e) => describeSource(e.source)).join(" and ")}, dated after this story (${dated}). A story cites only sources dated on or before its date: to add a later one, set updated: to a date on or after the source and say what was added in updateNote:`,
      );
    citations.push(...citable);
  };
  const ofFact = (fact: Fact): Citation[] => fact.sources.map((source) => ({ dataset: fact.dataset, version: fact.version, source }));
  let everyFact: Fact[] | undefined;

  return {
    citations,
    /** The facts of the pinned versions and of the versions compared with: no typed number may equal any of them. */
    everyFact: () =>
      (everyFact ??= [
        ...getFacts(),
        ...Object.entries(compare).flatMap(([dataset, version]) => allFacts({ [dataset]: version }).filter((f) => f.dataset === dataset)),
      ]),

    /** A `<Chart id>`: a known chart, its versions pinned, and a source the story could cite for every row it draws. */
    chart(id: string, fail: Fail) {
      if (!chartIds.includes(id)) fail(`<Chart id="${id}">: unknown chart id "${id}". Use one of: ${chartIds.join(", ")}`);
      const chart = getChart(id);
      if (!chart.versions && !pins[chart.dataset])
        fail(
          `<Chart id="${id}"> reads ${chart.dataset}, which the frontmatter does not pin; add it under data: (e.g. ${chart.dataset}: "${listVersions(chart.dataset).at(-1)}") so the chart keeps its numbers when a new version lands`,
        );
      if (chart.versions && (pins[chart.dataset] !== chart.versions.after || compare[chart.dataset] !== chart.versions.before))
        fail(
          `<Chart id="${id}"> compares ${chart.dataset} ${chart.versions.before} with ${chart.versions.after}; pin them in the frontmatter: data: ${chart.dataset}: "${chart.versions.after}" and compare: ${chart.dataset}: "${chart.versions.before}"`,
        );
      const { rows, sourcesOf, sources, data, before } = chartRows(id, { versions: pins });
      const entry = (source: Source): Citation => {
        const home = data.meta.sources.some((s) => s.id === source.id) ? data : before!;
        return { dataset: home.id, version: home.version, source };
      };
      for (const row of rows) {
        const own = sourcesOf(row);
        if (asOf && own.length > 0 && !own.some((s) => citableOn(s, asOf))) cite(fail, `<Chart id="${id}"> (row "${row.id}")`, own.map(entry));
      }
      // In the order the figure credits them (meta.json order), as a reader meets them.
      cite(fail, `<Chart id="${id}">`, sources.map(entry));
    },

    /** A `<Fact id>` of the pinned data, or `<Fact id version>` of a version the story pins or compares with. */
    fact(id: string, version: string | undefined, fail: Fail) {
      if (version !== undefined) {
        let fact: Fact | undefined;
        try {
          fact = getFactAt(id, version, pins, compare);
        } catch (error) {
          fail(`<Fact id="${id}" version="${version}">: ${(error as Error).message}`);
        }
        return cite(fail, `<Fact id="${id}" version="${version}">`, ofFact(fact!));
      }
      // Suggest only ids of the datasets the story pins: the others cannot be used without a pin.
      const ids = getFacts()
        .filter((f) => pins[f.dataset] !== undefined)
        .map((f) => f.id)
        .sort();
      const fact = getFacts().find((f) => f.id === id);
      if (!fact) {
        const hint = closest(id, ids);
        fail(`<Fact id="${id}">: unknown fact id "${id}"${hint ? ` (did you mean "${hint}"?)` : ""}. Use one of: ${ids.join(", ")}`);
      }
      if (!pins[fact!.dataset])
        fail(
          `<Fact id="${id}"> reads ${fact!.dataset}, which the frontmatter does not pin; add it under data: (e.g. ${fact!.dataset}: "${fact!.version}") so the number stays the same when a new version lands`,
        );
      cite(fail, `<Fact id="${id}">`, ofFact(fact!));
    },

    /** A `<Cite source>`: a source declared by a dataset version the story pins (or compares with). */
    source(source: string, fail: Fail) {
      const declaring = [...Object.entries(pins), ...Object.entries(compare)].map(([dataset, v]) => loadDataset(dataset, v!));
      const home = declaring.find((d) => d.meta.sources.some((s) => s.id === source));
      const ids = [...new Set(declaring.flatMap((d) => d.meta.sources.map((s) => s.id)))];
      if (!home) fail(`<Cite source="${source}">: unknown source id. The story's data cites: ${ids.join(", ")}`);
      cite(
        fail,
        `<Cite source="${source}">`,
        home!.meta.sources.filter((s) => s.id === source).map((s) => ({ dataset: home!.id, version: home!.version, source: s })),
      );
    },
  };
}
