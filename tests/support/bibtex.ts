import { plugins, type CSL } from "@citation-js/core";
import "@citation-js/plugin-bibtex";

/**
 * BibTeX read the way a reference manager reads it: Citation.js's parser, which understands TeX
 * (braces, escapes such as `\&` and `\textasciitilde{}`, ligatures such as `--`) and turns each entry
 * into CSL-JSON with plain Unicode text. A test compares those values with facts read elsewhere (the
 * page, the data) instead of undoing our own escaping by hand.
 * @param text One or more entries.
 * @param dialect "bibtex" reads the fields classic BibTeX styles know (year and month, not date;
 *   no version or language); "biblatex" reads biblatex's as well.
 * @returns One CSL-JSON item per entry read; text it cannot read gives none, so check the count.
 */
export function readBibtex(text: string, dialect: "bibtex" | "biblatex"): CSL[] {
  // The dialect is forced: a string must never be tried as something else (a URL, a DOI). The other
  // options are Citation.js's defaults, spelled out because its types ask for every one.
  return plugins.input.chain(text, { forceType: `@${dialect}/text`, target: "@csl/list+object", generateGraph: false, maxChainLength: 10, strict: true });
}
