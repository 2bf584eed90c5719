import { labelSize } from "../../src/charts/place-labels";
import { theme } from "../../src/charts/theme";
import { parseSvg } from "./svg";
import type { TextBox } from "./text-overlaps";

/** The sum of the `translate(x,y)` transforms of an element and its ancestors inside the SVG. */
function offset(el: Element): [number, number] {
  let [x, y] = [0, 0];
  for (let e: Element | null = el; e && e.tagName.toLowerCase() !== "svg"; e = e.parentElement) {
    const m = /translate\(([-\d.]+)[ ,]+([-\d.]+)\)/.exec(e.getAttribute("transform") ?? "");
    if (m) [x, y] = [x + Number(m[1]), y + Number(m[2])];
  }
  return [x, y];
}

/**
 * Every text of a rendered map (one line each, as map labels are) as the box the label pass
 * estimates for it, in SVG units: bold text of the theme's size, placed by its translate transforms,
 * its text-anchor (start or middle) and its line anchor (`y="0.71em"`: top; else middle). For checking
 * a chart's output without a browser; the browser suite measures the real boxes.
 */
export function estimatedLabelBoxes(svgMarkup: string, figure = "chart"): TextBox[] {
  const svg = parseSvg(svgMarkup);
  return [...svg.querySelectorAll("text")]
    .filter((t) => !t.closest('[display="none"]'))
    .map((t) => {
      const { width, height } = labelSize([...(t.textContent ?? "")].length, theme.fontSize, theme.boldCharWidth);
      const [x, y] = offset(t);
      const start = t.closest("[text-anchor]")?.getAttribute("text-anchor") === "start";
      const top = t.getAttribute("y") === "0.71em";
      const [left, upper] = [start ? x : x - width / 2, top ? y : y - height / 2];
      return { figure, svg: 0, text: t.textContent ?? "", left, top: upper, right: left + width, bottom: upper + height };
    });
}
