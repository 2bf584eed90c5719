import { publication } from "./publication";

/** Something readers can cite: a story, a figure or a dataset version, with its canonical URL. */
export interface Citable {
  /** A stable key, e.g. "county-lines-story-getting-out" (BibTeX key and CSL id). */
  readonly key: string;
  readonly kind: "story" | "figure" | "dataset";
  readonly title: string;
  /** YYYY-MM-DD: the story's date (its update, if updated), a figure's story's, a version's publication. */
  readonly date: string;
  readonly url: string;
  /** For figures: the story it appears in. */
  readonly container?: string;
  /** For figures and datasets: the dataset id and version, e.g. "rescue-and-response" and "2019-09-18-c1". */
  readonly dataset?: string;
  readonly version?: string;
}

const parts = (date: string) => date.split("-").map(Number) as [number, number, number];
const monthName = new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" });

/**
 * The citation as plain text, APA-like with an en-GB date: author, (year, day month), title, what it
 * is, where, URL. A figure's story is quoted where APA would set it in italics, which plain text cannot:
 * a story titled "In Year 2 …" then reads `In “In Year 2 …”`, not "In In Year 2".
 * @example citeText(figure) // "The data team. (2020, 2 October). A map [Chart; data: rescue-and-response, version 2020-09-30]. In “A story”. County lines explained. https://…/"
 * @example citeText(story) // "The data team. (2019, 20 September). How London's county lines reach across the UK. County lines explained. https://…/"
 * @param c What is cited.
 */
export function citeText(c: Citable): string {
  const [y, m, d] = parts(c.date);
  const what =
    c.kind === "figure"
      ? ` [Chart; data: ${c.dataset}, version ${c.version}]. In “${c.container}”`
      : c.kind === "dataset"
        ? ` (Version ${c.version}) [Data set]`
        : "";
  return `${publication.author}. (${y}, ${d} ${monthName.format(Date.UTC(y, m - 1, d))}). ${c.title}${what}. ${publication.name}. ${c.url}`;
}

/** LaTeX escapes for the characters BibTeX and LaTeX treat as special, in one pass. */
const LATEX: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  $: "\\$",
  "&": "\\&",
  "%": "\\%",
  "#": "\\#",
  _: "\\_",
  "^": "\\textasciicircum{}",
  "~": "\\textasciitilde{}",
};
/**
 * Text for a braced BibTeX field: specials escaped, so any title stays one balanced field, and TeX's
 * ligatures broken with an empty group (`-{}-`), so "--", "``", "''", "<<", ">>", ",,", "!`" and "?`"
 * stay as written instead of becoming dashes and curly quotes.
 */
function bibtexText(s: string): string {
  return s
    .replace(/[\\{}$&%#_^~]/g, (ch) => LATEX[ch]!)
    .replace(/([-`'<>,])(?=\1)/g, "$1{}")
    .replace(/([!?])(?=`)/g, "$1{}");
}

/**
 * The citation as a BibTeX `@misc` entry (understood by BibTeX and biblatex alike). Names and titles
 * are double-braced so that styles keep them as written.
 */
export function citeBibtex(c: Citable): string {
  const [y, m] = parts(c.date);
  const fields: [string, string][] = [
    ["author", `{${bibtexText(publication.author)}}`],
    ["title", `{${bibtexText(c.title)}}`],
    ["year", String(y)],
    ["month", ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"][m - 1]!],
    ["date", c.date],
    ["howpublished", bibtexText(publication.name)],
    ["organization", bibtexText(publication.name)],
    ...(c.kind === "figure" ? ([["note", bibtexText(`Chart in: ${c.container}. Data: ${c.dataset}, version ${c.version}`)]] as [string, string][]) : []),
    ...(c.kind === "dataset" ? ([["note", bibtexText(`Data set ${c.dataset}, version ${c.version}`)]] as [string, string][]) : []),
    ...(c.version ? ([["version", bibtexText(c.version)]] as [string, string][]) : []),
    // A URL never holds a brace or a space once parsed by URL (they are percent-encoded).
    ["url", new URL(c.url).href],
    ["language", "british"],
  ];
  // month is a BibTeX macro (unbraced); every other value is braced.
  const value = (k: string, v: string) => (k === "month" ? v : `{${v}}`);
  return `@misc{${c.key},\n${fields.map(([k, v]) => `  ${k} = ${value(k, v)}`).join(",\n")}\n}\n`;
}

/** One CSL-JSON item (the format of Zotero, Mendeley and citeproc), as an object for JSON.stringify. */
function citeCsl(c: Citable) {
  const [y, m, d] = parts(c.date);
  return {
    id: c.key,
    type: c.kind === "story" ? "article-newspaper" : c.kind === "figure" ? "figure" : "dataset",
    title: c.title,
    author: [{ literal: publication.author }],
    issued: { "date-parts": [[y, m, d]] },
    publisher: publication.name,
    "container-title": c.container ?? publication.name,
    ...(c.version ? { version: c.version } : {}),
    URL: new URL(c.url).href,
    language: publication.language,
  };
}

/** The CSL-JSON file published for a citation (`/cite/<key>.json`): a one-item array, pretty-printed. */
export function cslFile(c: Citable): string {
  return `${JSON.stringify([citeCsl(c)], null, 2)}\n`;
}
