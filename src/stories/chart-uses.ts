import { getChart } from "../charts";
import { catalog } from "../data/versions/catalog";
import type { Versions } from "../data/rows/facts";
import { listVersions } from "../data/versions/list-versions";
import { correctedVersions } from "../data/schema/meta-schema";
import { analyseAllStories, type StoryAnalysis } from "./story-analysis";
import { isScheduled } from "./schedule";

/** One chart as placed in a story: its words, and the data version it shows. */
export interface ChartUse {
  readonly id: string;
  /** The version of the chart's dataset it is drawn from (the later one, for comparisons). */
  readonly version: string;
  readonly title: string;
  readonly subtitle: string;
  readonly notes?: string;
  /** The story's pins, which the chart is rendered with. */
  readonly data: Versions;
  /** The versions the story compares against (for a chart's not-like-for-like caveat). */
  readonly compare: Versions;
  /** For an embed kept at a version that has since been corrected: the version that corrects it. */
  readonly correctedBy?: string;
  /** The story that placed it first: its title and date (its update, else its publication), for citations. */
  readonly story: { readonly title: string; readonly date: string };
}

/**
 * Every distinct chart-and-version placed in the published stories (not drafts, not scheduled) (in file-name order, first
 * placement wins), for pages that show a chart on its own: embeds at `/embed/<id>/<version>/`. The
 * version is in the address so that an embed keeps showing the figures it was published with when
 * a story moves to a new data version. When a story moves to a correction (`2019-09-18-c1`), the
 * chart stays embeddable at the versions it corrects, with their own numbers and a link to the
 * correction, so other sites' iframes keep working.
 */
export function chartUses(stories: readonly StoryAnalysis[] = analyseAllStories()): ChartUse[] {
  const uses = new Map<string, ChartUse>();
  for (const story of stories) {
    if (story.draft || isScheduled(story.published)) continue;
    for (const placed of story.charts) {
      const chart = getChart(placed.id);
      const data = story.data;
      const version = chart.versions?.after ?? data[chart.dataset] ?? catalog[chart.dataset];
      const key = `${placed.id}/${version}`;
      if (!uses.has(key)) uses.set(key, { ...placed, version, data, compare: story.compare, story: { title: story.title, date: story.date } });
    }
  }
  for (const use of [...uses.values()]) {
    const dataset = getChart(use.id).dataset;
    for (const older of correctedVersions(use.version).filter((v) => listVersions(dataset).includes(v))) {
      const key = `${use.id}/${older}`;
      if (!uses.has(key)) uses.set(key, { ...use, version: older, data: { ...use.data, [dataset]: older }, correctedBy: use.version });
    }
  }
  return [...uses.values()];
}
