import type { APIRoute, GetStaticPaths } from "astro";
import type { CollectionEntry } from "astro:content";
import { analyseStory } from "../../stories/story-analysis";
import { publishedStories } from "../../stories/published-stories";
import { renderChart } from "../../figures/render-chart";
import { shareImage } from "../../render/share-image";

/** One share image per story: headline plus lead chart, 1200×630, made at build time. */
export const getStaticPaths = (async () =>
  (await publishedStories()).map((story) => ({ params: { slug: story.id }, props: { story } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ story: CollectionEntry<"stories"> }> = async ({ props, site }) => {
  const { story } = props;
  // The lead chart: the first the story places.
  const lead = analyseStory(story.filePath!).charts[0]?.id;
  const chartSvg = lead ? renderChart(lead, { versions: story.data.data, instance: "share" }).svg.wide : undefined;
  const png = await shareImage({ title: story.data.title, chartSvg, site: site?.host ?? "" });
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
};
