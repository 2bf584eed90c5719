/** The id of the first `<Chart>` in a story's MDX source: its lead chart. */
export function leadChart(body: string | undefined): string | undefined {
  return /<Chart\s[^>]*?\bid="([^"]+)"/.exec(body ?? "")?.[1];
}
