import { csvParseRows } from "d3-dsv";
import type { z } from "zod";
import { DataError } from "./data-error";

/** A control character other than tab, line feed and carriage return (Unicode category Cc). */
const CONTROL = /(?![\t\n\r])\p{Cc}/u;

/** Files larger than this are refused before parsing: our tables have tens of rows, not millions. */
export const MAX_CSV_BYTES = 1_000_000;
/** The error for a table over {@link MAX_CSV_BYTES}: checked from the file's size before reading, and again here for callers that pass bytes. */
export function tooLarge(file: string, size: number): DataError {
  return new DataError(
    file,
    `the file is ${size.toLocaleString("en-GB")} bytes; the limit is ${MAX_CSV_BYTES.toLocaleString("en-GB")} bytes for one table (our tables hold tens of rows: check the export)`,
  );
}

/** The longest cell accepted: a note is a sentence or two, never a pasted article. */
const MAX_CELL_CHARS = 1_000;

/** Where each parsed row came from, so checks across rows can name its line and column. */
const rowPlaces = new WeakMap<object, { line: number; header: readonly string[] }>();

/** The 1-based line of a parsed row and the column number of one of its fields. */
export function placeOf(row: object, field: string): { line?: number; column?: number } {
  const place = rowPlaces.get(row);
  if (!place) return {};
  const index = place.header.indexOf(field);
  return { line: place.line, column: index >= 0 ? index + 1 : undefined };
}

/**
 * Decodes CSV bytes strictly as UTF-8. A file saved in another encoding (Windows-1252 from
 * Excel, say) would otherwise turn "£" into "�" silently; we name the first bad line instead.
 */
function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    let start = 0;
    let line = 1;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start, i));
        } catch {
          break;
        }
        start = i + 1;
        line++;
      }
    }
    throw new DataError(file, 'the file is not valid UTF-8 text; save it as "CSV UTF-8"', line);
  }
}

/**
 * Parses a CSV file (d3-dsv) and validates every row with a zod schema.
 *
 * The header must hold exactly the schema's columns (in any order), less any `optional` ones. Every error names the file,
 * the 1-based line, the column and the reason. Line numbers stay right when a quoted cell holds
 * a line break, because each record's own line breaks are counted.
 */
export function parseCsv<S extends z.ZodType<object>>(
  bytes: Uint8Array,
  file: string,
  schema: S,
  columns: readonly string[],
  /** Checks that need more than the row itself (declared sources, unique ids); returns a problem or nothing. */
  checkRow?: (row: Readonly<z.output<S>>) => { field: string; reason: string } | undefined,
  /** Columns the header may leave out; their cells read as empty. */
  optional: readonly string[] = [],
): readonly Readonly<z.output<S>>[] {
  if (bytes.length > MAX_CSV_BYTES) {
    throw tooLarge(file, bytes.length);
  }
  const text = decodeUtf8(bytes, file).replace(/^\uFEFF/, ""); // a BOM from Excel is harmless: drop it
  const records = csvParseRows(text);
  const header = records[0];
  if (!header || header.every((cell) => cell.trim() === "")) throw new DataError(file, "the file is empty; the first line must be the header", 1);
  checkHeader(header, columns, optional, file);
  const absent = columns.filter((name) => !header.includes(name));

  const rows: Readonly<z.output<S>>[] = [];
  let line = 1 + countBreaks(header);
  for (let index = 1; index < records.length; index++) {
    const record = records[index]!;
    line++;
    const recordLine = line;
    line += countBreaks(record);
    if (record.length === 1 && record[0] === "") throw new DataError(file, "blank line; delete it", recordLine);
    if (record.length !== header.length) {
      throw new DataError(
        file,
        `this row has ${record.length} fields but the header has ${header.length}; check for a missing or extra comma (cells with commas must be "quoted")`,
        recordLine,
      );
    }
    // Control characters (other than tab and line breaks) cannot appear in HTML or SVG text: refuse them.
    const control = record.findIndex((cell) => CONTROL.test(cell));
    if (control >= 0) {
      const code = CONTROL.exec(record[control]!)![0].charCodeAt(0);
      throw new DataError(
        file,
        `this cell holds an invisible control character (U+${code.toString(16).toUpperCase().padStart(4, "0")}); delete it`,
        recordLine,
        control + 1,
        header[control],
      );
    }
    const long = record.findIndex((cell) => cell.length > MAX_CELL_CHARS);
    if (long >= 0)
      throw new DataError(
        file,
        `this cell is ${record[long]!.length.toLocaleString("en-GB")} characters long; the limit is ${MAX_CELL_CHARS.toLocaleString("en-GB")} (a note is a sentence or two: put longer text in NOTES.md)`,
        recordLine,
        long + 1,
        header[long],
      );
    const raw = Object.fromEntries([...header.map((name, i) => [name, record[i]]), ...absent.map((name) => [name, ""])]);
    const result = schema.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const field = typeof issue.path[0] === "string" ? issue.path[0] : undefined;
      const column = field === undefined ? undefined : header.indexOf(field) + 1;
      throw new DataError(file, issue.message, recordLine, column, field);
    }
    const row = Object.freeze(result.data) as Readonly<z.output<S>>;
    // Placed before the check, so that the check can record where a row is (the first use of an id).
    rowPlaces.set(row, { line: recordLine, header });
    const problem = checkRow?.(row);
    if (problem) throw new DataError(file, problem.reason, recordLine, header.indexOf(problem.field) + 1, problem.field);
    rows.push(row);
  }
  return Object.freeze(rows);
}

function checkHeader(header: readonly string[], expected: readonly string[], optional: readonly string[], file: string): void {
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (seen.has(name)) throw new DataError(file, `column "${name}" appears twice in the header`, 1, i + 1);
    seen.add(name);
    if (!expected.includes(name)) {
      throw new DataError(file, `unexpected column "${name}" in the header; the columns are: ${expected.join(", ")}`, 1, i + 1);
    }
  });
  const missing = expected.filter((name) => !seen.has(name) && !optional.includes(name));
  if (missing.length) throw new DataError(file, `missing column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")} in the header`, 1);
}

function countBreaks(record: readonly string[]): number {
  let n = 0;
  for (const cell of record) for (const ch of cell) if (ch === "\n") n++;
  return n;
}
