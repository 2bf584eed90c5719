import { expect, it } from "vitest";
import { chartContract } from "../support/chart-contract";

const chart = chartContract("deal-line-share");

it("deal-line-share: states the three published force shares, largest first", () => {
  expect(chart.description).toMatch(/Metropolitan Police[^;]*: 15%; West Midlands[^;]*: 9%; Merseyside[^;]*: 7%/);
});
