import sharp from "sharp";
import type { APIRoute, GetStaticPaths } from "astro";
import { chartUses, type ChartUse } from "../../../stories/chart-uses";
import { inlineColors } from "../../../render/palette";
import { renderChart } from "../../../figures/render-chart";

/** A static PNG of each embeddable chart (wide, light scheme, 2× for sharp screens): the fallback for embeds. */
export const getStaticPaths = (() => chartUses().map((use) => ({ params: { id: use.id, version: use.version }, props: { use } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { use } = props as { use: ChartUse };
  const svg = inlineColors(renderChart(use.id, { versions: use.data, compare: use.compare, instance: "png" }).svg.wide).replace(
    "<svg ",
    '<svg xmlns="http://www.w3.org/2000/svg" ',
  );
  const png = await sharp(Buffer.from(svg), { density: 144 })
    .flatten({ background: "#ffffff" })
    .png({ compressionLevel: 9, palette: true, effort: 1 })
    .toBuffer();
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
};
