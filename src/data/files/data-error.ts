/**
 * An error in a data file, pointing at the exact place to fix. The message reads
 * `data/x/v/file.csv:14:3: column "value": expected a whole number (got "4,013")`, the
 * same shape compilers use, so editors' terminals and CI logs link straight to the cell.
 */
export class DataError extends Error {
  override name = "DataError";
  constructor(
    /** Path relative to the project root, with forward slashes. */
    readonly file: string,
    readonly reason: string,
    /** 1-based line in the file, when it can be known. */
    readonly line?: number,
    /** 1-based column number of the CSV field (or character for JSON), when known. */
    readonly column?: number,
    /** Column name, for CSV files. */
    readonly field?: string,
  ) {
    const where = [file, line, line !== undefined ? column : undefined].filter((part) => part !== undefined).join(":");
    super(`${where}: ${field ? `column "${field}": ` : ""}${reason}`);
  }
}
