/**
 * The height, in CSS pixels, of each chart's iframe code, by "chart/data version": its embed page's
 * content height measured in Chromium in a 375 px wide phone (an iframe 359 px wide in a page with the
 * default 8 px margin), plus 4% for readers' fonts, rounded up to 50 px. Its page is mostly text that
 * rewraps, and its graphic stops growing at 640 px, so the page gets shorter as the frame gets wider:
 * one height that fits a phone fits every wider frame. `tests/browser/embed-fit.test.ts` measures
 * every embed again and fails, naming the entry and the height to set, when a page has outgrown it.
 */
const HEIGHTS: Readonly<Record<string, number>> = {
  "age-bands/2019-09-18": 1650,
  "age-bands/2019-09-18-c1": 1800,
  "boroughs/2019-09-18": 1300,
  "boroughs/2019-09-18-c1": 1400,
  "boroughs-map/2019-09-18": 2400,
  "boroughs-map/2019-09-18-c1": 2550,
  "deal-line-share/2019-01-30": 1100,
  "deal-line-share/2019-01-30-c1": 1000,
  "destinations/2019-09-18": 1900,
  "destinations/2019-09-18-c1": 2200,
  "destinations-map/2019-09-18": 2100,
  "destinations-map/2019-09-18-c1": 2400,
  "destinations-map/2020-09-30": 2350,
  "destinations-map/2020-09-30-c1": 2200,
  "referral-funnel/2019-09-18": 1650,
  "referral-funnel/2019-09-18-c1": 1750,
  "sex/2019-09-18": 1150,
  "sex/2019-09-18-c1": 1300,
  "year-two-changes/2020-09-30": 3400,
  "year-two-changes/2020-09-30-c1": 3200,
  "year-two-total/2020-09-30": 2300,
  "year-two-total/2020-09-30-c1": 2150,
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
