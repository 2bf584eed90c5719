/**
 * An editor's mistake in a story, with the place to fix it: `content/stories/x.mdx:42:1: …`, the
 * same shape as {@link DataError}, so the build can tell its own messages from a bundler's.
 */
export class StoryError extends Error {
  override name = "StoryError";
}
