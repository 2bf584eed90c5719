import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { DataError } from "../files/data-error";
import { dataPath } from "../files/paths";
import { parsePositioned } from "../files/positions";
import { findTrendWords } from "../words/trend-words";

/**
 * What a draft version's own words must say before `npm run data -- seal` publishes it, and the
 * heading `new` rewrites so a fresh draft starts right. These are seal-time checks: a published
 * version is never checked again (its bytes are sealed), so one published before a check existed
 * still loads.
 */

/** What to do instead of a trend word. */
const SIDE_BY_SIDE =
  "say what each version holds, side by side, without a direction of change (two counts over windows of different length, or from different sources, are not a trend)";

/** A version name inside a text, as a whole token: "2019-01-30" is not found in "2019-01-30-c1". */
const VERSION_NAME = /(?<![\w-])\d{4}-\d{2}-\d{2}(?:-c[1-9]\d*)?(?![\w-])/g;

/**
 * Refuses a draft whose meta.json `changes` text uses a trend word (see src/data/words/trend-words.ts),
 * pointing at the first one's line and column.
 * @param root the project root
 * @param dataset the dataset id
 * @param version the draft version
 * @throws DataError `data/<dataset>/<version>/meta.json:line:column`, naming the words found and the fix
 */
export function checkChangesWords(root: string, dataset: string, version: string): void {
  const shown = `data/${dataset}/${version}/meta.json`;
  const positioned = parsePositioned(readFileSync(dataPath(root, dataset, version, "meta.json"), "utf8"));
  const changes = (positioned.value as { changes?: unknown } | null)?.changes;
  if (typeof changes !== "string") return; // the full check names a missing or mistyped field
  const [first, ...more] = findTrendWords(changes);
  if (!first) return;
  const position = positioned.positionInText(["changes"], first.index);
  const also = more.length ? ` (and after it ${more.map((m) => `"${m.word}"`).join(", ")})` : "";
  throw new DataError(shown, `"changes" uses the trend word "${first.word}"${also}: ${SIDE_BY_SIDE}`, position?.line, position?.column);
}

/** NOTES.md's first heading: its 0-based line number, or undefined when there is none. */
function firstHeadingLine(lines: readonly string[]): number | undefined {
  let fence: string | undefined;
  for (const [n, line] of lines.entries()) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === undefined || marker.startsWith(fence))) fence = fence === undefined ? marker : undefined;
    else if (fence === undefined && /^ {0,3}#{1,6}(?:[ \t]|\r?$)/.test(line)) return n;
  }
  return undefined;
}

/**
 * Refuses a draft whose NOTES.md does not start by naming it: its first heading must name this version
 * (as `# National figures (version 2019-01-30-c1)`) and no other, so a NOTES.md copied from the version
 * before is not published describing that one.
 * @param root the project root
 * @param dataset the dataset id
 * @param version the draft version
 * @throws DataError `data/<dataset>/<version>/NOTES.md:line:column`, naming both versions
 */
export function checkNotesHeading(root: string, dataset: string, version: string): void {
  const shown = `data/${dataset}/${version}/NOTES.md`;
  const path = dataPath(root, dataset, version, "NOTES.md");
  if (!existsSync(path)) throw new DataError(shown, "missing: every version folder needs meta.json and NOTES.md");
  const lines = readFileSync(path, "utf8").split("\n");
  const n = firstHeadingLine(lines);
  if (n === undefined) throw new DataError(shown, `has no heading: start it with "# <title> (version ${version})"`);
  const named = [...lines[n]!.matchAll(VERSION_NAME)];
  const other = named.find((m) => m[0] !== version);
  if (other)
    throw new DataError(
      shown,
      `the first heading names version ${other[0]}, but this is version ${version}: name ${version} there, and check that the notes below it describe this version`,
      n + 1,
      other.index + 1,
    );
  if (!named.length) throw new DataError(shown, `the first heading names no version: end it with "(version ${version})", as every NOTES.md does`, n + 1);
}

/**
 * For `new`: makes the copied NOTES.md's first heading name the new version, replacing every mention
 * of the version it was copied from on that line (the notes below are the editor's to rewrite).
 * @param root the project root
 * @param dataset the dataset id
 * @param from the version the draft was copied from
 * @param to the new draft version, whose NOTES.md is rewritten
 * @returns the heading as it now reads, or undefined when it did not name `from` (nothing is written)
 */
export function renameNotesHeading(root: string, dataset: string, from: string, to: string): string | undefined {
  const path = dataPath(root, dataset, to, "NOTES.md");
  if (!existsSync(path)) return undefined;
  const lines = readFileSync(path, "utf8").split("\n");
  const n = firstHeadingLine(lines);
  if (n === undefined) return undefined;
  const renamed = lines[n]!.replace(VERSION_NAME, (name) => (name === from ? to : name));
  if (renamed === lines[n]) return undefined;
  lines[n] = renamed;
  writeFileSync(path, lines.join("\n"));
  return renamed.trimEnd();
}
