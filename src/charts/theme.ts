/**
 * Shared look of every chart. Colours are CSS custom properties (src/render/palette.ts) for
 * light, dark and print, so one SVG follows the reader's colour scheme without JavaScript.
 */
export const theme = {
  /** Rendered widths: the narrow SVG is shown while the column is under 560 CSS px (a viewport under 37rem: base.css), the wide one above. */
  widths: { narrow: 320, wide: 640 },
  /**
   * The viewports that show the narrow rendering, as a media query (base.css switches at the same 37rem):
   * the picture embed's narrow source. Written with max-width, not the range syntax "(width < 37rem)",
   * which Safari before 16.4 ignores, and other sites' readers use every browser.
   */
  narrowMedia: "(max-width: 36.99rem)",
  /** Chart text size in SVG units; ≥ 11 CSS px once scaled into a 288 px column. */
  fontSize: 13,
  colors: {
    accent: "var(--chart-accent)",
    muted: "var(--chart-muted)",
  },
  /** Height of one bar row, label above bar (one line of label; each further line adds a line). */
  rowHeight: 50,
  /**
   * A generous average advance of one character of bold label text, in ems: wide fonts such as
   * DejaVu Sans Bold average about 0.62 em, so a label wrapped to this fits in any of the system fonts.
   */
  boldCharWidth: 0.66,
} as const;

/**
 * Chart labels and standalone-figure text wrap by the site's one word-wrapping rule, which share-image
 * headlines use too (src/render may not import src/charts, so it lives in src/data/words/wrap-words.ts, where
 * its JSDoc states the rules: no empty line, whitespace collapsed, a blank label gives `[]`).
 */
export { wrapWords as wrapLabel } from "../data/words/wrap-words";

/** True for the narrow rendering: any width below this is laid out for a phone column. */
export const isNarrow = (width: number): boolean => width < (theme.widths.narrow + theme.widths.wide) / 2;

/**
 * The order of ranked places: published ranks first, in rank order; then the unranked by value,
 * largest first; a place with no figure last.
 */
export const byRank = (a: { rank?: number | null; value: number | null }, b: { rank?: number | null; value: number | null }): number =>
  (a.rank ?? Infinity) - (b.rank ?? Infinity) || (b.value ?? -1) - (a.value ?? -1);

const grouping = new Intl.NumberFormat("en-GB");
/** Axis tick format: en-GB digit grouping. */
const tickFormat = (d: number) => grouping.format(d);

/** The value axis every bar chart shares: a grid, en-GB ticks (fewer when narrow), the label at the left. */
export function valueAxis({ domain, nice, label, narrow }: { domain: [number, number]; nice: boolean; label: string; narrow: boolean }) {
  return { domain, nice, grid: true, label, labelAnchor: "left" as const, labelArrow: "none" as const, tickFormat, ticks: narrow ? 3 : 6 };
}
