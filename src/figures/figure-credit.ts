import type { NumberedSource } from "../data/citing/citations";
import { creditPhrase, readSourceRecords } from "../data/citing/source-records";
import type { Source } from "../data/schema/meta-schema";

/** A run of consecutive source numbers in a credit: "3" or "5–8", linked to the first's entry in the source list. */
interface NumberRun {
  readonly first: number;
  readonly last: number;
  /** The source list entry the run links to (its first number's). */
  readonly anchor: string;
}

/** The one-line credit under a chart: in a story, or on its embed page, which travels alone. */
export interface FigureCredit {
  /** The sources by name and kind: "the Rescue and Response assessment, City Hall and four news reports". */
  readonly phrase: string;
  /** Their numbers in the story's source list, in runs: [1, 2, 5–8]; none for a chart that travels alone. */
  readonly runs: readonly NumberRun[];
}

/**
 * Splits ascending numbers into runs of consecutive ones: [1, 2, 5, 6, 7, 8] → 1–2, 5–8. Runs of
 * two are kept apart ("1, 2"), as references are usually written.
 */
export function numberRuns(numbers: readonly { number: number; anchor: string }[]): NumberRun[] {
  const sorted = [...numbers].sort((a, b) => a.number - b.number);
  const runs: NumberRun[] = [];
  for (const n of sorted) {
    const last = runs.at(-1);
    if (last && n.number === last.last + 1) runs[runs.length - 1] = { ...last, last: n.number };
    else runs.push({ first: n.number, last: n.number, anchor: n.anchor });
  }
  // "1–2" reads worse than "1, 2".
  return runs.flatMap((r) =>
    r.last === r.first + 1
      ? [
          { ...r, last: r.first },
          { first: r.last, last: r.last, anchor: sorted.find((n) => n.number === r.last)!.anchor },
        ]
      : [r],
  );
}

/**
 * The credit line of a figure in a story: its sources named by kind, pointing at their numbers in
 * the story's source list (kinds and names from data/sources.json). A map's boundary data is credited
 * in full in the figure's disclosure, with the other sources.
 * @param sources the sources the chart credits (those the story could cite on its date)
 * @param numbered the story's numbered source list
 */
export function figureCredit(sources: readonly Source[], numbered: readonly NumberedSource[]): FigureCredit {
  const credits = readSourceRecords();
  const numbers = sources.flatMap((s) => numbered.filter((n) => n.source.id === s.id)).map((n) => ({ number: n.number, anchor: n.anchor }));
  // Only sources the story lists (those whose words it quotes), in list order, as readers meet them.
  const ordered = sources
    .filter((s) => numbered.some((n) => n.source.id === s.id))
    .sort((a, b) => (numbered.find((n) => n.source.id === a.id)?.number ?? 0) - (numbered.find((n) => n.source.id === b.id)?.number ?? 0));
  return {
    phrase: creditPhrase(
      ordered.map((s) => s.id),
      credits,
    ),
    runs: numberRuns(numbers),
  };
}

/**
 * The credit line of a chart that travels alone (its embed page, its picture embed): every source it
 * credits, named by kind, with no numbers, as there is no source list beside it. The full credit,
 * source by source with the passages quoted, sits one tap away in the figure's disclosure.
 * @param sources the sources the chart credits
 */
export function standaloneCredit(sources: readonly Pick<Source, "id">[]): FigureCredit {
  return {
    phrase: creditPhrase(
      sources.map((s) => s.id),
      readSourceRecords(),
    ),
    runs: [],
  };
}
