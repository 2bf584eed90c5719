/**
 * One chart text as the browser drew it: the box of one `<text>` element (a multi-line label is one
 * `<text>` with `<tspan>`s, so one box; a bar's title and the value written in it are two), in page
 * coordinates (CSS px).
 */
export interface TextBox {
  /** The id of the figure the text belongs to, for the failure message. */
  readonly figure: string;
  /** Which SVG on the page drew it: only texts of the same SVG are compared. */
  readonly svg: number;
  /** The text as read (`textContent`). */
  readonly text: string;
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/**
 * "More than a hairline", in CSS px: two texts overlap when their boxes share an area wider AND taller
 * than this. Boxes that touch, or cross by a rounding sliver along one edge, do not count.
 */
const HAIRLINE = 1;

/** The width and height two boxes share (zero or negative when they are apart). */
export function intersection(a: TextBox, b: TextBox): { width: number; height: number } {
  return { width: Math.min(a.right, b.right) - Math.max(a.left, b.left), height: Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) };
}

/**
 * Every pair of texts of one SVG drawn over each other by more than `hairline` in both directions, as
 * lines naming the figure, both texts and the shared area, e.g. `boroughs-map: "37‡" × "35†" (6.1 × 9.8 px)`.
 */
export function textOverlaps(boxes: readonly TextBox[], hairline = HAIRLINE): string[] {
  const found: string[] = [];
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      if (a.svg !== b.svg) continue;
      const { width, height } = intersection(a, b);
      if (width > hairline && height > hairline) found.push(`${a.figure}: "${a.text}" × "${b.text}" (${width.toFixed(1)} × ${height.toFixed(1)} px)`);
    }
  }
  return found;
}
