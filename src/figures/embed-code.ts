import { standaloneCredit } from "./figure-credit";
import { publication } from "../data/citing/publication";
import { escapeXml } from "../render/escape-xml";
import { iframeHeight } from "./embed-heights";
import type { RenderedChart } from "./render-chart";
import { theme } from "../charts/theme";
import { standaloneSvgSize, type FigureWords } from "./standalone-svg";

/**
 * A chart's standalone SVG files, by the key `embedPaths` gives each and the ending of its name: the
 * wide drawing in the light and dark schemes, and, for charts drawn twice, the narrow one for phones.
 * The SVG route (src/pages/embed/[id]/[version].svg.ts) draws each.
 */
export const SVG_FILES = {
  svg: { suffix: "", dark: false, rendering: "wide" },
  darkSvg: { suffix: "-dark", dark: true, rendering: "wide" },
  narrowSvg: { suffix: "-narrow", dark: false, rendering: "narrow" },
  narrowDarkSvg: { suffix: "-narrow-dark", dark: true, rendering: "narrow" },
} as const;

/**
 * The site paths of a chart's embeddable files at one data version, declared once: the embed page
 * (for iframes, and the page the picture's caption links to), the PNG, and the standalone SVG files
 * ({@link SVG_FILES}).
 * @example embedPaths("sex", "2019-09-18-c1").darkSvg // "embed/sex/2019-09-18-c1-dark.svg"
 */
export function embedPaths(id: string, version: string) {
  const stem = `embed/${id}/${version}`;
  const svg = (key: keyof typeof SVG_FILES) => `${stem}${SVG_FILES[key].suffix}.svg`;
  return {
    page: `${stem}/`,
    png: `${stem}.png`,
    svg: svg("svg"),
    darkSvg: svg("darkSvg"),
    narrowSvg: svg("narrowSvg"),
    narrowDarkSvg: svg("narrowDarkSvg"),
  } as const;
}

/** The absolute addresses (SITE_URL, base path and path) an embed code points at. */
export interface EmbedUrls {
  /** The chart's embed page. */
  readonly page: string;
  /** Its standalone SVG, light scheme. */
  readonly svg: string;
  /** Its standalone SVG, dark scheme. */
  readonly darkSvg: string;
  /** Its narrow standalone SVG, light and dark, for phones (none for a chart drawn once). */
  readonly narrowSvg?: string;
  readonly narrowDarkSvg?: string;
}

/** What a chart's embed page shows, which its embed codes describe: the chart at its version and its words. */
export interface EmbeddedFigure {
  readonly chart: RenderedChart;
  /** The title, subtitle and notes of the story that placed it first. */
  readonly words: Omit<FigureWords, "url">;
}

/** The two codes a reuser can paste: a picture with a caption, and an iframe of the embed page. */
export interface EmbedCodes {
  /** `<figure>` with the standalone SVG through `<picture>` (light, and dark where preferred) and a caption: no frame, no script. */
  readonly figure: string;
  /** `<iframe>` of the embed page, at the height its page needs (src/figures/embed-heights.ts). */
  readonly iframe: string;
}

/** The one-line credit of a chart that travels alone: who made it and its sources, named by kind. */
function embedCredit(chart: RenderedChart): string {
  return `Chart: ${publication.name}. Sources: ${standaloneCredit(chart.sources).phrase}.`;
}

/**
 * The embed codes of a chart at its data version. The picture scales to any width (`width:100%;
 * height:auto`, with the SVG's own size as attributes so the page keeps its room before it loads), its
 * alt text is the chart's text alternative, and its caption gives the title, the credit and a link to
 * the embed page. The iframe fills its column's width, at a height measured to fit its page in a
 * 375 px phone. Every string is escaped for HTML.
 * @param chart the chart as the embed page draws it (its description and sources)
 * @param words the title, subtitle and notes its embed page and SVG show (the story that placed it first)
 * @param urls absolute addresses, as `embedPaths` names them under SITE_URL and the base path
 */
export function embedCodes(chart: RenderedChart, words: Omit<FigureWords, "url">, urls: EmbedUrls): EmbedCodes {
  const size = standaloneSvgSize(chart, { ...words, url: urls.page });
  const height = iframeHeight(chart.id, chart.version);
  // On phones, the narrow drawing, whose text stays legible (the wide one scaled to a phone halves it).
  const narrow = chart.svg.narrow && urls.narrowSvg && urls.narrowDarkSvg && standaloneSvgSize(chart, { ...words, url: urls.page }, "narrow");
  const sized = (s: { width: number; height: number }) => `width="${s.width}" height="${s.height}"`;
  const figure = [
    `<figure style="margin:0">`,
    `<picture>`,
    ...(narrow
      ? [
          `<source media="${theme.narrowMedia} and (prefers-color-scheme: dark)" srcset="${escapeXml(urls.narrowDarkSvg!)}" ${sized(narrow)}>`,
          `<source media="${theme.narrowMedia}" srcset="${escapeXml(urls.narrowSvg!)}" ${sized(narrow)}>`,
        ]
      : []),
    `<source media="(prefers-color-scheme: dark)" srcset="${escapeXml(urls.darkSvg)}">`,
    `<img src="${escapeXml(urls.svg)}" alt="${escapeXml(chart.description)}" width="${size.width}" height="${size.height}" style="display:block;width:100%;height:auto">`,
    `</picture>`,
    `<figcaption><strong>${escapeXml(words.title)}</strong><br>${escapeXml(embedCredit(chart))} <a href="${escapeXml(urls.page)}">The chart with its data and sources</a></figcaption>`,
    `</figure>`,
  ].join("\n");
  const iframe = `<iframe src="${escapeXml(urls.page)}" title="${escapeXml(words.title)}" width="100%" height="${height}" style="width:100%;height:${height}px;border:0" loading="lazy"></iframe>`;
  return { figure, iframe };
}
