import { expect, it } from "vitest";
import { chartContract } from "../support/chart-contract";

const chart = chartContract("year-two-total", {
  kind: "pairs",
  versions: { "rescue-and-response": "2020-09-30-c1" },
  pairs: [{ label: "Londoners linked to county lines", before: "2019-09-18-c1:headline/linked-total", after: "2020-09-30-c1:headline/linked-total" }],
});

it("year-two-total: sets the two published totals side by side, with no computed change", () => {
  expect(chart.table.rows).toHaveLength(1);
  expect(chart.table.rows[0]!.slice(0, 3)).toEqual(["Londoners linked to county lines", "4,013", "3,290"]);
  expect(chart.description).not.toMatch(/%|per cent|fell by|rose by/);
  expect(chart.sources.map((s) => s.id)).toEqual(expect.arrayContaining(["P7", "S1", "P6"]));
});
