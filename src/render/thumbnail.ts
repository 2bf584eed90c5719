import sharp from "sharp";
import { inlineColors, lightPalette } from "./palette";

/**
 * The box a thumbnail is drawn in, in CSS pixels: the width of a chart's narrow rendering (320), so
 * that at this size its labels are the size the story page shows them; 4:3, so that every card's
 * picture has the same shape whatever the chart's height.
 */
const BOX = { width: 320, height: 240 } as const;
/** White space kept around the chart inside the box, in CSS pixels. */
const MARGIN = 10;
/** Device pixels per CSS pixel: sharp on high-density screens at the box's size. */
const SCALE = 2;

/** The thumbnail PNG's size in pixels, for the `<img>` that shows it (its width and height attributes). */
export const THUMBNAIL_SIZE = { width: BOX.width * SCALE, height: BOX.height * SCALE } as const;

/**
 * A story card's picture: one chart alone (no headline: the card shows it), in the light scheme on
 * white, as a palette PNG of {@link THUMBNAIL_SIZE}. Pure: the same SVG gives the same bytes.
 * @param chartSvg a chart's SVG markup, as rendered for a page (custom-property colours, inherited font)
 */
export async function thumbnailPng(chartSvg: string): Promise<Buffer> {
  // A chart has a handful of flat colours: 16 shades, undithered, keep its text as crisp as 256 do
  // (compared at 4× zoom) at half the bytes.
  return sharp(Buffer.from(thumbnailSvg(chartSvg)))
    .png({ compressionLevel: 9, palette: true, colours: 16, dither: 0, effort: 10 })
    .toBuffer();
}

/**
 * The thumbnail as SVG markup, before rasterising: the chart scaled down, never up, to fit the box
 * less its margin, and centred; its colours and font resolved (./palette.ts) so it renders outside a
 * page. The chart's own size is read from its viewBox.
 * @param chartSvg a chart's SVG markup, whose root element has a `viewBox="0 0 w h"`
 */
export function thumbnailSvg(chartSvg: string): string {
  const viewBox = /^<svg[^>]*\sviewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(chartSvg);
  if (!viewBox) throw new Error("thumbnailSvg: the chart's root <svg> has no viewBox");
  const [w, h] = [Number(viewBox[1]), Number(viewBox[2])];
  const scale = Math.min(1, (BOX.width - 2 * MARGIN) / w, (BOX.height - 2 * MARGIN) / h);
  const [width, height] = [w * scale, h * scale];
  const x = (BOX.width - width) / 2;
  const y = (BOX.height - height) / 2;
  const round = (n: number) => Number(n.toFixed(2));
  const chart = inlineColors(chartSvg, lightPalette()).replace(
    /^<svg([^>]*)>/,
    (_, attrs: string) =>
      // Its accessible name and description point at elements of the story page: the <img>'s alt stands for them here.
      `<svg${attrs.replace(/\s(?:width|height|x|y|class|role|aria-labelledby|aria-describedby)="[^"]*"/g, "")} x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${round(height)}">`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${THUMBNAIL_SIZE.width}" height="${THUMBNAIL_SIZE.height}" viewBox="0 0 ${BOX.width} ${BOX.height}">
<rect width="100%" height="100%" fill="${lightPalette().get("--bg") ?? "#ffffff"}"/>
${chart}
</svg>`;
}
