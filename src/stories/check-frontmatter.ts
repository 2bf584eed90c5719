import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isMap, isScalar } from "yaml";
import { parsePositioned, parseWithSchema } from "../data/files/positions";
import { closest } from "./closest";
import { StoryError } from "./story-error";
import { splitFrontmatter, storyFiles } from "./story-files";
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
  const { frontmatter } = splitFrontmatter(source);
  if (frontmatter === undefined)
    fail(1, 1, 'the story must start with frontmatter between two "---" lines (title, standfirst, byline, published, shareImageAlt)');
  // The frontmatter's lines are numbered from the file's top: +1 for the opening "---".
  const positioned = parsePositioned(frontmatter!, 1);
  const { doc } = positioned;
  const at = (offset: number) => {
    const { line, column } = positioned.at(offset);
    return [line, column] as const;
  };
  if (positioned.syntaxError) {
    const { line, column, message } = positioned.syntaxError;
    fail(line, column, `frontmatter is not valid YAML: ${message}. Check quotes and indentation; text containing a colon must be "quoted"`);
  }
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
  const { problem } = parseWithSchema(storySchema, positioned);
  if (!problem) return;
  const { issue, position, missing } = problem;
  const field = issue.path.map(String).join(".");
  const expected = issue.message.replace(/^expected text: /, "");
  // A field missing inside an entry (a correction's id) is named at the entry it belongs to.
  if (missing && position && issue.path.length > 1) {
    const key = String(issue.path.at(-1));
    fail(
      position.line,
      position.column,
      `frontmatter "${issue.path.slice(0, -1).map(String).join(".")}" is missing "${key}": add a line "${key}: …" to it (${expected})`,
    );
  }
  if (!position || missing) {
    fail(1, undefined, `frontmatter is missing "${field}": add a line "${field}: …" (${expected})`);
  }
  fail(position!.line, position!.column, `frontmatter "${field}": ${issue.message}`);
}

/** Checks every story file (drafts and stories in subfolders too); throws on the first mistake. */
export function checkAllStories(root = process.cwd()): void {
  for (const file of storyFiles(root)) checkFrontmatter(file, readFileSync(join(root, file), "utf8"));
}
