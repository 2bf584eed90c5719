import type { APIRoute, GetStaticPaths } from "astro";
import { chartUses, type ChartUse } from "../../../stories/chart-uses";
import { renderChart } from "../../../figures/render-chart";
import { standaloneSvg } from "../../../figures/standalone-svg";
import { darkPalette } from "../../../render/palette";
import { siteUrl } from "../../../components/with-base";

/**
 * Each embeddable chart's standalone SVG in the dark scheme, beside the light one: the same drawing and
 * size, in the colours the site uses for readers who prefer dark (the picture embed code offers it to them).
 */
export const getStaticPaths = (() => chartUses().map((use) => ({ params: { id: use.id, version: use.version }, props: { use } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { use } = props as { use: ChartUse };
  const chart = renderChart(use.id, { versions: use.data, compare: use.compare, instance: "svg" });
  const url = siteUrl(`embed/${use.id}/${use.version}/`, site!);
  return new Response(standaloneSvg(chart, { title: use.title, subtitle: use.subtitle, notes: use.notes, url }, darkPalette()));
};
