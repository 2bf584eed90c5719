import { expect, it } from "vitest";
import { chartContract } from "../support/chart-contract";
import { YEAR_1_PINS } from "../support/expected-rows";

const chart = chartContract("deal-line-share", {
  versions: YEAR_1_PINS,
  rows: ["deal-line-share/met-share", "deal-line-share/west-midlands-share", "deal-line-share/merseyside-share"],
});

it("deal-line-share: states the three published force shares, largest first", () => {
  expect(chart.description).toMatch(/Metropolitan Police[^;]*: 15%; West Midlands[^;]*: 9%; Merseyside[^;]*: 7%/);
});
