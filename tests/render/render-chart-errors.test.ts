import { describe, expect, it } from "vitest";
import { getChart } from "../../src/charts";
import { renderChart } from "../../src/figures/render-chart";
import { YEAR_1_PINS } from "../support/expected-rows";

describe("renderChart: a chart that cannot be drawn", () => {
  it("names the chart, its data version and the drawing, and keeps the cause", () => {
    const chart = getChart("sex");
    expect(chart.dataset).toBe("rescue-and-response");
    const spec = chart.spec;
    const cause = new Error("no room for the key");
    // The registry's own object, made to fail for this test only (and put back, whatever happens).
    (chart as { spec: typeof spec }).spec = () => {
      throw cause;
    };
    try {
      let thrown: unknown;
      try {
        renderChart("sex", { versions: YEAR_1_PINS });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(Error);
      expect((thrown as Error).message).toBe(
        `chart "sex" (data: rescue-and-response ${YEAR_1_PINS["rescue-and-response"]}, the narrow drawing): no room for the key`,
      );
      expect((thrown as Error).cause).toBe(cause);
    } finally {
      (chart as { spec: typeof spec }).spec = spec;
    }
    expect(() => renderChart("sex", { versions: YEAR_1_PINS })).not.toThrow();
  });
});
