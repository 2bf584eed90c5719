import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isMap, isScalar } from "yaml";
import { isMissing, parsePositioned } from "../data/positions";
import { closest } from "./closest";
import { StoryError } from "../data/story-error";
import { storyFiles } from "./story-files";
import { storySchema } from "./story-schema";

const FIELDS = Object.keys(storySchema.shape);

/**
 * Checks a story's frontmatter before the build starts, so the message can name the line:
 * `content/stories/x.mdx:5:12: frontmatter "published": expected a real date written YYYY-MM-DD…`.
 * Returns nothing when the frontmatter is valid; throws a {@link StoryError} otherwise.
 */
export function checkFrontmatter(path: string, source: string): void {
  const fail = (line: number, column: number | undefined, message: string): never => {
    throw new StoryError(`${path}:${line}${column ? `:${column}` : ""}: ${message}`);
  };
  const block = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(source);
  if (!block) fail(1, 1, 'the story must start with frontmatter between two "---" lines (title, standfirst, byline, published, shareImageAlt)');
  // The frontmatter's lines are numbered from the file's top: +1 for the opening "---".
  const positioned = parsePositioned(block![1]!, 1);
  const { doc } = positioned;
  const at = (offset: number) => {
    const { line, column } = positioned.at(offset);
    return [line, column] as const;
  };
  if (positioned.syntaxError) {
    const { line, column, message } = positioned.syntaxError;
    fail(line, column, `frontmatter is not valid YAML: ${message}. Check quotes and indentation; text containing a colon must be "quoted"`);
  }
  const lineOf = (path: readonly PropertyKey[]): [number, number] | undefined => {
    const place = positioned.positionOf(path);
    return place && [place.line, place.column];
  };
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      if (!FIELDS.includes(key)) {
        const [line, col] = at((pair.key as unknown as { range: [number, number] }).range[0]);
        const hint = closest(key, FIELDS);
        fail(line, col, `frontmatter has no field "${key}"${hint ? `; did you mean "${hint}"?` : ""} The fields are: ${FIELDS.join(", ")}`);
      }
    }
  }
  const result = storySchema.safeParse(doc.toJS() ?? {});
  if (result.success) return;
  const issue = result.error.issues[0]!;
  const field = issue.path.map(String).join(".");
  const position = lineOf(issue.path);
  if (!position || (issue.code === "invalid_type" && isMissing(doc.toJS(), issue.path))) {
    fail(1, undefined, `frontmatter is missing "${field}": add a line "${field}: …" (${issue.message.replace(/^expected text: /, "")})`);
  }
  fail(position![0], position![1], `frontmatter "${field}": ${issue.message}`);
}

/** Checks every story file (drafts and stories in subfolders too); throws on the first mistake. */
export function checkAllStories(root = process.cwd()): void {
  for (const file of storyFiles(root)) checkFrontmatter(file, readFileSync(join(root, file), "utf8"));
}
