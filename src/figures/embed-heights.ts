/**
 * The height, in CSS pixels, of each chart's iframe code, by "chart/data version": the tallest its embed
 * page is at the common widths of a frame in another site's column (a page 320, 375, 768 or 1280 px
 * wide with the default 8 px margin: frames 304 to 1264 px wide), measured in Chromium, plus 4% for
 * readers' fonts, rounded up to 10 px. The page shows the chart, its key, one note and a one-line
 * credit (the data table, the full credit and the codes are folded away), so it is mostly the chart:
 * no frame needs a scroll bar at any of those widths, and the blank space under a wide frame is what
 * the narrow drawing needs beyond the wide one (most for the boroughs map, whose narrow drawing stacks
 * its two panels). An iframe cannot follow its page's height without a script on both sides, and our
 * pages run none; the picture embed scales to any width. `tests/browser/embed-fit.test.ts` measures
 * every embed again at each width and fails, naming the entry and the height to set, when an entry
 * is too short for its page or taller than it needs to be.
 */
const HEIGHTS: Readonly<Record<string, number>> = {
  "age-bands/2019-09-18": 1000,
  "age-bands/2019-09-18-c1": 830,
  "boroughs-map/2019-09-18": 1380,
  "boroughs-map/2019-09-18-c1": 1210,
  "boroughs/2019-09-18": 920,
  "boroughs/2019-09-18-c1": 760,
  "deal-line-share/2019-01-30": 850,
  "deal-line-share/2019-01-30-c1": 690,
  "destinations-map/2019-09-18": 1220,
  "destinations-map/2019-09-18-c1": 1100,
  "destinations-map/2020-09-30": 1240,
  "destinations-map/2020-09-30-c1": 1100,
  "destinations/2019-09-18": 1260,
  "destinations/2019-09-18-c1": 1120,
  "referral-funnel/2019-09-18": 1000,
  "referral-funnel/2019-09-18-c1": 840,
  "sex/2019-09-18": 840,
  "sex/2019-09-18-c1": 670,
  "year-two-changes/2020-09-30": 1180,
  "year-two-changes/2020-09-30-c1": 990,
  "year-two-total/2020-09-30": 890,
  "year-two-total/2020-09-30-c1": 700,
};

/** For an embed not measured yet: the tallest measured page, so a new chart's frame errs on the long side. */
const UNMEASURED = Math.max(...Object.values(HEIGHTS));

/**
 * The iframe height for a chart's embed page at a data version: its measured height (above), or,
 * for an embed added since the last measurement, the tallest one (the browser test then asks for its own).
 */
export function iframeHeight(id: string, version: string): number {
  return HEIGHTS[`${id}/${version}`] ?? UNMEASURED;
}
