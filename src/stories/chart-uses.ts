import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { mdxToJs } from "satteri";
import { parse } from "yaml";
import { getChart } from "../charts";
import { catalog } from "../data/catalog";
import type { Versions } from "../data/facts";
import { listVersions } from "../data/load-dataset";
import { correctedVersions } from "../data/meta-schema";
import { storyDate } from "../data/citations";
import { checkComponentsPlugin, type ChartPlacement } from "./check-components-plugin";
import { splitFrontmatter, storyFiles } from "./story-files";

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

/** A story's pins and the charts it places, in order. */
export interface StoryPlacements {
  readonly file: string;
  readonly data: Versions;
  readonly compare: Versions;
  readonly draft: boolean;
  readonly title: string;
  /** YYYY-MM-DD: the update, else the publication. */
  readonly date: string;
  readonly charts: readonly ChartPlacement[];
}

/**
 * Every story's charts, as the MDX check records them while it walks the story's tree (the same
 * plugin that checks the story in the build), so nothing reads MDX with a regex.
 */
function storyPlacements(root: string = process.cwd()): StoryPlacements[] {
  return storyFiles(root).map((file) => {
    const path = join(root, file);
    const source = readFileSync(path, "utf8");
    // Compiled once per version of the file: the embed pages and their PNGs both ask in one build.
    const cached = compiled.get(path);
    if (cached?.source === source) return cached.placements;
    const { frontmatter: yaml, body } = splitFrontmatter(source);
    const frontmatter = (parse(yaml ?? "") ?? {}) as {
      title?: string;
      published?: string;
      updated?: string;
      data?: Versions;
      compare?: Versions;
      draft?: boolean;
      charts?: ChartPlacement[];
    };
    mdxToJs(body, { mdastPlugins: [checkComponentsPlugin], fileURL: pathToFileURL(path), data: { astro: { frontmatter } } } as never);
    const placements = {
      file,
      data: frontmatter.data ?? {},
      compare: frontmatter.compare ?? {},
      draft: frontmatter.draft === true,
      title: String(frontmatter.title ?? ""),
      date: storyDate({ published: String(frontmatter.published ?? ""), updated: frontmatter.updated === undefined ? undefined : String(frontmatter.updated) }),
      charts: frontmatter.charts ?? [],
    };
    compiled.set(path, { source, placements });
    return placements;
  });
}
const compiled = new Map<string, { source: string; placements: StoryPlacements }>();

/**
 * Every distinct chart-and-version placed in the published stories (in file-name order, first
 * placement wins), for pages that show a chart on its own: embeds at `/embed/<id>/<version>/`. The
 * version is in the address so that an embed keeps showing the figures it was published with when
 * a story moves to a new data version. When a story moves to a correction (`2019-09-18-c1`), the
 * chart stays embeddable at the versions it corrects, with their own numbers and a link to the
 * correction, so other sites' iframes keep working.
 */
export function chartUses(stories: readonly StoryPlacements[] = storyPlacements()): ChartUse[] {
  const uses = new Map<string, ChartUse>();
  for (const story of stories) {
    if (story.draft) continue;
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
