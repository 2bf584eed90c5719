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
  document?: DocumentFactory;
}

/**
 * Renders Plot options to an SVG string at build time.
 *
 * The output is deterministic and safe to inline on a page with a strict CSP:
 * - Plot numbers clip and pattern ids with module-level counters, so they are renamed
 *   `<prefix>-1`, `<prefix>-2`… in document order;
 * - Plot's `<style>` element is removed (its rules live in global.css, under `.chart-svg`);
 * - path data is rewritten as relative moves to a tenth of a pixel, and other numbers cut to two
 *   decimals, which keeps maps small;
 * - the SVG is `role="img"`, named and described by the figure's title and text description,
 *   so assistive technology reads those instead of every tick label.
 */
export function plotToSvg(options: Plot.PlotOptions, { idPrefix, labelledBy, describedBy, document = linkedomDocument }: SvgOptions): string {
  const svg = Plot.plot({ ...options, document: document(), figure: false, className: "chart-svg" }) as SVGSVGElement;
  svg.querySelector("style")?.remove();
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-labelledby", labelledBy);
  svg.setAttribute("aria-describedby", describedBy);
  svg.removeAttribute("aria-label");
  svg.setAttribute("font-family", "inherit");
  if (!svg.getAttribute("font-size") || svg.getAttribute("font-size") === "10") svg.setAttribute("font-size", "13");
  // Plot labels each mark group with aria-label; inside role="img" that is prohibited ARIA (axe:
  // aria-prohibited-attr) and never read. Keep the mark name as data-mark for tests and styling.
  for (const el of svg.querySelectorAll("[aria-label]")) {
    el.setAttribute("data-mark", el.getAttribute("aria-label")!);
    el.removeAttribute("aria-label");
  }
  return renumberIds(svg.outerHTML, idPrefix)
    .replace(/ d="([^"]+)"/g, (_, d: string) => ` d="${relativePath(d)}"`)
    .replace(/(\d+\.\d{3,})/g, (d) => String(Math.round(Number(d) * 100) / 100));
}

function renumberIds(markup: string, prefix: string): string {
  const ids = new Map<string, string>();
  for (const [, id] of markup.matchAll(/\bid="([^"]+)"/g)) if (!ids.has(id!)) ids.set(id!, `${prefix}-${ids.size + 1}`);
  let out = markup;
  for (const [from, to] of ids) out = out.replaceAll(`"${from}"`, `"${to}"`).replaceAll(`#${from})`, `#${to})`);
  return out;
}
