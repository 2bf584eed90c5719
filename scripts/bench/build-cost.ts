import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { copyProject, runBuild } from "../lib/project-copy";

/** A throwaway copy of the project sharing node_modules, with no caches: a cold start. */
export const freshCopy = (): string => copyProject("cl-bench-project-").root;

export interface BuildRun {
  seconds: number;
  /** Peak resident memory of the build process, MiB (process.resourceUsage().maxRSS). */
  peakMiB: number;
}

/** Runs the real production build (scripts/build.ts) in `root`, timing it and reading its peak memory. */
export async function timedBuild(root: string, out: string): Promise<BuildRun> {
  const stats = join(root, ".build-stats.json");
  const started = performance.now();
  const result = await runBuild(root, out, { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", BUILD_STATS_FILE: stats });
  if (result.code !== 0) throw new Error(`the build in ${root} failed:\n${result.stderr}`);
  const seconds = (performance.now() - started) / 1000;
  const { maxRssKiB } = JSON.parse(readFileSync(stats, "utf8")) as { maxRssKiB: number };
  return { seconds, peakMiB: maxRssKiB / 1024 };
}

/** The published charts of the Year 1 data (bars and maps), reused round-robin by synthetic stories. */
const CHARTS = ["age-bands", "sex", "destinations", "destinations-map", "boroughs", "boroughs-map", "referral-funnel", "deal-line-share"];
const PER_STORY = 10;

/**
 * Replaces the copy's stories with synthetic ones holding `charts` charts in all (ten per story),
 * each with its own title, written only to the temporary copy: never published.
 */
export function writeSyntheticStories(root: string, charts: number): void {
  const dir = join(root, "content/stories");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let s = 0; s * PER_STORY < charts; s++) {
    const count = Math.min(PER_STORY, charts - s * PER_STORY);
    const body = Array.from({ length: count }, (_, i) => {
      const id = CHARTS[(s * PER_STORY + i) % CHARTS.length];
      return `Paragraph ${i + 1} of a synthetic story.\n\n<Chart id="${id}" title="Synthetic chart ${s}-${i}" subtitle="A benchmark figure" />\n`;
    }).join("\n");
    writeFileSync(
      join(dir, `synthetic-${String(s).padStart(4, "0")}.mdx`),
      `---\ntitle: "Synthetic benchmark story number ${s}"\nstandfirst: "A generated story used only to measure how the build scales."\nbyline: "Benchmark"\npublished: 2020-01-01\ndata:\n  rescue-and-response: "2019-09-18"\n  national: "2019-01-30"\nshareImageAlt: "A generated share image for a benchmark story."\n---\n\n${body}`,
    );
  }
}

/** Least-squares line through (charts, seconds): the per-chart cost is its slope. */
export function fitLine(points: readonly { x: number; y: number }[]): { slope: number; intercept: number } {
  const n = points.length;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  const slope = points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0) / points.reduce((a, p) => a + (p.x - mx) ** 2, 0);
  return { slope, intercept: my - slope * mx };
}
