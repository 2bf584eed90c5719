import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isMap, isScalar } from "yaml";
import { parsePositioned, parseWithSchema } from "../data/files/positions";
import { closest } from "./closest";
import { StoryError } from "./story-error";
import { splitFrontmatter, storyFiles } from "./story-files";
import { correctionSchema, storySchema } from "./story-schema";
import type { z } from "astro/zod";

const FIELDS = Object.keys(storySchema.shape);

/** The fields of a correction, the one list of entries in the frontmatter. */
const CORRECTION_FIELDS = Object.keys(correctionSchema.shape);

/**
 * Checks a story's frontmatter before the build starts, so the message can name the line:
 * `content/stories/x.mdx:5:12: frontmatter "published": expected a real date written YYYY-MM-DD…`.
 * Returns nothing when the frontmatter is valid; throws a {@link StoryError} listing every problem
 * (one line each) otherwise.
 */
export function checkFrontmatter(path: string, source: string): void {
  const problems = frontmatterProblems(path, source);
  if (problems.length > 0) throw new StoryError(problems.join("\n"));
}

/**
 * A story's frontmatter, checked and read as the schema gives it (dates as dates, defaults filled in),
 * from the file's text itself.
 * @param path the story's path from the project root, for messages
 * @param source the file's text
 * @throws StoryError listing every problem, each at its line and column
 */
export function readFrontmatter(path: string, source: string): z.output<typeof storySchema> {
  checkFrontmatter(path, source);
  return parseWithSchema(storySchema, parsePositioned(splitFrontmatter(source).frontmatter ?? "", 1)).data!;
}

/**
 * An issue's message, with the line of the entry it says came first (a duplicate correction id names
 * "correction 8", and editors look for it by line): "… correction 8 (line 52) …".
 */
function withFirstUse(issue: { message: string; params?: Record<string, unknown> }, positioned: ReturnType<typeof parsePositioned>): string {
  const path = issue.params?.firstUse as (string | number)[] | undefined;
  const line = path && positioned.positionOf(path)?.line;
  return line ? issue.message.replace(/(correction \d+)/, `$1 (line ${line})`) : issue.message;
}

/** Every problem of a story's frontmatter, each as a `file:line:column: message` line (none when it is valid). */
export function frontmatterProblems(path: string, source: string): string[] {
  const problems: string[] = [];
  const report = (line: number, column: number | undefined, message: string) => {
    problems.push(`${path}:${line}${column ? `:${column}` : ""}: ${message}`);
  };
  const { frontmatter } = splitFrontmatter(source);
  if (frontmatter === undefined) {
    report(1, 1, 'the story must start with frontmatter between two "---" lines (title, standfirst, byline, published, shareImageAlt)');
    return problems;
  }
  // The frontmatter's lines are numbered from the file's top: +1 for the opening "---".
  const positioned = parsePositioned(frontmatter, 1);
  const { doc } = positioned;
  const at = (offset: number) => {
    const { line, column } = positioned.at(offset);
    return [line, column] as const;
  };
  if (positioned.syntaxError) {
    const { line, column, message } = positioned.syntaxError;
    report(line, column, `frontmatter is not valid YAML: ${message}. Check quotes and indentation; text containing a colon must be "quoted"`);
    return problems;
  }
  /** Fields named by a misspelling ("bylin" for "byline"): the schema also finds them missing; say it once, at the misspelling. */
  const misspelt = new Set<string>();
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      if (!FIELDS.includes(key)) {
        const [line, col] = at((pair.key as unknown as { range: [number, number] }).range[0]);
        const hint = closest(key, FIELDS);
        if (hint) misspelt.add(hint);
        report(line, col, `frontmatter has no field "${key}"${hint ? `; did you mean "${hint}"?` : "."} The fields are: ${FIELDS.join(", ")}`);
      }
    }
  }
  for (const { issue, position, missing } of parseWithSchema(storySchema, positioned).problems ?? []) {
    // Entries of a list are counted from 1, as editors count them ("corrections.2.date" is the second).
    const field = issue.path.map((p) => (typeof p === "number" ? String(p + 1) : String(p))).join(".");
    // Unknown fields of the story are named above, with a suggestion; those of an entry (a correction), here.
    if (issue.code === "unrecognized_keys" && issue.path.length > 0) {
      for (const key of issue.keys) {
        const where = positioned.positionOf([...issue.path, key]) ?? position;
        const hint = closest(key, CORRECTION_FIELDS);
        report(
          where?.line ?? 1,
          where?.column,
          `frontmatter "${field}" has no field "${key}"${hint ? `; did you mean "${hint}"?` : "."} Its fields are: ${CORRECTION_FIELDS.join(", ")}`,
        );
      }
      continue;
    }
    if ((missing && misspelt.has(field)) || issue.code === "unrecognized_keys") continue;
    const expected = issue.message.replace(/^expected text: /, "");
    // A field missing inside an entry (a correction's id) is named at the entry it belongs to.
    if (missing && position && issue.path.length > 1) {
      const key = String(issue.path.at(-1));
      report(
        position.line,
        position.column,
        `frontmatter "${field.split(".").slice(0, -1).join(".")}" is missing "${key}": add a line "${key}: …" to it (${expected})`,
      );
    } else if (!position || missing) report(1, undefined, `frontmatter is missing "${field}": add a line "${field}: …" (${expected})`);
    else report(position.line, position.column, `frontmatter "${field}": ${withFirstUse(issue, positioned)}`);
  }
  return problems;
}

/** Checks every story file (drafts and stories in subfolders too); throws listing every mistake of the first file with any. */
export function checkAllStories(root = process.cwd()): void {
  for (const file of storyFiles(root)) checkFrontmatter(file, readFileSync(join(root, file), "utf8"));
}
