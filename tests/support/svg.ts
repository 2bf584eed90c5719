import { existsSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { JSDOM } from "jsdom";
import { expect } from "vitest";

const snapshots = fileURLToPath(new URL("../snapshots/", import.meta.url));

/** Parses SVG markup as XML, so malformed markup fails loudly. */
export function parseSvg(svg: string): SVGSVGElement {
  const doc = new JSDOM(svg, { contentType: "image/svg+xml" }).window.document;
  if (doc.querySelector("parsererror")) throw new Error(`invalid SVG: ${doc.querySelector("parsererror")!.textContent}`);
  return doc.documentElement as unknown as SVGSVGElement;
}

/** One tag per line so that a snapshot diff reads like a list of changed marks. */
function normalizeSvg(svg: string): string {
  return `${svg.replaceAll("><", ">\n<")}\n`;
}

/**
 * Compares an SVG with its committed snapshot in tests/snapshots/. On a mismatch it writes
 * `<name>-changed.svg` beside it for side-by-side review, then fails. With CI=true a missing
 * snapshot fails instead of being written.
 */
export async function expectSvgSnapshot(name: string, svg: string): Promise<void> {
  const file = `${snapshots}${name}.svg`;
  const changed = `${snapshots}${name}-changed.svg`;
  const actual = normalizeSvg(svg);
  if (process.env.CI && !existsSync(file)) throw new Error(`missing snapshot tests/snapshots/${name}.svg: run npm test locally, look at it, and commit it`);
  try {
    await expect(actual).toMatchFileSnapshot(file);
    await rm(changed, { force: true });
  } catch (error) {
    await writeFile(changed, actual);
    throw error;
  }
}
