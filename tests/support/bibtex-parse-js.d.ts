/** Types for @orcid/bibtex-parse-js, which ships none: its parser returns one object per entry. */
declare module "@orcid/bibtex-parse-js" {
  interface Entry {
    citationKey: string;
    entryType: string;
    /** Field values as written, one outer pair of braces (or quotes) removed. */
    entryTags: Record<string, string>;
  }
  const parser: { toJSON(bibtex: string): Entry[] };
  export default parser;
}
