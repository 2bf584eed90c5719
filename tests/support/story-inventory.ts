/**
 * What a story page credits, so that a change of layout can be checked to lose none of it (issue 23,
 * point 6): the sources listed at the foot, the footnotes, and every figure's full credit.
 *
 * Two halves:
 *
 * - `storyInventory(html)` reads the items from a page in the layout of commit 47dd73a (the "before"
 *   layout: each figure's credit in its caption and its embed disclosure). It knows that markup and
 *   throws on a link it cannot place, so that no credit is silently left out of the inventory.
 * - `lostItems(before, html)` looks for every one of those items in another page by what it is, not
 *   where it sits: a source is a link with that address whose text holds the title, with the id,
 *   publisher and date in the same entry (paragraph, list item, table row...); a download is a link
 *   with that address and a download attribute; and so on, each searched anywhere inside the same
 *   figure (closed `<details>` included) or anywhere in the page's source list.
 *
 * Addresses are kept as the page writes them and compared after resolving them against the page's
 * own URL (its canonical link), so `/data/#x`, `../../data/#x` and the absolute URL are the same link.
 *
 * As a command, `npx tsx tests/support/story-inventory.ts <dist> --commit <sha> --out <file>` writes
 * the inventory of every story page of a built site as JSON (tests/support/story-inventory-before.json
 * was made so; its `made` field records the command).
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { parseHTML } from "linkedom";

/** A source in the page's numbered source list. */
interface ListedSource {
  /** As shown without brackets, e.g. "S1" or "P2". */
  id: string;
  publisher: string;
  title: string;
  /** The link's href as written. */
  url: string;
  /** The date as shown, e.g. "September 2019". */
  date: string;
  licence: string;
}

/** A footnote reference in the story: the number shown and the id of the listed source it points at. */
interface Footnote {
  number: string;
  sourceId: string;
}

/** One atomic item of a figure's full credit. Hrefs are as written on the page. */
type CreditItem =
  | { kind: "source"; id: string; publisher: string; title: string; url: string; date: string }
  | { kind: "boundary"; publisher: string; url: string; licence: string }
  | { kind: "data-link"; href: string; text: string }
  | { kind: "download"; href: string; text: string }
  | { kind: "embed-link"; href: string; text: string }
  | { kind: "embed-code"; src: string }
  | { kind: "citation"; format: "text" | "bibtex"; text: string };

/** Everything one story page credits. */
export interface StoryInventory {
  /** The story's slug, from its canonical URL. */
  story: string;
  /** The page's canonical URL, against which its hrefs resolve. */
  page: string;
  sources: ListedSource[];
  /** In page order. */
  footnotes: Footnote[];
  /** Keyed by the figure's element id, e.g. "chart-age-bands". */
  figures: Record<string, CreditItem[]>;
}

/** What a page no longer has, by part, with how many items of each part were looked for. */
export interface LostItems {
  sources: { checked: number; lost: string[] };
  footnotes: { checked: number; lost: string[] };
  figures: { checked: number; lost: string[] };
}

/** The JSON file the command writes. */
export interface InventoryFile {
  made: { commit: string; command: string; note: string };
  stories: Record<string, StoryInventory>;
}

// Tags that do not end an entry: an item's id, publisher and date may sit in any of these around its link.
const INLINE = new Set("A ABBR B BDI BDO BR CITE CODE DATA DD DFN DT EM I KBD LABEL MARK Q S SAMP SMALL SPAN STRONG SUB SUP TD TH TIME U VAR WBR".split(" "));

const norm = (text: string | null | undefined): string => (text ?? "").replace(/\s+/g, " ").trim();

/** The text of an element, whitespace collapsed. */
const textOf = (el: Element): string => norm(el.textContent);

/** Whether `text` has `id` as a whole token ("S1" is not in "S10"). */
const hasId = (text: string, id: string): boolean => new RegExp(`(?<![A-Za-z0-9])${id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![A-Za-z0-9])`).test(text);

const absolute = (href: string, page: string): string => new URL(href, page).href;

function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** The page's canonical URL and the story slug in it. */
function pageOf(doc: Document): { page: string; story: string } {
  const page = doc.querySelector('link[rel="canonical"]')?.getAttribute("href");
  const story = page && /\/stories\/([^/]+)\/$/.exec(new URL(page).pathname)?.[1];
  if (!page || !story) throw new Error("not a story page: no canonical link to /stories/<slug>/");
  return { page, story };
}

const stripBrackets = (id: string): string => id.replace(/^\[|\]$/g, "");

/** The source id an element names: its `.source-id`, or the first bracketed id in its text. */
function sourceIdIn(el: Element): string | undefined {
  const marked = el.querySelector(".source-id");
  if (marked) return stripBrackets(textOf(marked));
  return /\[([A-Z]+\d+)\]/.exec(textOf(el))?.[1];
}

/** Every link inside a `sup` that points at an element of the page, with the source id that element names, if it is in a source list. */
function footnoteRefs(doc: Document): { number: string; sourceId: string | undefined; href: string }[] {
  return [...doc.querySelectorAll("sup a[href^='#']")].map((a) => {
    const href = a.getAttribute("href")!;
    const target = doc.getElementById(decodeURIComponent(href.slice(1)));
    const listed = target?.closest(".source-list") ? target : undefined;
    return { number: textOf(a), sourceId: listed ? sourceIdIn(listed) : undefined, href };
  });
}

/** The sources of the foot list, in the before layout: `[id] publisher, <a href=url>title</a>, date. <span class=licence>`. */
function listedSources(doc: Document): ListedSource[] {
  return [...doc.querySelectorAll(".source-list > li")].map((li) => {
    const idEl = li.querySelector(".source-id");
    const a = li.querySelector("a[href]");
    const licenceEl = li.querySelector(".licence");
    if (!idEl || !a || !licenceEl) throw new Error(`source list entry without id, link or licence: ${textOf(li)}`);
    const [full, idText, title, licence] = [textOf(li), textOf(idEl), textOf(a), textOf(licenceEl)];
    const titleAt = full.indexOf(title, idText.length);
    const licenceAt = full.lastIndexOf(licence);
    if (!full.startsWith(idText) || titleAt < 0 || licenceAt < titleAt) throw new Error(`source list entry out of order: ${full}`);
    const publisher = full.slice(idText.length, titleAt).trim().replace(/,$/, "");
    const date = full
      .slice(titleAt + title.length, licenceAt)
      .trim()
      .replace(/^,\s*/, "")
      .replace(/\.$/, "");
    return { id: stripBrackets(idText), publisher, title, url: a.getAttribute("href")!, date, licence };
  });
}

/** Whether an href leads to the site's data page (a dataset version's anchor on it). */
const isDataLink = (href: string, page: string): boolean => {
  const url = new URL(href, page);
  return url.origin === new URL(page).origin && /\/data\/$/.test(url.pathname) && url.hash.length > 1;
};

/** The text right after a node, up to the next element. */
const textAfter = (node: Node): string => (node.nextSibling?.nodeType === 3 ? (node.nextSibling.textContent ?? "") : "");

/** A figure's full credit in the before layout: its caption's sources, boundaries, data links and downloads, and its embed disclosure. */
function figureCredit(figure: Element, listed: ListedSource[], page: string): CreditItem[] {
  const items: CreditItem[] = [];
  const placed = new Set<Element>();
  const where = `figure #${figure.id}`;

  for (const p of figure.querySelectorAll(".chart-source")) {
    let sourceId: string | undefined;
    let boundaries = false;
    for (const node of p.childNodes) {
      if (node.nodeType === 3) {
        if (/Boundaries:/.test(node.textContent ?? "")) boundaries = true;
        continue;
      }
      const el = node as Element;
      if (el.classList?.contains("source-id")) {
        sourceId = stripBrackets(textOf(el));
        continue;
      }
      if (el.tagName !== "A") continue;
      const href = el.getAttribute("href")!;
      if (sourceId) {
        const source = listed.find((s) => s.id === sourceId && s.url === href);
        if (!source || textOf(el) !== `${source.publisher}, ${source.title}`)
          throw new Error(`${where}: source [${sourceId}] does not match the source list: ${textOf(el)}`);
        const date = /^\s*\(([^)]*)\)/.exec(textAfter(el))?.[1];
        if (!date) throw new Error(`${where}: source [${sourceId}] has no date`);
        items.push({ kind: "source", id: sourceId, publisher: source.publisher, title: source.title, url: href, date: norm(date) });
        sourceId = undefined;
      } else if (isDataLink(href, page)) {
        items.push({ kind: "data-link", href, text: textOf(el) });
      } else if (boundaries) {
        const licence = /^\s*\((.*)\)\s*[;,.]?\s*$/s.exec(textAfter(el))?.[1];
        if (!licence) throw new Error(`${where}: boundary credit ${textOf(el)} has no licence`);
        items.push({ kind: "boundary", publisher: textOf(el), url: href, licence: norm(licence) });
      } else continue;
      placed.add(el);
    }
  }

  for (const a of figure.querySelectorAll(".chart-caption a[href], .chart-embed a[href]")) {
    if (placed.has(a)) continue;
    const href = a.getAttribute("href")!;
    if (a.hasAttribute("download")) items.push({ kind: "download", href, text: textOf(a) });
    else if (isDataLink(href, page)) items.push({ kind: "data-link", href, text: textOf(a) });
    else if (a.closest(".chart-embed")) items.push({ kind: "embed-link", href, text: textOf(a) });
    else throw new Error(`${where}: a credit link the inventory cannot place: ${textOf(a)} (${href})`);
    placed.add(a);
  }

  for (const code of figure.querySelectorAll(".chart-embed .embed-code")) {
    const srcs = [...(code.textContent ?? "").matchAll(/<iframe\b[^>]*\bsrc="([^"]*)"/g)].map((m) => m[1]!);
    if (srcs.length === 0) throw new Error(`${where}: embed code without an iframe`);
    for (const src of srcs) items.push({ kind: "embed-code", src });
  }
  for (const el of figure.querySelectorAll(".cite-text")) items.push({ kind: "citation", format: "text", text: textOf(el) });
  for (const el of figure.querySelectorAll(".cite-bibtex")) items.push({ kind: "citation", format: "bibtex", text: (el.textContent ?? "").trim() });
  return items;
}

/**
 * Reads what one story page, in the layout of commit 47dd73a, credits: the sources listed at its foot,
 * its footnotes (number and the source id each points at, in page order) and, for every
 * `figure.chart`, the atomic items of its full credit. Throws on markup it cannot account for.
 */
export function storyInventory(html: string): StoryInventory {
  const doc = parse(html);
  const { page, story } = pageOf(doc);
  const sources = listedSources(doc);
  const footnotes = footnoteRefs(doc).map(({ number, sourceId, href }) => {
    if (!sourceId || !/^\d+$/.test(number)) throw new Error(`${story}: footnote ${number} (${href}) does not point at a listed source`);
    return { number, sourceId };
  });
  const figures: Record<string, CreditItem[]> = {};
  for (const figure of doc.querySelectorAll("figure.chart")) {
    if (!figure.id || figures[figure.id]) throw new Error(`${story}: a figure without an id of its own`);
    figures[figure.id] = figureCredit(figure, sources, page);
  }
  return { story, page, sources, footnotes, figures };
}

/** The element an item's words must share with its link: the nearest ancestor that is not inline (or a table cell or dl part), within `root`. */
function entryOf(link: Element, root: Element): Element {
  let el = link.parentElement;
  while (el && el !== root && INLINE.has(el.tagName)) el = el.parentElement;
  return el && root.contains(el) ? el : root;
}

/** For a link item: links in `root` to the same address whose text holds `linkText`, and the words missing from the best one's entry. */
function findLink(root: Element, url: string, before: string, after: string, linkText: string, words: [string, string][]): string | undefined {
  const target = absolute(url, before);
  const links = [...root.querySelectorAll("a[href]")].filter((a) => absolute(a.getAttribute("href")!, after) === target && textOf(a).includes(linkText));
  if (links.length === 0) return `no link to ${url} with "${linkText}" in its text`;
  const gaps = links.map((a) => {
    const entry = textOf(entryOf(a, root));
    return words.filter(([label, word]) => !(label === "id" ? hasId(entry, word) : entry.includes(word))).map(([label, word]) => `${label} "${word}"`);
  });
  const best = gaps.reduce((a, b) => (b.length < a.length ? b : a));
  return best.length === 0 ? undefined : `its link is there, but its entry lacks ${best.join(", ")}`;
}

const describeItem = (item: CreditItem): string => {
  switch (item.kind) {
    case "source":
      return `source [${item.id}] ${item.publisher}, "${item.title}" (${item.date})`;
    case "boundary":
      return `boundary credit ${item.publisher} (${item.licence})`;
    case "data-link":
    case "download":
    case "embed-link":
      return `${item.kind} "${item.text}" ${item.href}`;
    case "embed-code":
      return `embed code <iframe src="${item.src}">`;
    case "citation":
      return `citation (${item.format}) "${norm(item.text).slice(0, 60)}…"`;
  }
};

/** Why `item` is not found in `figure`, or undefined if it is. */
function lostFromFigure(item: CreditItem, figure: Element, before: string, after: string, updated: readonly string[]): string | undefined {
  const sameHref = (href: string, download: boolean) =>
    [...figure.querySelectorAll("a[href]")].some(
      (a) => absolute(a.getAttribute("href")!, after) === absolute(href, before) && (!download || a.hasAttribute("download")),
    );
  switch (item.kind) {
    case "source":
      return findLink(figure, item.url, before, after, item.title, [
        ["id", item.id],
        ["publisher", item.publisher],
        ["date", item.date],
      ]);
    case "boundary":
      return findLink(figure, item.url, before, after, item.publisher, [["licence", item.licence]]);
    case "data-link":
    case "embed-link":
      return sameHref(item.href, false) ? undefined : "no link to this address in the figure";
    case "download":
      return sameHref(item.href, true) ? undefined : "no link to this address with a download attribute in the figure";
    case "embed-code": {
      const srcs = [...(figure.textContent ?? "").matchAll(/<iframe\b[^>]*\bsrc="([^"]*)"/g)].map((m) => absolute(m[1]!, after));
      return srcs.includes(absolute(item.src, before)) ? undefined : "no embed code with this iframe src in the figure's text";
    }
    case "citation": {
      const text = textOf(figure);
      if (text.includes(norm(item.text))) return undefined;
      // A chart's title is copy an editor may change: the citation is still there if its author and
      // date, its BibTeX key and its addresses are.
      // Its date may be the story's update since (a citation gives the date of the version cited).
      const authorDate = /^[^(]+\(\d{4}, [^)]+\)\./.exec(item.text)?.[0];
      const stable = [/^@misc\{[^,]+,/.exec(item.text)?.[0], authorDate, ...(item.text.match(/https?:\/\/[^\s},]+/g) ?? [])];
      const parts = stable.filter((p): p is string => Boolean(p));
      const found = (p: string) => text.includes(norm(p)) || (p === authorDate && updated.some((u) => text.includes(norm(p.replace(/\(\d{4}, [^)]+\)/, u)))));
      return parts.length >= 2 && parts.every(found) ? undefined : "this citation (its key, date and addresses) is not in the figure";
    }
  }
}

/**
 * Looks in `html` (the same story after a change of layout) for every item `before` lists, each by what
 * it is: listed sources anywhere in the page's source list(s), every source footnoted before still
 * footnoted (numbers follow the list's order), and each figure's credit items anywhere inside the
 * figure with the same id. Returns, by part, how many items were looked for and a message for each one
 * not found, naming the story, the figure and the item.
 * @param updates the days (YYYY-MM-DD) of other stories' updates: a figure's citation is dated by the story
 *   that places it first, so it may carry that story's update rather than this page's
 * @param unquoted sources the page no longer lists on purpose, with their footnotes: since issue 24 a story
 *   lists a source only for uses whose words we hold (a figure's full credit still names every source)
 */
export function lostItems(before: StoryInventory, html: string, unquoted: readonly string[] = [], updates: readonly string[] = []): LostItems {
  const doc = parse(html);
  const story = before.story;
  const after = doc.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? before.page;

  // The dates of updates, as a citation dates them ("(2026, 2 December)"): this page's and `updates`.
  const updated = [doc.querySelector("#update time[datetime]")?.getAttribute("datetime"), ...updates]
    .filter((d): d is string => Boolean(d))
    .map((d) => `(${d.slice(0, 4)}, ${new Date(d).toLocaleDateString("en-GB", { day: "numeric", month: "long", timeZone: "UTC" })})`);
  const lists = [...doc.querySelectorAll(".source-list")];
  const sources = before.sources
    .filter((s) => !unquoted.includes(s.id))
    .flatMap((s) => {
      const why =
        lists.length === 0
          ? "the page has no source list"
          : lists
              .map((list) =>
                findLink(list, s.url, before.page, after, s.title, [
                  ["id", s.id],
                  ["publisher", s.publisher],
                  ["date", s.date],
                  ["licence", s.licence],
                ]),
              )
              .reduce((a, b) => (a === undefined || b === undefined ? undefined : a));
      return why ? [`${story}: source list: [${s.id}] ${s.publisher}, "${s.title}" (${s.url}): ${why}`] : [];
    });

  // By the source each points at: numbers follow the list's order, which changes when a source leaves it.
  const count = (notes: { number: string; sourceId: string | undefined }[]) => {
    const counts = new Map<string, number>();
    for (const { sourceId } of notes) {
      if (sourceId && unquoted.includes(sourceId)) continue;
      const key = `→ [${sourceId ?? "no listed source"}]`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  };
  // Every source footnoted before is footnoted still. (Not as often: since issue 24 a footnote names only
  // the sources whose words on that figure we hold, so a figure's footnote may name fewer.)
  const had = count(before.footnotes);
  const has = count(footnoteRefs(doc));
  const footnotes = [...had].flatMap(([key, n]) => (has.has(key) ? [] : [`${story}: footnote ${key}: ${n} before, none now`]));

  const figures = Object.entries(before.figures).flatMap(([id, items]) => {
    const figure = doc.getElementById(id);
    if (!figure || figure.tagName !== "FIGURE") return [`${story}: figure #${id} is gone, with its ${items.length} credit items`];
    return items.flatMap((item) => {
      const why = lostFromFigure(item, figure, before.page, after, updated);
      return why ? [`${story}: figure #${id}: ${describeItem(item)}: ${why}`] : [];
    });
  });

  return {
    sources: { checked: before.sources.length, lost: sources },
    footnotes: { checked: before.footnotes.length, lost: footnotes },
    figures: { checked: Object.values(before.figures).reduce((n, items) => n + items.length, 0), lost: figures },
  };
}

/** The command: the inventory of every story page under `<dist>/stories/`, written as JSON to `--out`. */
function main(args: string[]): void {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { commit: { type: "string" }, out: { type: "string" } } });
  const [dist] = positionals;
  if (!dist || !values.commit || !values.out) throw new Error("usage: npx tsx tests/support/story-inventory.ts <dist> --commit <sha> --out <file.json>");
  const slugs = readdirSync(join(dist, "stories"))
    .filter((name) => existsSync(join(dist, "stories", name, "index.html")))
    .sort();
  const file: InventoryFile = {
    made: {
      commit: values.commit,
      command: `npx tsx tests/support/story-inventory.ts ${dist} --commit ${values.commit} --out ${values.out}`,
      note: `Made from a production build (TZ=UTC) of commit ${values.commit}, the layout before issue 23 moved the figures' credits; tests/build/nothing-lost.test.ts checks every item is still on the pages.`,
    },
    stories: Object.fromEntries(slugs.map((slug) => [slug, storyInventory(readFileSync(join(dist, "stories", slug, "index.html"), "utf8"))])),
  };
  writeFileSync(values.out, `${JSON.stringify(file, null, 2)}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main(process.argv.slice(2));
