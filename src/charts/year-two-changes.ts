import { pairedChart } from "./bar-chart";

/**
 * Year 1 against Year 2 for the destination areas sourced in both, each year's top town (a
 * different town in each) and Havering's own residents; never a computed change. Havering's Year 1
 * count was first published with Year 2, so it is read from the later version (marked restated there).
 */
export default pairedChart({
  id: "year-two-changes",
  dataset: "rescue-and-response",
  versions: { before: "2019-09-18-c1", after: "2020-09-30-c1" },
  table: "destinations",
  moreTables: ["towns", "boroughs"],
  pairings: [
    { label: "Hampshire", before: "hampshire", after: "hampshire" },
    { label: "Norfolk", before: "norfolk", after: "norfolk" },
    { label: "Suffolk", before: "suffolk", after: "suffolk" },
    { label: "Top town", before: "norwich", after: "brighton", nameColumn: "town" },
    { label: "Havering residents (London borough)", before: { later: "havering-linked-year-1" }, after: "havering-linked" },
  ],
  sides: ["Year 1", "Year 2"],
  axisLabel: "Londoners linked to county lines",
  afterword: "We found no counts for other places in both years.",
});
