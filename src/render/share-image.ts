import sharp from "sharp";
import { wrapWords } from "../data/words/wrap-words";
import { escapeXml } from "./escape-xml";
import { inlineColors, lightPalette } from "./palette";

const SHARE_WIDTH = 1200;
const SHARE_HEIGHT = 630;

/**
 * A 1200×630 PNG for link previews: the headline on the left and the lead chart on the right,
 * in the light colour scheme. Text is escaped: a headline can never inject markup.
 */
export async function shareImage(options: ShareImageOptions): Promise<Buffer> {
  return sharp(Buffer.from(shareSvg(options)))
    .png({ compressionLevel: 9, palette: true, effort: 1 })
    .toBuffer();
}

export interface ShareImageOptions {
  title: string;
  chartSvg?: string;
  site: string;
}

/** The share image as SVG markup, before rasterising: pure, so its escaping can be tested. */
export function shareSvg({ title, chartSvg, site }: ShareImageOptions): string {
  const palette = lightPalette();
  const fg = palette.get("--fg") ?? "#1a1a1a";
  const accent = palette.get("--chart-accent") ?? "#b3311d";
  // About 0.6 em per character in DejaVu Sans Bold: 20 characters at 44 px fit the 540 px column.
  const lines = wrapWords(title, chartSvg ? 20 : 34).slice(0, 7);
  const size = chartSvg ? (lines.length > 5 ? 38 : 44) : 56;
  const text = lines.map((l, i) => `<tspan x="64" y="${150 + i * size * 1.2}">${escapeXml(l)}</tspan>`).join("");
  const chart = chartSvg
    ? inlineColors(chartSvg, palette).replace(
        /^<svg([^>]*)>/,
        (_, attrs: string) =>
          `<svg${attrs.replace(/\s(?:width|height|x|y)="[^"]*"/g, "")} x="620" y="60" width="540" height="510" preserveAspectRatio="xMidYMid meet">`,
      )
    : "";
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SHARE_WIDTH}" height="${SHARE_HEIGHT}" viewBox="0 0 ${SHARE_WIDTH} ${SHARE_HEIGHT}">
<rect width="100%" height="100%" fill="#ffffff"/>
<rect x="0" y="0" width="${SHARE_WIDTH}" height="12" fill="${accent}"/>
<text font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-weight="700" font-size="${size}" fill="${fg}">${text}</text>
<text x="64" y="580" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="24" fill="${palette.get("--muted") ?? "#595959"}">${escapeXml(site)}</text>
${chart}
</svg>`;
  return svg;
}
