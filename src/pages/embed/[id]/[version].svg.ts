import type { APIRoute, GetStaticPaths } from "astro";
import { chartUses, type ChartUse } from "../../../stories/chart-uses";
import { renderChart } from "../../../figures/render-chart";
import { standaloneSvg } from "../../../figures/standalone-svg";
import { siteUrl } from "../../../components/with-base";

/** Each embeddable chart as a standalone SVG file beside its PNG: title, key, sources and version drawn in. */
export const getStaticPaths = (() => chartUses().map((use) => ({ params: { id: use.id, version: use.version }, props: { use } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { use } = props as { use: ChartUse };
  const chart = renderChart(use.id, { versions: use.data, compare: use.compare, instance: "svg" });
  const url = siteUrl(`embed/${use.id}/${use.version}/`, site!);
  return new Response(standaloneSvg(chart, { title: use.title, subtitle: use.subtitle, notes: use.notes, url }));
};
