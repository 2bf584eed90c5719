/**
 * The title and subtitle each chart is given where it first appears in the stories (in file-name
 * order), for pages that show a chart on its own (embeds).
 */
export function chartTitles(sources: readonly string[]): Map<string, { title: string; subtitle: string }> {
  const titles = new Map<string, { title: string; subtitle: string }>();
  for (const source of sources) {
    for (const [block] of source.matchAll(/<Chart\b[^>]*?\/>/g)) {
      const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(block)?.[1];
      const id = attr("id");
      if (id && !titles.has(id)) titles.set(id, { title: attr("title") ?? id, subtitle: attr("subtitle") ?? "" });
    }
  }
  return titles;
}
