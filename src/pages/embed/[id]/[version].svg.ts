import type { APIRoute, GetStaticPaths } from "astro";
import { chartUses, type ChartUse } from "../../../stories/chart-uses";
import { getChart } from "../../../charts";
import { renderChart } from "../../../figures/render-chart";
import { standaloneSvg } from "../../../figures/standalone-svg";
import { darkPalette, lightPalette } from "../../../render/palette";
import { siteUrl } from "../../../components/with-base";
import { SVG_FILES } from "../../../figures/embed-code";

/**
 * Each embeddable chart as standalone SVG files beside its PNG, with title, key, sources and version
 * drawn in: `<version>.svg`, and `-dark.svg` in the colours the site uses for readers who prefer dark
 * (the same drawing and size); for charts drawn twice, `-narrow.svg` and `-narrow-dark.svg`, the narrow
 * drawing, which the picture embed code gives phones (the wide file's text would be half size there).
 */
export const getStaticPaths = (() =>
  chartUses().flatMap((use) =>
    Object.values(SVG_FILES)
      .filter((v) => v.rendering === "wide" || !getChart(use.id).oneRendering)
      .map((variant) => ({
        params: { id: use.id, version: `${use.version}${variant.suffix}` },
        props: { use, variant },
      })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { use, variant } = props as { use: ChartUse; variant: (typeof SVG_FILES)[keyof typeof SVG_FILES] };
  const chart = renderChart(use.id, { versions: use.data, compare: use.compare, instance: "svg" });
  const url = siteUrl(`embed/${use.id}/${use.version}/`, site!);
  const words = { title: use.title, subtitle: use.subtitle, notes: use.notes, url };
  return new Response(standaloneSvg(chart, words, variant.dark ? darkPalette() : lightPalette(), variant.rendering));
};
