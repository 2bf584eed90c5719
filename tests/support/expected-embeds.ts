/**
 * Which chart embeds the site must offer, written by hand from the stories (each `<Chart id>` and the
 * data versions its story pins), not computed by the code that decides which embed pages to build
 * (src/stories/chart-uses.ts). Change these lists when a story places, drops or re-pins a chart.
 */

/** chart/version for every chart a published story places, at the version its story pins today. */
export const OFFERED_EMBEDS = [
  // county-lines-london, who-is-drawn-in and getting-out: Year 1 corrected (2019-09-18-c1), national 2019-01-30-c1
  "age-bands/2019-09-18-c1",
  "boroughs/2019-09-18-c1",
  "boroughs-map/2019-09-18-c1",
  "deal-line-share/2019-01-30-c1",
  "destinations/2019-09-18-c1",
  "destinations-map/2019-09-18-c1",
  "referral-funnel/2019-09-18-c1",
  "sex/2019-09-18-c1",
  // what-changed-in-year-two: Year 2 corrected (2020-09-30-c1)
  "destinations-map/2020-09-30-c1",
  "year-two-changes/2020-09-30-c1",
  "year-two-total/2020-09-30-c1",
] as const;

/** chart/version for the versions a correction replaced: their embed pages stay for iframes already out there. */
const KEPT_EMBEDS = [
  "age-bands/2019-09-18",
  "boroughs/2019-09-18",
  "boroughs-map/2019-09-18",
  "deal-line-share/2019-01-30",
  "destinations/2019-09-18",
  "destinations-map/2019-09-18",
  "referral-funnel/2019-09-18",
  "sex/2019-09-18",
  "destinations-map/2020-09-30",
  "year-two-changes/2020-09-30",
  "year-two-total/2020-09-30",
] as const;

/** Every embed page the build must write (and nothing else). */
export const ALL_EMBEDS: readonly string[] = [...OFFERED_EMBEDS, ...KEPT_EMBEDS];
