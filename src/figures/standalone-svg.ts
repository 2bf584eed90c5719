import type { LegendItem, Swatch } from "../charts/define-chart";
import { theme, wrapLabel } from "../charts/theme";
import { formatDate } from "../data/words/format-value";
import { publication } from "../data/citing/publication";
import { escapeXml } from "../render/escape-xml";
import { inlineColors, lightPalette } from "../render/palette";
import type { RenderedChart } from "./render-chart";

/** The site's system font stack, as an SVG attribute value. */
const FONTS = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
/** Margins around the drawing: the narrow file keeps them small, so a 304 px phone column shows its 13-unit text at 11 CSS px or more. */
const WIDE_PAD = 20;
const NARROW_PAD = 8;
/** A generous average character width in ems, so wrapped lines fit in wide fonts too. */
const CHAR_EM = 0.62;

/** The words a figure shows around its chart (the story's, or the embed's). */
export interface FigureWords {
  readonly title: string;
  readonly subtitle: string;
  readonly notes?: string;
  /** The figure's canonical address (its embed page), printed in the footer. */
  readonly url: string;
}

/** A legend swatch, 18 × 10 at (x, y), drawn as the page's CSS draws it, in `palette`'s colours. */
function swatch(kind: Swatch | undefined, x: number, y: number, palette: Map<string, string>): string {
  if (!kind) return "";
  const colour = (name: string) => palette.get(name) ?? "#000";
  const accent = colour("--chart-accent");
  const rect = (attrs: string) => `<rect x="${x + 1}" y="${y + 1}" width="16" height="8" ${attrs}/>`;
  switch (kind) {
    case "solid":
      return rect(`fill="${accent}" stroke="${accent}" stroke-width="2"`);
    case "solid-muted":
      return rect(`fill="${colour("--chart-muted")}" stroke="${colour("--chart-muted")}" stroke-width="2"`);
    case "outline":
      return rect(`fill="none" stroke="${accent}" stroke-width="2"`);
    case "dashed":
      return rect(`fill="none" stroke="${accent}" stroke-width="2" stroke-dasharray="4,2"`);
    case "range":
      return rect(`fill="${accent}" fill-opacity="0.3" stroke="${accent}" stroke-width="2"`);
    case "gap":
      return `<line x1="${x}" x2="${x + 18}" y1="${y + 9}" y2="${y + 9}" stroke="${colour("--chart-muted")}" stroke-width="2" stroke-dasharray="2,2"/>`;
    case "line":
    case "line-dashed":
      return `<line x1="${x}" x2="${x + 18}" y1="${y + 5}" y2="${y + 5}" stroke="${colour("--fg")}" stroke-width="4"${kind === "line-dashed" ? ' stroke-dasharray="4,2"' : ""}/>`;
    case "outline-dashed":
      return rect(`fill="${colour("--map-none")}" stroke="${colour("--fg")}" stroke-width="2" stroke-dasharray="4,2"`);
    case "map-none":
      return rect(`fill="${colour("--map-none")}" stroke="${colour("--chart-muted")}" stroke-width="1"`);
    default:
      return rect(`fill="${colour(`--${kind}`)}"`);
  }
}

/**
 * A figure as one standalone SVG file, for designers and print, and for the picture embed: the wide
 * rendering (or the narrow one, for phones, whose text would be half size in a scaled-down wide one) with its title,
 * subtitle, caveat, key, notes, sources and data version drawn in, in the system font stack, with
 * every colour resolved (for a light background by default, or the dark palette for the dark variant),
 * so it needs none of our CSS. Valid XML.
 * @param palette the scheme's colours, by custom property name (`lightPalette()` or `darkPalette()`)
 * @param rendering "narrow" draws the chart's narrow rendering in a file 336 units wide, its small print
 *   no smaller than the chart's text (a chart drawn once gives its one, wide, file); "wide", the default, 680 wide
 */
export function standaloneSvg(
  chart: RenderedChart,
  words: FigureWords,
  palette: Map<string, string> = lightPalette(),
  rendering: "wide" | "narrow" = "wide",
): string {
  // A chart drawn once has only its wide rendering: the file is as wide as the drawing it holds.
  const narrow = rendering === "narrow" && chart.svg.narrow !== undefined;
  const CHART_WIDTH = theme.widths[narrow ? "narrow" : "wide"];
  const PAD = narrow ? NARROW_PAD : WIDE_PAD;
  const WIDTH = CHART_WIDTH + 2 * PAD;
  /** Small print (key, notes, sources): in the narrow file, no smaller than the chart's own text, as phones show it near its own size. */
  const small = (size: number) => (narrow ? Math.max(size, theme.fontSize) : size);
  const colour = (name: string) => palette.get(name) ?? "#000";
  const parts: string[] = [];
  let y = PAD;
  /** Wrapped text lines at the current y; returns nothing, moves y down. */
  const text = (value: string, size: number, attrs = "", width = CHART_WIDTH) => {
    for (const line of wrapLabel(value, Math.floor(width / (size * CHAR_EM)))) {
      y += Math.round(size * 1.3);
      parts.push(`<text x="${PAD}" y="${y}" font-size="${size}"${attrs}>${escapeXml(line)}</text>`);
    }
  };
  const muted = ` fill="${colour("--muted")}"`;
  text(words.title, 20, ' font-weight="700"');
  text(words.subtitle, 15, muted);
  if (chart.caveat) {
    y += 6;
    text(`Not like for like. ${chart.caveat.full}`, small(13));
  }
  // The key: swatch and label, in rows that wrap at the chart's width.
  y += 10;
  let x = PAD;
  const keySize = small(12);
  const items: LegendItem[] = [...chart.legend];
  if (items.length > 0) y += 4;
  for (const item of items) {
    const w = (item.swatch ? 24 : 0) + Math.ceil(item.label.length * keySize * CHAR_EM) + 14;
    if (x > PAD && x + w > PAD + CHART_WIDTH) {
      x = PAD;
      y += 18;
    }
    parts.push(swatch(item.swatch, x, y, palette));
    parts.push(`<text x="${x + (item.swatch ? 24 : 0)}" y="${y + 9}" font-size="${keySize}">${escapeXml(item.label)}</text>`);
    x += w;
  }
  if (items.length > 0) y += 24;
  // The chart itself: the rendering asked for, nested at its own size, colours resolved.
  const svg = inlineColors(narrow ? chart.svg.narrow! : chart.svg.wide, palette, FONTS);
  const viewBox = /viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(svg);
  const height = Number(viewBox?.[2] ?? 400);
  parts.push(
    svg
      .replace(/^<svg /, `<svg x="${PAD}" y="${y}" `)
      // Its name and description are the file's own <title> and <desc>; classes mean nothing without our CSS
      // (marks for narrow columns keep display="none").
      .replace(/ (?:aria-labelledby|aria-describedby|role|class)="[^"]*"/g, ""),
  );
  y += height + 8;
  if (words.notes) text(words.notes, small(12), muted);
  const sources = chart.sources.map((s) => `[${s.id}] ${s.publisher}, ${s.title} (${formatDate(s.date)})`).join("; ");
  text(`Sources: ${sources}.`, small(11), muted);
  if (chart.boundaries)
    text(`Boundaries: ${chart.boundaries.sources.map((s) => `${s.publisher} (${s.licence.replace(/\.$/, "")})`).join("; ")}.`, small(11), muted);
  const versions = [...(chart.before ? [chart.before.version] : []), chart.version].join(" and ");
  text(`Data: ${chart.dataset}, version ${versions}. ${publication.name}, ${words.url}`, small(11), muted);
  const total = y + PAD;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${total}" viewBox="0 0 ${WIDTH} ${total}" font-family="${FONTS}" fill="${colour("--fg")}" style="font-variant-numeric: tabular-nums">`,
    `<title>${escapeXml(words.title)}</title>`,
    `<desc>${escapeXml(chart.description)}</desc>`,
    `<rect width="${WIDTH}" height="${total}" fill="${colour("--bg")}"/>`,
    ...parts,
    `</svg>`,
    "",
  ].join("\n");
}

/**
 * The size a figure's standalone SVG is drawn at (the same in both schemes: only colours differ), for
 * the width and height attributes of an `<img>` that shows it, so the page keeps its room before it loads.
 */
export function standaloneSvgSize(chart: RenderedChart, words: FigureWords, rendering: "wide" | "narrow" = "wide"): { width: number; height: number } {
  const [, width, height] = /^<svg [^>]*?width="(\d+)" height="(\d+)"/m.exec(standaloneSvg(chart, words, lightPalette(), rendering)) ?? [];
  return { width: Number(width), height: Number(height) };
}
