import { expect, it } from "vitest";
import { chartContract } from "../support/chart-contract";
import { YEAR_1_PINS } from "../support/expected-rows";

const chart = chartContract("referral-funnel", {
  versions: YEAR_1_PINS,
  rows: ["referral-funnel/referred", "referral-funnel/referred-to-support", "referral-funnel/drawn-away"],
});

it("referral-funnel: states the three stages in order with their numbers", () => {
  const at = (s: string) => chart.description.indexOf(s);
  expect(at(": 568")).toBeGreaterThan(0);
  expect(at(": 243")).toBeGreaterThan(at(": 568"));
  expect(at(": about 33")).toBeGreaterThan(at(": 243"));
});
