import ageBands from "./age-bands";
import boroughs from "./boroughs";
import boroughsMap from "./boroughs-map";
import dealLineShare from "./deal-line-share";
import type { ChartDefinition } from "./define-chart";
import destinations from "./destinations";
import destinationsMap from "./destinations-map";
import referralFunnel from "./referral-funnel";
import sex from "./sex";
import yearTwoChanges from "./year-two-changes";
import yearTwoTotal from "./year-two-total";

/** Every chart an editor can place with `<Chart id="…" />`, by id. */
const charts: Readonly<Record<string, ChartDefinition>> = Object.fromEntries(
  (
    [
      ageBands,
      boroughs,
      boroughsMap,
      dealLineShare,
      destinations,
      destinationsMap,
      referralFunnel,
      sex,
      yearTwoChanges,
      yearTwoTotal,
    ] as unknown as ChartDefinition[]
  ).map((c) => [c.id, c]),
);

export const chartIds = Object.keys(charts).sort();

/** The chart with this id, or an error listing the valid ids. */
export function getChart(id: string): ChartDefinition {
  const chart = charts[id];
  if (!chart) throw new Error(`unknown chart id "${id}". Valid ids: ${chartIds.join(", ")}`);
  return chart;
}
