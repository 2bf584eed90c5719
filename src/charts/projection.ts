import { geoPath, geoTransverseMercator } from "d3-geo";
import type { Feature } from "geojson";

/**
 * The maps' projection, declared once: transverse Mercator centred on 2°W (the meridian of the British
 * National Grid, so England is drawn upright and true to shape), fitted to the features drawn.
 * @param features the areas to fit in the frame
 * @param options Plot projection options to add (inset, clip)
 */
export function britishProjection(features: readonly Feature[], options: Record<string, unknown> = {}) {
  return { type: "transverse-mercator", rotate: [2, 0], domain: { type: "FeatureCollection", features } as never, ...options } as const;
}

/** A frame's inner insets, as Plot's projection options give them. */
interface Insets {
  readonly inset?: number;
  readonly insetTop?: number;
}

/**
 * The points of `britishProjection(features, insets)` as Plot draws them in a frame (a facet) of
 * `width` × `height`, for placing labels at build time: Plot's own steps (its named projection at
 * precision 0.15, scaled to the frame, then fitted to the features' bounds and moved inside the insets),
 * so a projected point is where Plot puts it. `invert` turns a point back into longitude and latitude,
 * which is what a mark drawn on the map takes.
 */
export function britishPoints(
  features: readonly Feature[],
  { width, height }: { width: number; height: number },
  { inset = 0, insetTop = inset }: Insets = {},
) {
  const [dx, dy] = [width - 2 * inset, height - insetTop - inset];
  const base = geoTransverseMercator()
    .precision(0.15)
    .rotate([2, 0])
    .scale(Math.min(dx, dy) / (2 * Math.PI))
    .translate([dx / 2, dy / 2]);
  const [[x0, y0], [x1, y1]] = geoPath(base).bounds({ type: "FeatureCollection", features: [...features] });
  const k = Math.min(dx / (x1 - x0), dy / (y1 - y0));
  const [tx, ty] = [inset - (k * (x0 + x1) - dx) / 2, insetTop - (k * (y0 + y1) - dy) / 2];
  return {
    project: (lonLat: readonly [number, number]): [number, number] => {
      const [x, y] = base([lonLat[0], lonLat[1]])!;
      return [x * k + tx, y * k + ty];
    },
    invert: ([x, y]: readonly [number, number]): [number, number] => base.invert!([(x - tx) / k, (y - ty) / k])!,
  };
}
