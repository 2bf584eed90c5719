/**
 * Where a line may break: a run of whitespace, except the no-break spaces (U+00A0 no-break space,
 * U+2007 figure space, U+202F narrow no-break space, U+FEFF zero-width no-break space), which hold
 * their neighbours together as an author meant, e.g. "15 000" or "Year 2".
 */
const BREAK = /[^\S\u00a0\u2007\u202f\ufeff]+/;

/**
 * Splits text into lines of at most `maxChars` characters (UTF-16 code units), breaking only between
 * words, for bar labels, figure text and share-image headlines alike. Layout is in the text's own words:
 *
 * - A word is a run of characters other than breakable whitespace (see BREAK: no-break spaces are part
 *   of a word). Each line is one or more whole words joined by single spaces, so no line is ever
 *   empty or starts or ends with a space, and the words, in order, are exactly the text's words.
 * - Leading and trailing whitespace is dropped; a run of spaces, tabs or newlines between two words
 *   becomes one space (or a line break).
 * - Words fill a line greedily; a word longer than `maxChars` gets a line of its own, whole.
 * - Text with no word at all ("" or only spaces) gives no line, `[]`: there is nothing to draw.
 *
 * @example
 * wrapWords("Male, of young people referred to the programme", 30) // ["Male, of young people referred", "to the programme"]
 * wrapWords("  Aged\t15–19  ", 30) // ["Aged 15–19"]
 * wrapWords("Supercalifragilisticexpialidocious words", 10) // ["Supercalifragilisticexpialidocious", "words"]
 * wrapWords("   ", 10) // []
 */
export function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(BREAK)) {
    // Splitting leaves an empty string only before leading or after trailing whitespace.
    if (word === "") continue;
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
