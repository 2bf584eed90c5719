import { expect, it } from "vitest";
import { chartContract } from "../support/chart-contract";

const chart = chartContract("sex");

it("sex: states the male shares and draws nothing for anyone else", () => {
  expect(chart.description).toContain("of Londoners linked to county lines: 89% (sources disagree)");
  expect(chart.description).toContain("of young people referred to the programme: 83% (one outlet only)");
  expect(chart.table.rows.map((r) => r[0])).not.toContain(expect.stringMatching(/female/i));
});
