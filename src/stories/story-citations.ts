import { chartIds, getChart } from "../charts";
import { allFacts, getFactAt, type Fact, type Versions } from "../data/rows/facts";
import { loadDataset } from "../data/versions/load-dataset";
import { catalog } from "../data/versions/catalog";
import type { Source } from "../data/schema/meta-schema";
import { formatDate } from "../data/words/format-value";
import { chartRows } from "../figures/render-chart";
import { citableOn, describeSource, laterThan, storyDate, type Citation } from "../data/citing/citations";
import { quotedSources, readSourceRecords, rowKeys } from "../data/citing/source-records";
import { citeAnchor, factAnchor, figureAnchor } from "../components/use-anchors";
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
    if (citable.length === 0 && entries.length > 0) {
      const sources = [...new Map(entries.map((e) => [e.source.id, e.source])).values()];
      // "dated after" only when every source certainly is; a source dated by month or year may not be.
      const when = sources.every((s) => laterThan(s, asOf!))
        ? `dated after this story (${dated})`
        : `not known to be dated on or before this story (${dated}): a source dated only by month or year counts from its latest possible day`;
      fail(
        `${what} cites ${sources.map(describeSource).join(" and ")}, ${when}. A story cites only sources dated on or before its date: to add a later one, set updated: to a date on or after the source and say what was added in updateNote:`,
      );
    }
    citations.push(...citable);
  };
  const records = readSourceRecords();
  /** `<Cite>`s met so far, in document order: the page numbers them alike (src/components/Cite.astro). */
  let cites = 0;
  /**
   * The uses of a data row's sources: each source with the passages of it that state the row (or its
   * period), pointing at `target`. A source whose words on the row we do not hold is left out, so the
   * page lists only sources it can quote; if we hold no words of any of them, all are kept.
   */
  const forRow = (entries: readonly Citation[], keys: readonly string[], target: string): Citation[] =>
    quotedSources(
      entries.map((e) => e.source.id),
      keys,
      records,
    ).flatMap(({ id, passages }) => {
      const entry = entries.find((e) => e.source.id === id)!;
      return [entry, ...passages.map((p) => ({ ...entry, passage: { id: p.id, text: p.text, target } }))];
    });
  const ofFact = (fact: Fact, version?: string): Citation[] =>
    forRow(
      fact.sources.map((source) => ({ dataset: fact.dataset, version: fact.version, source })),
      rowKeys(fact.dataset, fact.row),
      factAnchor(fact.id, version),
    );
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
          `<Chart id="${id}"> reads ${chart.dataset}, which the frontmatter does not pin; add it under data: (e.g. ${chart.dataset}: "${catalog[chart.dataset]}") so the chart keeps its numbers when a new version lands`,
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
      // The sources whose words on the rows drawn we hold, in the order the figure credits them
      // (meta.json order), as a reader meets them; then those passages, pointing at the figure.
      const used = rows.flatMap((row) => forRow(sourcesOf(row).map(entry), rowKeys(chart.dataset, row), figureAnchor(id)));
      const kept = new Set(used.map((c) => c.source.id));
      cite(fail, `<Chart id="${id}">`, sources.filter((s) => kept.has(s.id)).map(entry));
      cite(
        fail,
        `<Chart id="${id}">`,
        used.filter((c) => c.passage),
      );
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
        return cite(fail, `<Fact id="${id}" version="${version}">`, ofFact(fact!, version));
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

    /**
     * A `<Cite source passage>`: a source declared by a dataset version the story pins (or compares
     * with), and the passage(s) of it we hold that the sentence rests on (space-separated ids).
     */
    source(source: string, passage: string | undefined, fail: Fail) {
      const declaring = [...Object.entries(pins), ...Object.entries(compare)].map(([dataset, v]) => loadDataset(dataset, v!));
      const home = declaring.find((d) => d.meta.sources.some((s) => s.id === source));
      const ids = [...new Set(declaring.flatMap((d) => d.meta.sources.map((s) => s.id)))];
      if (!home) fail(`<Cite source="${source}">: unknown source id. The story's data cites: ${ids.join(", ")}`);
      const held = records.get(source)?.passages ?? [];
      const list = held.map((p) => `${p.id} ("${p.text.split(/\s+/).slice(0, 8).join(" ")}…")`).join("; ");
      const wanted = (passage ?? "").split(/\s+/).filter(Boolean);
      if (held.length === 0)
        fail(
          `<Cite source="${source}">: we hold no passage of ${source} (data/sources.json), so nothing it says can be checked; cite a source whose words we hold, or add the passage to data/sources.json`,
        );
      if (wanted.length === 0)
        fail(`<Cite source="${source}">: say which passage the sentence rests on, e.g. passage="${held[0]!.id}". The passages we hold from ${source}: ${list}`);
      const entry = home!.meta.sources.filter((s) => s.id === source).map((s) => ({ dataset: home!.id, version: home!.version, source: s }))[0]!;
      cites += 1;
      const uses = wanted.map((id) => {
        const p = held.find((h) => h.id === id);
        if (!p)
          fail(`<Cite source="${source}" passage="${id}">: no passage "${id}" of ${source} in data/sources.json. The passages we hold from ${source}: ${list}`);
        return { ...entry, passage: { id: p!.id, text: p!.text, target: citeAnchor(cites) } };
      });
      cite(fail, `<Cite source="${source}">`, [entry, ...uses]);
    },
  };
}
