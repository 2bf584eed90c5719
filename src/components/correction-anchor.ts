/** One correction, as the frontmatter declares it (see src/stories/story-schema.ts). */
export interface Correction {
  readonly date: Date;
  readonly id: string;
  readonly text: string;
}

/**
 * A correction's id on its story page, also the fragment of its feed item and guid:
 * `correction-2026-12-01-essex-towns`. Made from the correction itself (its date and declared id),
 * never from its place in the list, so adding a correction never moves another's address.
 */
export function correctionAnchor(correction: Pick<Correction, "date" | "id">): string {
  return `correction-${correction.date.toISOString().slice(0, 10)}-${correction.id}`;
}

/** The date of a story's latest correction, for the notice under its headline; undefined if it has none. */
export function latestCorrectionDate(corrections: readonly Correction[]): Date | undefined {
  return corrections.map((c) => c.date).sort((a, b) => b.getTime() - a.getTime())[0];
}
