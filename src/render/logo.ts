import { readFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { projectRoot } from "../data/files/paths";

/** The publisher logo's side in pixels: search engines ask for a raster logo of at least 112×112. */
export const LOGO_SIZE = 512;

/** The site's icon (public/favicon.svg) as a square PNG of {@link LOGO_SIZE}: the publisher logo in structured data. */
export async function logoPng(): Promise<Buffer> {
  const svg = readFileSync(join(projectRoot, "public", "favicon.svg"));
  return sharp(svg, { density: 72 * (LOGO_SIZE / 32) })
    .resize(LOGO_SIZE, LOGO_SIZE)
    .png()
    .toBuffer();
}
