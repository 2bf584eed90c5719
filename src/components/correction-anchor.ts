/**
 * The id of a story's n-th correction (0-based, oldest first) on its page, also the fragment of the
 * correction's feed item: `correction-1`, `correction-2`…
 */
export function correctionAnchor(index: number): string {
  return `correction-${index + 1}`;
}
