import { expect, it } from "vitest";
import { chartContract } from "../support/chart-contract";
import { parseSvg } from "../support/svg";

const chart = chartContract("year-two-changes", {
  kind: "pairs",
  versions: { "rescue-and-response": "2020-09-30-c1" },
  pairs: [
    { label: "Hampshire", before: "2019-09-18-c1:destinations/hampshire", after: "2020-09-30-c1:destinations/hampshire" },
    { label: "Norfolk", before: "2019-09-18-c1:destinations/norfolk", after: "2020-09-30-c1:destinations/norfolk" },
    { label: "Suffolk", before: "2019-09-18-c1:destinations/suffolk", after: "2020-09-30-c1:destinations/suffolk" },
    { label: "Top town", before: "2019-09-18-c1:towns/norwich", after: "2020-09-30-c1:towns/brighton" },
    // Havering's Year 1 count was first published with Year 2: read from the later version.
    { label: "Havering residents (London borough)", before: "2020-09-30-c1:boroughs/havering-linked-year-1", after: "2020-09-30-c1:boroughs/havering-linked" },
  ],
});

it("year-two-changes: compares only the places published for both years, each year labelled in the chart", () => {
  expect(chart.table.rows.map((r) => [r[0], r[1], r[2]])).toEqual([
    ["Hampshire", "369†", "413†"],
    ["Norfolk", "416", "198†"],
    ["Suffolk", "238", "113†"],
    ["Top town", "Norwich, 167", "Brighton, 128†"],
    ["Havering residents (London borough)", "48†", "64†"],
  ]);
  const texts = [...parseSvg(chart.svg.wide).querySelectorAll("text")].map((t) => t.textContent);
  expect(texts).toContain("167  Norwich, Year 1");
  expect(texts).toContain("128†  Brighton, Year 2");
});

it("year-two-changes: reads both versions and says so, with the caveat inside the figure", () => {
  expect(chart.version).toBe("2020-09-30-c1");
  expect(chart.before?.version).toBe("2019-09-18-c1");
  expect(chart.caveat?.full).toContain("Year 1 covered 15 months (1 January 2018 to 31 March 2019)");
  expect(chart.caveat?.full).toContain("Year 2 covered 12 months (1 May 2019 to 30 April 2020)");
  expect(chart.caveat?.full).toContain("In January 2020");
  // In brief, above the graphic in a story: the two windows' lengths and how to read them.
  expect(chart.caveat?.brief).toBe("Year 1 covered 15 months; Year 2 covered 12 months.");
  // The caveat's dates come from the assessment (P6), cited through the Year 2 period.
  expect(chart.sources.map((s) => s.id)).toContain("P6");
  expect(chart.legend.map((l) => l.label)).toEqual(["Year 1", "Year 2", "† One outlet only"]);
});
