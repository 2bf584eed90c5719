import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { relativePath } from "./relative-path";

/** A DOM implementation Plot can draw into. linkedom is the default (see README, "Server-side DOM"). */
export type DocumentFactory = () => Document;

export const linkedomDocument: DocumentFactory = () => parseHTML("<!doctype html><html><body></body></html>").document as unknown as Document;

export interface SvgOptions {
  /** Prefix for every id inside the SVG, unique on the page, e.g. "age-bands-wide". */
  idPrefix: string;
  /** Accessible name and description: ids of elements outside the SVG. */
  labelledBy: string;
  describedBy: string;
  /** Text size in SVG units where the chart does not set its own (Plot's default is 10). */
  fontSize: number;
  /** Decimals kept in path coordinates (default 1). */
  pathDecimals?: number;
  document?: DocumentFactory;
}

/**
 * Renders Plot options to an SVG string at build time.
 *
 * The output is deterministic and safe to inline on a page with a strict CSP:
 * - Plot numbers clip and pattern ids with module-level counters, so they are renamed
 *   `<prefix>-1`, `<prefix>-2`… in document order (on the DOM, attributes only: text is never touched);
 * - Plot's `<style>` element is removed (its rules live in base.css, under `.chart-svg`), and so is
 *   its `font-variant="tabular-nums"` on axes: SVG's font-variant attribute takes only CSS 2 values
 *   (the W3C checker rejects it); base.css sets `font-variant-numeric` on `.chart-svg` instead;
 * - path data is rewritten as relative moves to a tenth of a pixel (or `pathDecimals`), and other
 *   numbers cut to two decimals, which keeps maps small;
 * - marks with the class `narrow-only` get `display="none"` (base.css shows them on narrow columns);
 * - the SVG is `role="img"`, named and described by the figure's title and text description,
 *   so assistive technology reads those instead of every tick label.
 */
export function plotToSvg(
  options: Plot.PlotOptions,
  { idPrefix, labelledBy, describedBy, fontSize, pathDecimals = 1, document = linkedomDocument }: SvgOptions,
): string {
  const svg = Plot.plot({ ...options, document: document(), figure: false, className: "chart-svg" }) as SVGSVGElement;
  svg.querySelector("style")?.remove();
  for (const el of svg.querySelectorAll('[font-variant="tabular-nums"]')) el.removeAttribute("font-variant");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-labelledby", labelledBy);
  svg.setAttribute("aria-describedby", describedBy);
  svg.removeAttribute("aria-label");
  svg.setAttribute("font-family", "inherit");
  // Plot's default text size is 10; the figure asks for its own.
  if (!svg.getAttribute("font-size") || svg.getAttribute("font-size") === "10") svg.setAttribute("font-size", String(fontSize));
  // Plot labels each mark group with aria-label; inside role="img" that is prohibited ARIA (axe:
  // aria-prohibited-attr) and never read. Keep the mark name as data-mark for tests and styling.
  for (const el of svg.querySelectorAll("[aria-label]")) {
    el.setAttribute("data-mark", el.getAttribute("aria-label")!);
    el.removeAttribute("aria-label");
  }
  // Marks for narrow columns only (class "narrow-only") are hidden unless base.css shows them, so the
  // SVG on its own (a PNG, a download) is the wide chart.
  for (const el of svg.querySelectorAll(".narrow-only")) el.setAttribute("display", "none");
  tidy(svg, idPrefix, pathDecimals);
  return svg.outerHTML;
}

/**
 * Rewrites the SVG's attributes in place, never its text: ids renamed `<prefix>-1`, `<prefix>-2`… in
 * document order (and every `url(#…)` reference to them), path data as relative moves, and other
 * numbers with three or more decimals cut to two.
 */
function tidy(svg: SVGSVGElement, prefix: string, pathDecimals: number): void {
  const elements = [svg, ...svg.querySelectorAll("*")];
  const ids = new Map<string, string>();
  for (const el of elements) {
    const id = el.getAttribute("id");
    if (id && !ids.has(id)) ids.set(id, `${prefix}-${ids.size + 1}`);
  }
  for (const el of elements) {
    for (const { name, value } of [...el.attributes]) {
      let next = ids.get(value) ?? value.replace(/url\(#([^)]+)\)/g, (ref, id: string) => (ids.has(id) ? `url(#${ids.get(id)})` : ref));
      if (name === "d") next = relativePath(next, pathDecimals);
      next = next.replace(/\d+\.\d{3,}/g, (d) => String(Math.round(Number(d) * 100) / 100));
      if (next !== value) el.setAttribute(name, next);
    }
  }
}
