import { parse } from "yaml";
import { getChart } from "../charts";
import { catalog } from "../data/catalog";
import type { Versions } from "../data/facts";
import { listVersions } from "../data/load-dataset";
import { correctedVersions } from "../data/meta-schema";

/** One chart as placed in a story: its words, and the data version it shows. */
export interface ChartUse {
  readonly id: string;
  /** The version of the chart's dataset it is drawn from (the later one, for comparisons). */
  readonly version: string;
  readonly title: string;
  readonly subtitle: string;
  readonly notes?: string;
  /** The story's pins, which the chart is rendered with. */
  readonly data: Versions;
  /** For an embed kept at a version that has since been corrected: the version that corrects it. */
  readonly correctedBy?: string;
}

/**
 * Every distinct chart-and-version placed in the published stories (in file-name order, first
 * placement wins), for pages that show a chart on its own: embeds at `/embed/<id>/<version>/`. The
 * version is in the address so that an embed keeps showing the figures it was published with when
 * a story moves to a new data version. When a story moves to a correction (`2019-09-18-c1`), the
 * chart stays embeddable at the versions it corrects, with their own numbers and a link to the
 * correction, so other sites' iframes keep working.
 */
export function chartUses(stories: readonly string[]): ChartUse[] {
  const uses = new Map<string, ChartUse>();
  for (const source of stories) {
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? "";
    const meta = (parse(front) ?? {}) as { data?: Versions; draft?: boolean };
    if (meta.draft) continue;
    for (const [block] of source.matchAll(/<Chart\b[^>]*?\/>/g)) {
      const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(block)?.[1];
      const id = attr("id");
      if (!id) continue;
      const chart = getChart(id);
      const data = meta.data ?? {};
      const version = chart.versions?.after ?? data[chart.dataset] ?? catalog[chart.dataset];
      const key = `${id}/${version}`;
      if (!uses.has(key)) uses.set(key, { id, version, title: attr("title") ?? id, subtitle: attr("subtitle") ?? "", notes: attr("notes"), data });
    }
  }
  for (const use of [...uses.values()]) {
    const dataset = getChart(use.id).dataset;
    for (const older of correctedVersions(use.version).filter((v) => listVersions(dataset).includes(v))) {
      const key = `${use.id}/${older}`;
      if (!uses.has(key)) uses.set(key, { ...use, version: older, data: { ...use.data, [dataset]: older }, correctedBy: use.version });
    }
  }
  return [...uses.values()];
}
