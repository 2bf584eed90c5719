import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The light colour scheme's custom properties, read from src/styles/global.css (the one place
 * colours are defined), for images that cannot use CSS: share images and PNG fallbacks.
 */
export function lightPalette(root = process.cwd()): Map<string, string> {
  const css = readFileSync(join(root, "src/styles/global.css"), "utf8").replace(/@media[^{]+\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, "");
  const palette = new Map<string, string>();
  for (const block of css.matchAll(/:root\s*\{([^}]*)\}/g)) {
    for (const [, name, value] of block[1]!.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) palette.set(name!, value!.trim());
  }
  return palette;
}

/**
 * Replaces `var(--name)` and `currentColor` in SVG markup with light-scheme colours, so the SVG
 * renders the same outside a page (in sharp/librsvg, which knows no custom properties).
 */
export function inlineColors(svg: string, palette = lightPalette()): string {
  return svg
    .replace(/var\((--[\w-]+)\)/g, (match, name: string) => palette.get(name) ?? match)
    .replaceAll("currentColor", palette.get("--fg") ?? "#000")
    .replace(/font-family="inherit"/g, 'font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif"');
}
