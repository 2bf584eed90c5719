import type { Citable } from "../data/citing/cite";
import { storyDate } from "../data/citing/citations";
import type { Dataset } from "../data/schema/dataset";
import { siteUrl as url } from "../components/with-base";
import type { ChartUse } from "./chart-uses";

// What a story, figure or dataset version is cited as, with its canonical URL under SITE_URL and BASE_PATH.

/** A story: its title, its date (its update, else its publication) and its page. */
export function storyCitable(story: { id: string; data: { title: string; published: Date; updated?: Date } }, site: URL): Citable {
  return {
    key: `county-lines-story-${story.id.replaceAll("/", "-")}`,
    kind: "story",
    title: story.data.title,
    date: storyDate(story.data),
    url: url(`stories/${story.id}/`, site),
  };
}

/**
 * A figure at one data version: cited as its embed page, the same in every story that shows it, with
 * the title, story and date of the story that placed it first (as the embed page shows it).
 */
export function figureCitable(use: ChartUse, dataset: string, site: URL): Citable {
  return {
    key: `county-lines-chart-${use.id}-${use.version}`,
    kind: "figure",
    title: use.title,
    date: use.story.date,
    url: url(`embed/${use.id}/${use.version}/`, site),
    container: use.story.title,
    dataset,
    version: use.version,
  };
}

/** A dataset version: its title, version and publication date, at its place on the Data page. */
export function datasetCitable(d: Dataset, site: URL): Citable {
  return {
    key: `county-lines-data-${d.id}-${d.version}`,
    kind: "dataset",
    title: d.meta.title,
    date: d.meta.published,
    url: url(`data/#${d.id}-${d.version}`, site),
    dataset: d.id,
    version: d.version,
  };
}
