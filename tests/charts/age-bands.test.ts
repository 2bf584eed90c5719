import { expect, it } from "vitest";
import { chartContract } from "../support/chart-contract";
import { YEAR_1_PINS } from "../support/expected-rows";

const chart = chartContract("age-bands", {
  versions: YEAR_1_PINS,
  rows: ["age-bands/linked-15-19", "age-bands/linked-20-25", "age-bands/linked-under-18", "age-bands/referred-15-18"],
});

it("age-bands: the description states each published band with its share, and that bands overlap", () => {
  expect(chart.description).toContain("Aged 15–19: 46% (sources disagree)");
  expect(chart.description).toContain("Aged 20–25: 29%");
  expect(chart.description).toContain("Aged under 18: 34%");
  expect(chart.description).toContain("do not add up to 100%");
});
