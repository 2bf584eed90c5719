import type { ChartPlacement } from "./story-checks";
import { analyseStory } from "./story-analysis";

/**
 * The chart a story leads with: the first it places, which its share image and its picture on the
 * front page show. None for a story without a chart.
 * @param file the story's path from the project root (a collection entry's `filePath`)
 */
export function leadChart(file: string): ChartPlacement | undefined {
  return analyseStory(file).charts[0];
}

/**
 * Alt text for a picture of a chart alone, from the words the story gives it: "Chart: " and what it
 * shows (its title), then what it plots (its subtitle), so the picture is described as the figure
 * on the story page is, without words typed twice.
 * @example leadChartAlt({ title: "Most were aged 15 to 19", subtitle: "Share of each age band" })
 * // "Chart: Most were aged 15 to 19. Share of each age band."
 */
export function leadChartAlt({ title, subtitle }: Pick<ChartPlacement, "title" | "subtitle">): string {
  const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
  return [`Chart: ${sentence(title)}`, subtitle.trim() ? sentence(subtitle) : ""].filter(Boolean).join(" ");
}
