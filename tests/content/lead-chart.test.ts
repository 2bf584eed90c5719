import { expect, it } from "vitest";
import { leadChartAlt } from "../../src/stories/lead-chart";

it("describes a chart's picture with its title, then its subtitle, each one sentence", () => {
  expect(leadChartAlt({ title: "Most were aged 15 to 19", subtitle: "Share of each age band" })).toBe(
    "Chart: Most were aged 15 to 19. Share of each age band.",
  );
  // A title that already ends a sentence keeps its own mark; spaces around either are dropped.
  expect(leadChartAlt({ title: "Fewer in Year 2? ", subtitle: " Londoners linked, each year. " })).toBe("Chart: Fewer in Year 2? Londoners linked, each year.");
  expect(leadChartAlt({ title: "Most were young", subtitle: "" })).toBe("Chart: Most were young.");
});
