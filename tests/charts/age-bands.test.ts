import { expect, it } from "vitest";
import { chartContract } from "../support/chart-contract";

const chart = chartContract("age-bands");

it("age-bands: the description states each published band with its share, and that bands overlap", () => {
  expect(chart.description).toContain("Aged 15–19: 46% (sources disagree)");
  expect(chart.description).toContain("Aged 20–25: 29%");
  expect(chart.description).toContain("Aged under 18: 34%");
  expect(chart.description).toContain("do not add up to 100%");
});
