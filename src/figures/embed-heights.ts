/**
 * The height, in CSS pixels, of each chart's iframe code, by "chart/data version": its embed page's
 * content height measured in Chromium in a 375 px wide phone (an iframe 359 px wide in a page with the
 * default 8 px margin), plus 4% for readers' fonts, rounded up to 50 px. Its page is mostly text that
 * rewraps, and its graphic stops growing at 640 px, so the page gets shorter as the frame gets wider:
 * one height that fits a phone fits every wider frame. `tests/browser/embed-fit.test.ts` measures
 * every embed again and fails, naming the entry and the height to set, when a page has outgrown it.
 */
const HEIGHTS: Readonly<Record<string, number>> = {
  "age-bands/2019-09-18": 1750,
  "age-bands/2019-09-18-c1": 1900,
  "boroughs-map/2019-09-18": 2600,
  "boroughs-map/2019-09-18-c1": 2750,
  "boroughs/2019-09-18": 1350,
  "boroughs/2019-09-18-c1": 1500,
  "deal-line-share/2019-01-30": 1150,
  "deal-line-share/2019-01-30-c1": 1050,
  "destinations-map/2019-09-18": 2200,
  "destinations-map/2019-09-18-c1": 2500,
  "destinations-map/2020-09-30": 2400,
  "destinations-map/2020-09-30-c1": 2250,
  "destinations/2019-09-18": 2050,
  "destinations/2019-09-18-c1": 2300,
  "referral-funnel/2019-09-18": 1750,
  "referral-funnel/2019-09-18-c1": 1850,
  "sex/2019-09-18": 1250,
  "sex/2019-09-18-c1": 1400,
  "year-two-changes/2020-09-30": 3500,
  "year-two-changes/2020-09-30-c1": 3350,
  "year-two-total/2020-09-30": 2450,
  "year-two-total/2020-09-30-c1": 2300,
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
