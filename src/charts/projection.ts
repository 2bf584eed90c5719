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
