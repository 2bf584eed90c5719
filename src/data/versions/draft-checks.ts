import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { DataError } from "../files/data-error";
import { dataPath } from "../files/paths";
import { parsePositioned } from "../files/positions";
import { isSealed } from "../files/seals";
import { correctedVersions } from "../schema/meta-schema";
import { formatDate } from "../words/format-value";
import { findTrendWords } from "../words/trend-words";
import { listVersions } from "./list-versions";

/**
 * What a draft version's own words must say before `npm run data -- seal` publishes it (`check` lists
 * the same), and what `new` rewrites in the copied NOTES.md so a fresh draft starts right: its heading,
 * and its corrections. These are seal-time checks: a published version is never checked again (its
 * bytes are sealed), so one published before a check existed still loads.
 */

/** What to do instead of a trend word. */
const SIDE_BY_SIDE =
  "say what each version holds, side by side, without a direction of change (two counts over windows of different length, or from different sources, are not a trend)";

/** A version name inside a text, as a whole token: "2019-01-30" is not found in "2019-01-30-c1". */
const VERSION_NAME = /(?<![\w-])\d{4}-\d{2}-\d{2}(?:-c[1-9]\d*)?(?![\w-])/g;

/** What `new` writes into `changes`; `check` and `seal` refuse a draft that still says it. */
export const CHANGES_PLACEHOLDER = "TODO: say what changed since the previous version, and why, in plain words (no trend words).";

/**
 * Refuses a draft whose meta.json `changes` text is still the placeholder, or uses a trend word (see
 * src/data/words/trend-words.ts), pointing at the placeholder's or the first trend word's line and column.
 * @param root the project root
 * @param dataset the dataset id
 * @param version the draft version
 * @throws DataError `data/<dataset>/<version>/meta.json:line:column`, naming the words found and the fix
 */
function checkChanges(root: string, dataset: string, version: string): void {
  const shown = `data/${dataset}/${version}/meta.json`;
  const positioned = parsePositioned(readFileSync(dataPath(root, dataset, version, "meta.json"), "utf8"));
  const changes = (positioned.value as { changes?: unknown } | null)?.changes;
  if (typeof changes !== "string") return; // the full check names a missing or mistyped field
  if (changes.trim() === CHANGES_PLACEHOLDER) {
    const at = positioned.positionInText(["changes"], changes.indexOf(CHANGES_PLACEHOLDER));
    throw new DataError(shown, `"changes" still holds the placeholder; say what changed and why before sealing`, at?.line, at?.column);
  }
  const [first, ...more] = findTrendWords(changes);
  if (!first) return;
  const position = positioned.positionInText(["changes"], first.index);
  const also = more.length ? ` (and after it ${more.map((m) => `"${m.word}"`).join(", ")})` : "";
  throw new DataError(shown, `"changes" uses the trend word "${first.word}"${also}: ${SIDE_BY_SIDE}`, position?.line, position?.column);
}

/** A heading of NOTES.md: its 0-based line, its level (how many #) and its words after the #s. */
interface Heading {
  readonly line: number;
  readonly level: number;
  readonly text: string;
}

/** NOTES.md's headings, in order, leaving out lines inside code fences. */
function headings(lines: readonly string[]): Heading[] {
  const found: Heading[] = [];
  let fence: string | undefined;
  for (const [n, line] of lines.entries()) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === undefined || marker.startsWith(fence))) fence = fence === undefined ? marker : undefined;
    else if (fence === undefined) {
      const heading = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t\r]*$/.exec(line);
      if (heading) found.push({ line: n, level: heading[1]!.length, text: heading[2] ?? "" });
    }
  }
  return found;
}

/** NOTES.md's first heading: its 0-based line number, or undefined when there is none. */
function firstHeadingLine(lines: readonly string[]): number | undefined {
  return headings(lines)[0]?.line;
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
function checkNotesHeading(root: string, dataset: string, version: string): void {
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

/**
 * A correction's own section of NOTES.md starts with this heading, then the day it was published in
 * brackets: `## Corrections in this version (1 December 2026)` (data/README.md, step 3).
 */
const THIS_VERSION = "Corrections in this version";

/** How a line of the placeholder `new` writes under that heading starts; `check` and `seal` refuse any line that starts so. */
const TODO = /^\s*TODO\b/;

/** A Markdown list item's first line: a bullet or a number, then a space. */
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]/;

/** A paragraph or a list item of NOTES.md: its 0-based first line, whether it is a list item, and its words with the spacing evened out. */
interface Block {
  readonly line: number;
  readonly item: boolean;
  readonly words: string;
}

/** A section of NOTES.md headed "Corrections in this version": its heading, the 0-based line after its last (the next heading of its level or above), and its paragraphs and list items. */
interface CorrectionsSection {
  readonly heading: Heading;
  readonly end: number;
  readonly blocks: readonly Block[];
}

/** The paragraphs and list items of `lines` from `start` up to `end`: a blank line or a list marker starts a new one. */
function blocks(lines: readonly string[], start: number, end: number): Block[] {
  const found: { line: number; item: boolean; text: string[] }[] = [];
  let open = false;
  for (let n = start; n < end; n++) {
    const line = lines[n]!;
    if (!line.trim()) open = false;
    else if (LIST_ITEM.test(line) || !open) {
      found.push({ line: n, item: LIST_ITEM.test(line), text: [line] });
      open = true;
    } else found.at(-1)!.text.push(line);
  }
  return found.map(({ line, item, text }) => ({ line, item, words: text.join(" ").replace(/\s+/g, " ").trim() }));
}

/** The sections of a NOTES.md headed "Corrections in this version" (one, in every correction so far). */
function correctionsSections(lines: readonly string[]): CorrectionsSection[] {
  const all = headings(lines);
  return all.flatMap((heading, i) => {
    if (!heading.text.startsWith(THIS_VERSION)) return [];
    const end = all.slice(i + 1).find((next) => next.level <= heading.level)?.line ?? lines.length;
    return [{ heading, end, blocks: blocks(lines, heading.line + 1, end) }];
  });
}

/**
 * What a version's "Corrections in this version" section says it corrected: its opening paragraph and
 * its first list with the paragraphs before it. What follows the list, or the opening paragraph when
 * there is no list, is the notes' own text (the c1 versions go on with the dataset's introduction,
 * which later versions keep), so it is not counted.
 */
function correctionsText(section: CorrectionsSection): Block[] {
  const list = section.blocks.findIndex((block) => block.item);
  if (list < 0) return section.blocks.slice(0, 1);
  const after = section.blocks.slice(list).findIndex((block) => !block.item);
  return section.blocks.slice(0, after < 0 ? undefined : list + after);
}

/** What a draft's corrections section must say, for the messages: what was wrong in the version it corrects. */
function whatToSay(corrected: string | undefined): string {
  return corrected
    ? `what was wrong in version ${corrected}, what is right, and why`
    : "what this version corrects, and why, or remove the section if it corrects nothing";
}

/** The placeholder `new` writes under a correction's new "Corrections in this version" heading. */
function correctionsPlaceholder(corrected: string): string {
  return `TODO: say ${whatToSay(corrected)}, one point to a line (check and seal refuse this line).`;
}

/**
 * Refuses a draft whose NOTES.md does not say what it corrects: a correction (`-c1`, `-c2`…) needs a
 * "Corrections in this version" section; that section must not still hold the placeholder `new` wrote
 * (a line starting "TODO"), nor repeat word for word a paragraph or list item of what a published version
 * of the dataset corrected (its own "Corrections in this version" section), which is what a NOTES.md
 * copied from a correction says until it is rewritten.
 * @param root the project root
 * @param dataset the dataset id
 * @param version the draft version
 * @throws DataError `data/<dataset>/<version>/NOTES.md:line:column`, naming what to write there
 */
function checkNotesCorrections(root: string, dataset: string, version: string): void {
  const shown = `data/${dataset}/${version}/NOTES.md`;
  const lines = readFileSync(dataPath(root, dataset, version, "NOTES.md"), "utf8").split("\n");
  const sections = correctionsSections(lines);
  const corrected = correctedVersions(version).at(-1);
  if (corrected && !sections.length) {
    const first = firstHeadingLine(lines);
    throw new DataError(
      shown,
      `version ${version} is a correction, but its notes have no "## ${THIS_VERSION} (${publishedDay(root, dataset, version)})" section: add one under the first heading, saying ${whatToSay(corrected)} (see data/README.md)`,
      first === undefined ? undefined : first + 1,
    );
  }
  for (const { heading, end } of sections)
    for (let n = heading.line + 1; n < end; n++)
      if (TODO.test(lines[n]!))
        throw new DataError(
          shown,
          `"${heading.text}" still holds the placeholder: in place of the TODO line, say ${whatToSay(corrected)}`,
          n + 1,
          lines[n]!.search(/\S/) + 1,
        );
  // What each published version corrected; the newest one saying a paragraph is named, as the likeliest
  // to have been copied. Other drafts are not counted: their words are not published yet.
  const earlier = new Map<string, { version: string; line: number; heading: string }>();
  for (const other of listVersions(dataset, root).filter((v) => v !== version && isSealed(root, dataset, v))) {
    const path = dataPath(root, dataset, other, "NOTES.md");
    if (!existsSync(path)) continue;
    for (const section of correctionsSections(readFileSync(path, "utf8").split("\n")))
      for (const block of correctionsText(section)) earlier.set(block.words, { version: other, line: block.line + 1, heading: section.heading.text });
  }
  for (const { heading, blocks } of sections)
    for (const block of blocks) {
      const said = earlier.get(block.words);
      if (!said) continue;
      const own = `## ${said.heading.replace(THIS_VERSION, `Corrections in version ${said.version}`)}`;
      throw new DataError(
        shown,
        `"${heading.text}" repeats word for word what version ${said.version} corrected (data/${dataset}/${said.version}/NOTES.md:${said.line}), not what this version corrects: say here ${whatToSay(corrected)}; what ${said.version} corrected belongs under its own heading, "${own}"`,
        block.line + 1,
        lines[block.line]!.search(/\S/) + 1,
      );
    }
}

/** A day as NOTES.md headings write it ("2 December 2026"), or a stand-in for one that is not a YYYY-MM-DD day (the full check names it). */
function dayInWords(day: unknown): string {
  return typeof day === "string" && /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(day)) ? formatDate(day) : "day month year";
}

/** The day a draft's meta.json says it is published, as NOTES.md headings write it. */
function publishedDay(root: string, dataset: string, version: string): string {
  try {
    return dayInWords((JSON.parse(readFileSync(dataPath(root, dataset, version, "meta.json"), "utf8")) as { published?: unknown }).published);
  } catch {
    return dayInWords(undefined); // the full check names a broken meta.json
  }
}

/**
 * Everything `seal` refuses in a draft's own words, all at once, in file order: `changes` still the
 * placeholder or using a trend word (meta.json), and NOTES.md not headed with this version or not
 * saying what this version corrects. `check` lists them too, so no draft looks ready that seal refuses.
 * @param root the project root
 * @param dataset the dataset id
 * @param version the draft version
 * @returns one `file:line:column: problem and fix` message each; empty when the draft may be sealed
 */
export function draftProblems(root: string, dataset: string, version: string): string[] {
  const problems: string[] = [];
  const run = (check: (root: string, dataset: string, version: string) => void) => {
    try {
      check(root, dataset, version);
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      problems.push(error.message);
    }
  };
  run(checkChanges);
  run(checkNotesHeading);
  if (existsSync(dataPath(root, dataset, version, "NOTES.md"))) run(checkNotesCorrections);
  return problems;
}

/**
 * For `new`: makes the copied NOTES.md say that the corrections it lists are those of the version it
 * was copied from, and, when the new version is a correction, gives it its own section to fill in.
 * Each "## Corrections in this version (…)" heading becomes "## Corrections in version <from> (…)", and
 * an opening "This version corrects" below it "Version <from> corrected", as the published c2 versions
 * keep their c1's; a correction then gets "## Corrections in this version (<published>)" under the first
 * heading, holding a placeholder that `check` and `seal` refuse.
 * @param root the project root
 * @param dataset the dataset id
 * @param from the version the draft was copied from
 * @param to the new draft version, whose NOTES.md is rewritten
 * @param published the day the draft will be published (YYYY-MM-DD), for the new heading
 * @returns the headings that now hold `from`'s corrections, and the new heading, if one was added
 */
export function startNotesCorrections(root: string, dataset: string, from: string, to: string, published: string): { kept: string[]; added?: string } {
  const path = dataPath(root, dataset, to, "NOTES.md");
  if (!existsSync(path)) return { kept: [] };
  const lines = readFileSync(path, "utf8").split("\n");
  const kept: string[] = [];
  for (const { heading, blocks } of correctionsSections(lines)) {
    lines[heading.line] = `${"#".repeat(heading.level)} ${heading.text.replace(THIS_VERSION, `Corrections in version ${from}`)}`;
    kept.push(lines[heading.line]!);
    const opening = blocks[0]?.line;
    if (opening !== undefined) lines[opening] = lines[opening]!.replace(/^(\s*)This version corrects\b/, `$1Version ${from} corrected`);
  }
  const corrected = correctedVersions(to).at(-1);
  let added: string | undefined;
  if (corrected) {
    added = `## ${THIS_VERSION} (${dayInWords(published)})`;
    const section = [added, "", correctionsPlaceholder(corrected)];
    const first = firstHeadingLine(lines);
    if (first === undefined) lines.unshift(...section, "");
    else lines.splice(first + 1, 0, "", ...section);
  }
  writeFileSync(path, lines.join("\n"));
  return { kept, added };
}
