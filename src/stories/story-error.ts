/**
 * An editor's mistake in a story, with the place to fix it: `content/stories/x.mdx:42:1: …`, the
 * same shape as {@link DataError}, so the build can tell its own messages from a bundler's.
 */
export class StoryError extends Error {
  override name = "StoryError";
}

/** Problem lines (`file:line[:column]: …`) in the order of the file, as an editor reads it. */
export function inFileOrder(lines: readonly string[]): string[] {
  const at = (line: string) => {
    const [, l = "0", c = "0"] = /:(\d+)(?::(\d+))?: /.exec(line) ?? [];
    return Number(l) * 1e6 + Number(c);
  };
  return [...lines].sort((a, b) => at(a) - at(b));
}
