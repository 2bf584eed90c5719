/**
 * Shared look of every chart. Colours are CSS custom properties defined in global.css for
 * light, dark and print, so one SVG follows the reader's colour scheme without JavaScript.
 */
export const theme = {
  /** Rendered widths: the narrow SVG is shown below 560 CSS px of column, the wide one above. */
  widths: { narrow: 320, wide: 640 },
  /** Chart text size in SVG units; ≥ 11 CSS px once scaled into a 288 px column. */
  fontSize: 13,
  colors: {
    accent: "var(--chart-accent)",
    muted: "var(--chart-muted)",
  },
  /** Height of one bar row, label above bar. */
  rowHeight: 50,
} as const;

const grouping = new Intl.NumberFormat("en-GB");
/** Axis tick format: en-GB digit grouping. */
export const tickFormat = (d: number) => grouping.format(d);
