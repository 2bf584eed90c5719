import type { Feature } from "geojson";
import { geoContains } from "d3-geo";
import { placeLabels, labelSize, type Box, type LabelToPlace, type Point } from "./place-labels";
import { britishPoints } from "./projection";
import { theme } from "./theme";

/** A label on a map panel: what it says and the place it names, in longitude and latitude. */
export interface MapLabel<P> {
  readonly panel: P;
  readonly text: string;
  readonly anchor: Point;
  /** The area it names: a label moved off it gets a leader line. */
  readonly area?: Feature;
  /** The radius of a marker drawn at the anchor (in SVG units), which no label may cover. */
  readonly marker?: number;
}

/** Where a label went, in longitude and latitude (what marks on a projected map take). */
export interface Placement {
  readonly at: Point;
  /** A straight line from the place (or its marker's edge) to the label, when the label sits off its area. */
  readonly leader?: readonly [Point, Point];
}

/**
 * The size of each facet when Plot lays out `n` of them along `length` with `padding` between them:
 * d3's band scale with no outer padding, rounded (the chart's fx/fy scale must say `round: true`, so
 * that Plot rounds too, whatever its own rule of thumb would pick).
 * @param length the panels' total width (or height), in SVG units
 * @param n how many panels
 * @param padding the share of each band left empty between panels (Plot's facet padding)
 */
export function facetSize(length: number, n: number, padding: number): number {
  return Math.round(Math.floor(length / (n - padding)) * (1 - padding));
}

/**
 * Places bold labels on the panels of a faceted map drawn with `britishProjection(features, insets)`,
 * panel by panel, in the order `first` gives (put the labels with least room first; the order given
 * if none): each keeps clear of the others, of the markers and of its panel's title (one line of bold
 * text at the top left, `titleTop` down), and stays inside the panel. See `placeLabels` for the rule.
 * Returns each label, in the order given, with where it goes.
 * @param labels every label of every panel, each naming its panel
 * @param options `features`, the map's areas (for the projection); `frame`, the size of one panel (all
 *   panels are the same size), in SVG units; `insets`, the projection's margins; `titles`, each panel's
 *   title, by panel; `titleTop`, where the title's line starts; `first`, the order to place labels in
 * @throws naming the panel, when a label has no clear place in it
 */
export function placeMapLabels<P, L extends MapLabel<P>>(
  labels: readonly L[],
  {
    features,
    frame,
    insets,
    titles,
    titleTop = 4,
    first = () => 0,
  }: {
    features: readonly Feature[];
    frame: { width: number; height: number };
    insets: { inset: number; insetTop: number };
    titles: ReadonlyMap<P, string>;
    titleTop?: number;
    first?: (a: L, b: L) => number;
  },
): (L & Placement)[] {
  const { project, invert } = britishPoints(features, frame, insets);
  const size = (text: string) => labelSize([...text].length, theme.fontSize, theme.boldCharWidth);
  const where = new Map<L, Placement>();
  for (const [panel, title] of titles) {
    const mine = labels.filter((l) => l.panel === panel).sort(first);
    const titleBox: Box = { x0: 0, y0: titleTop, x1: size(title).width, y1: titleTop + size(title).height };
    const toPlace: LabelToPlace[] = mine.map(({ text, anchor, area, marker }) => ({
      text,
      anchor: project(anchor),
      ...size(text),
      ...(marker ? { radius: marker } : {}),
      ...(area ? { onArea: (point: Point) => geoContains(area, invert(point)) } : {}),
    }));
    const placed = (() => {
      try {
        return placeLabels(toPlace, { frame: { x0: 0, y0: 0, x1: frame.width, y1: frame.height }, obstacles: [titleBox] });
      } catch (error) {
        throw new Error(`map panel "${title}" (${frame.width} × ${frame.height}): ${(error as Error).message}`, { cause: error });
      }
    })();
    placed.forEach(({ at, leader }, i) =>
      where.set(mine[i]!, { at: invert(at), ...(leader ? { leader: [invert(leader[0]), invert(leader[1])] as const } : {}) }),
    );
  }
  return labels.map((label) => ({ ...label, ...where.get(label)! }));
}
