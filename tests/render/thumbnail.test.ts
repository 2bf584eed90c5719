import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { renderChart } from "../../src/figures/render-chart";
import { lightPalette } from "../../src/render/palette";
import { THUMBNAIL_SIZE, thumbnailPng, thumbnailSvg } from "../../src/render/thumbnail";

/** A PNG's size and colour type, read from its IHDR chunk (not through sharp, which drew it). */
const ihdr = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20), colourType: png[25] });
/** The nested chart's placement in the thumbnail's 320 × 240 box. */
const placed = (svg: string) => {
  const m = /<svg[^>]* x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)">/.exec(svg.slice(svg.indexOf("<svg", 1)));
  return m && m.slice(1).map(Number);
};

describe("a story card's picture (src/render/thumbnail.ts)", () => {
  const chart = renderChart("age-bands", { versions: { "rescue-and-response": "2019-09-18-c1" }, instance: "thumb" }).svg.narrow!;

  it("is a palette PNG of the declared size, the same bytes every time it is drawn", async () => {
    const [a, b] = [await thumbnailPng(chart), await thumbnailPng(chart)];
    expect(ihdr(a)).toEqual({ ...THUMBNAIL_SIZE, colourType: 3 });
    expect(a.equals(b)).toBe(true);
    expect(a.length).toBeLessThan(12_000);
  });

  it("shows the chart, in the light scheme's colours: its bars are drawn in the accent", async () => {
    const { data, info } = await sharp(await thumbnailPng(chart))
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const accent = lightPalette().get("--chart-accent")!;
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(accent.slice(i, i + 2), 16));
    let near = 0;
    for (let i = 0; i < data.length; i += info.channels) if (Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) < 30) near++;
    // The filled bar alone is about 60 × 18 CSS px at 2×.
    expect(near).toBeGreaterThan(2000);
  });

  it("resolves colours and fonts and drops the page's references, so it renders outside a page", () => {
    const svg = thumbnailSvg(chart);
    expect(chart).toMatch(/var\(--|currentColor/);
    expect(svg).not.toMatch(/var\(--|currentColor|font-family="inherit"|aria-labelledby|aria-describedby|class="chart-svg"/);
  });

  it("scales a chart down to fit inside its margin, centred, and never scales one up", () => {
    const svg = (w: number, h: number) => `<svg viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" class="chart-svg"><rect width="${w}" height="${h}"/></svg>`;
    // Taller than the box: the height decides (240 less 2 × 10).
    expect(placed(thumbnailSvg(svg(320, 440)))).toEqual([80, 10, 160, 220]);
    // Wider than the box: the width decides (320 less 2 × 10).
    expect(placed(thumbnailSvg(svg(600, 120)))).toEqual([10, 90, 300, 60]);
    // Smaller than the box: its own size, centred.
    expect(placed(thumbnailSvg(svg(200, 100)))).toEqual([60, 70, 200, 100]);
  });

  it("refuses a chart whose size it cannot read", () => {
    expect(() => thumbnailSvg('<svg width="320" height="200"></svg>')).toThrow(/viewBox/);
  });
});
