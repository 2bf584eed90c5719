/**
 * The ids of the elements a story's source list links back to: the first `<Fact>` of a figure, every
 * `<Cite>` (numbered in document order, which the check and the page walk alike), a chart's figure. The story check (src/stories/story-citations.ts) and the
 * components both make them here, so the links and the ids cannot drift apart.
 */

/** The id of the first `<Fact id version?>` on a page: `fact-linked-total`, `fact-norfolk-2019-09-18-c1`. */
export function factAnchor(id: string, version?: string): string {
  return `fact-${id}${version ? `-${version}` : ""}`;
}

/** The id of the n-th `<Cite>` on a page (1-based, in document order): `cite-3`. */
export function citeAnchor(n: number): string {
  return `cite-${n}`;
}

/** The id of a chart's figure on a page: `chart-age-bands`. */
export function figureAnchor(id: string): string {
  return `chart-${id}`;
}
