import type { APIRoute, GetStaticPaths } from "astro";
import { getChart } from "../../charts";
import { cslFile, type Citable } from "../../data/citing/cite";
import { loadAllDatasets } from "../../data/versions/load-dataset";
import { chartUses } from "../../stories/chart-uses";
import { datasetCitable, figureCitable, storyCitable } from "../../stories/citables";
import { publishedStories } from "../../stories/published-stories";

/** A citation, made once the site's address is known. */
type Maker = (site: URL) => Citable;

/**
 * Every citation's CSL-JSON file, `/cite/<key>.json`: each story, each figure at each data version,
 * each dataset version. The pages show the same citation as text and BibTeX, built from the same object.
 */
export const getStaticPaths = (async () => {
  // Keys do not depend on the site's address; URLs do, so each citation is made in GET, which knows it.
  const any = new URL("https://example.org");
  const makers: Maker[] = [
    ...(await publishedStories()).map((story) => (site: URL) => storyCitable(story, site)),
    ...chartUses().map((use) => (site: URL) => figureCitable(use, getChart(use.id).dataset, site)),
    ...loadAllDatasets().map((d) => (site: URL) => datasetCitable(d, site)),
  ];
  return makers.map((make) => ({ params: { key: make(any).key }, props: { make } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => new Response(cslFile((props as { make: Maker }).make(site!)));
