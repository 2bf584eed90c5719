import type { APIRoute, GetStaticPaths } from "astro";
import type { CollectionEntry } from "astro:content";
import { leadChart } from "../../stories/lead-chart";
import { publishedStories } from "../../stories/published-stories";
import { renderChart } from "../../figures/render-chart";
import { thumbnailPng } from "../../render/thumbnail";

/**
 * One picture per story for its card on the front page: its lead chart alone, small, made at build
 * time. The narrow rendering, whose labels stay legible at a card's size (a chart drawn once, such as
 * a map, has only the wide one). Stories without a chart get none.
 */
export const getStaticPaths = (async () =>
  (await publishedStories())
    .filter((story) => leadChart(story.filePath!))
    .map((story) => ({ params: { slug: story.id }, props: { story } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ story: CollectionEntry<"stories"> }> = async ({ props }) => {
  const { story } = props;
  const lead = leadChart(story.filePath!)!;
  const { svg } = renderChart(lead.id, { versions: story.data.data, compare: story.data.compare, instance: "thumb" });
  const png = await thumbnailPng(svg.narrow ?? svg.wide);
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
};
