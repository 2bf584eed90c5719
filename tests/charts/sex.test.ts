import { expect, it } from "vitest";
import { chartContract } from "../support/chart-contract";
import { YEAR_1_PINS } from "../support/expected-rows";
import { parseSvg } from "../support/svg";

const chart = chartContract("sex", {
  versions: YEAR_1_PINS,
  rows: ["sex/linked-male", "sex/referred-male"],
});

it("sex: states the male shares and draws nothing for anyone else", () => {
  expect(chart.description).toContain("of Londoners linked to county lines: 89% (sources disagree)");
  expect(chart.description).toContain("of young people referred to the programme: 83% (one outlet only)");
  // No female row: the sources publish only male shares, and a female share would be derived.
  const labels = chart.table.rows.map((r) => r[0]!);
  expect(labels).toHaveLength(2);
  expect(labels.filter((l) => /female|women|girls/i.test(l))).toEqual([]);
  for (const svg of Object.values(chart.svg)) {
    const text = [...parseSvg(svg).querySelectorAll("text, title")].map((t) => t.textContent ?? "");
    expect(text.length).toBeGreaterThan(0);
    expect(text.filter((t) => /female|women|girls/i.test(t))).toEqual([]);
  }
});
