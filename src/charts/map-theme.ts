/**
 * Map colours, as CSS custom properties (declared in src/render/palette.ts) for light, dark and print.
 * The ramp has one colour per threshold bin, light to dark; "none" (no figure found) is a
 * neutral grey that is not on the ramp, so a gap can never be read as a low count.
 */
export const mapColors = {
  none: "var(--map-none)",
  /** Area outlines: at least 3:1 against the page in both schemes. */
  edge: "var(--map-edge)",
  origin: "var(--map-origin)",
  ramp: ["var(--map-1)", "var(--map-2)", "var(--map-3)", "var(--map-4)"],
} as const;

/** The ramp colour for a value, given ascending thresholds (bins: < t0, t0–t1, …, ≥ tn). */
export function thresholdColor(value: number, thresholds: readonly number[]): string {
  const bin = thresholds.filter((t) => value >= t).length;
  return mapColors.ramp[Math.min(bin, mapColors.ramp.length - 1)]!;
}
