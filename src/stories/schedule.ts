/**
 * The day a build publishes as of (YYYY-MM-DD, UTC): a story whose `published` date is later is
 * scheduled, and left out until a build on or after that day. It is the one thing a build reads from
 * the clock, and only when SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds convention)
 * is not set: scripts/build.ts sets it once at its start, so every page of one build agrees.
 * @param env the environment to read SOURCE_DATE_EPOCH from
 */
export function publishingDay(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const ms = epoch !== undefined && /^\d+$/.test(epoch) ? Number(epoch) * 1000 : Date.now();
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * True when a story dated `published` is scheduled: its date is after the publishing day.
 * @param published the story's `published` date (a Date, or YYYY-MM-DD)
 * @param day the publishing day (YYYY-MM-DD)
 */
export function isScheduled(published: Date | string, day: string = publishingDay()): boolean {
  const iso = published instanceof Date ? published.toISOString().slice(0, 10) : String(published);
  return iso > day;
}

/**
 * The stories in home-page order: those with an `order` at that place (1 is first), the others, newest
 * first by publication date, filling the places around them.
 * @param stories each story's id, `published` date and optional `order`
 */
export function homePageOrder<T extends { id: string; data: { published: Date; order?: number } }>(stories: readonly T[]): T[] {
  const newestFirst = stories
    .filter((s) => s.data.order === undefined)
    .sort((a, b) => b.data.published.getTime() - a.data.published.getTime() || a.id.localeCompare(b.id));
  const placed = stories.filter((s) => s.data.order !== undefined).sort((a, b) => a.data.order! - b.data.order! || a.id.localeCompare(b.id));
  const out = [...newestFirst];
  // Ascending, so each lands at its place; a story sharing a place goes after the one before it.
  placed.forEach((story, i) => {
    const ties = placed.slice(0, i).filter((s) => s.data.order === story.data.order).length;
    out.splice(Math.min(story.data.order! - 1 + ties, out.length), 0, story);
  });
  return out;
}
