import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { MdastPluginDefinition, MdxJsxFlowElement, MdxJsxTextElement, PluginFactoryContext } from "satteri";
import { chartIds, getChart } from "../charts";
import { allowedHtml, editorComponents, propNames, type EditorComponent } from "../components/editor-components";
import { allFacts, getFactAt, type Fact, type Versions } from "../data/facts";
import { listVersions as listVersionsOf, loadDataset } from "../data/load-dataset";
import type { Source } from "../data/meta-schema";
import { formatDate } from "../data/format-value";
import { chartRows } from "../figures/render-chart";
import { citableOn, describeSource, storyDate, type Citation } from "../data/citations";
import { StoryError } from "../data/story-error";
import { closest } from "./closest";
import { findTypedNumbers } from "./typed-numbers";

type Element = Readonly<MdxJsxFlowElement | MdxJsxTextElement>;
/** A chart as a story places it: the `<Chart>` element's props, recorded while the story is checked. */
export interface ChartPlacement {
  readonly id: string;
  readonly title: string;
  readonly subtitle: string;
  readonly notes?: string;
}

/** Stands for a `<Fact>` or `<Cite>` inside a sentence's text. */
const CITED = "\u0001";
/** Words that attribute a finding to someone: such a sentence must carry its source. */
const ATTRIBUTION = /\b(?:said|says|found|reported|according to|estimated|described)\b/gi;

/** The text of an inline node, with each Fact and Cite replaced by a marker. */
function inlineText(node: unknown): string {
  const n = node as { type: string; value?: string; name?: string; children?: unknown[] };
  if (n.type === "mdxJsxTextElement" && (n.name === "Fact" || n.name === "Cite")) return CITED;
  if (typeof n.value === "string" && (n.type === "text" || n.type === "inlineCode")) return n.value;
  if (n.type === "break") return "\n";
  return (n.children ?? []).map(inlineText).join("");
}

/**
 * The first sentence of a paragraph that attributes a finding (said, says, found, reported,
 * according to, estimated, described) but holds no Fact or Cite, with its line offset. What we say
 * ourselves ("we found no…") is not an attribution.
 */
function unsourcedAttribution(text: string): { sentence: string; lineOffset: number } | undefined {
  let offset = 0;
  for (const sentence of text.split(/(?<=[.!?]["”’)]*)\s+/)) {
    const start = text.indexOf(sentence, offset);
    offset = start + sentence.length;
    if (sentence.includes(CITED)) continue;
    const attributes = [...sentence.matchAll(ATTRIBUTION)].some((m) => !/\bwe(?:\s+\w+){0,2}\s*$/i.test(sentence.slice(0, m.index)));
    if (attributes) return { sentence: sentence.replaceAll(CITED, "").trim(), lineOffset: text.slice(0, start).split("\n").length - 1 };
  }
  return undefined;
}
interface Point {
  line: number;
  column: number;
}

/**
 * Markdown-processor plugin (Sätteri, Astro 7's default) that checks a story as it is compiled,
 * in `npm run dev` and in the build. It stops at the first mistake with `file:line:column`, what is
 * wrong and how to fix it:
 * - a component that is not part of the editor surface, or a misspelt or missing prop;
 * - an unknown chart, fact or source id (listing the valid ones);
 * - a number typed by hand that equals a data value, naming the `<Fact>` to use instead;
 * - a citation of a source dated after the story (its `updated` date, else `published`);
 * - a sentence that attributes a finding (said, found, reported…) without a `<Fact>` or `<Cite>`.
 *
 * It also lists what the story cites, in order of first use (Facts, Charts and Cites), and hands
 * the list to the page as `citations` in the story's frontmatter: the footnote numbers and the
 * source list at the foot of the page come from it, so the page lists exactly what it cites.
 */
export function checkComponentsPlugin(context: PluginFactoryContext): MdastPluginDefinition {
  const path = context.fileURL ? relative(process.cwd(), fileURLToPath(context.fileURL)) : "story";
  const frontmatter = (
    context.data as {
      astro?: {
        frontmatter?: {
          data?: Versions;
          compare?: Versions;
          published?: Date | string;
          updated?: Date | string;
          citations?: Citation[];
          charts?: ChartPlacement[];
        };
      };
    }
  ).astro?.frontmatter;
  /** The charts the story places, in order, with their words: what embed pages and the bench read. */
  const charts: ChartPlacement[] = [];
  const pins = frontmatter?.data ?? {};
  const compare = frontmatter?.compare ?? {};
  /** The date the story speaks as of; drafts without a date are not checked. */
  const asOf = frontmatter?.published ? storyDate({ published: frontmatter.published, updated: frontmatter.updated }) : undefined;
  const dated = frontmatter?.updated ? `updated ${formatDate(asOf!)}` : `published ${asOf ? formatDate(asOf) : "undated"}`;
  const citations: Citation[] = [];
  /** The first sentence that attributes a finding without a source, reported once every element is checked. */
  let unsourced: { at: Point | undefined; sentence: string } | undefined;
  /**
   * Records what an element cites, keeping only sources the story could cite on its date; fails at
   * the element when none of a figure's sources is that old.
   */
  const cite = (at: Point | undefined, what: string, entries: readonly Citation[]) => {
    const citable = asOf ? entries.filter((e) => citableOn(e.source, asOf)) : entries;
    if (citable.length === 0 && entries.length > 0) {
      fail(
        at,
        `${what} cites ${entries.map((e) => describeSource(e.source)).join(" and ")}, dated after this story (${dated}). A story cites only sources dated on or before its date: to add a later one, set updated: to a date on or after the source and say what was added in updateNote:`,
      );
    }
    citations.push(...citable);
  };
  const ofFact = (fact: Fact): Citation[] => fact.sources.map((source) => ({ dataset: fact.dataset, version: fact.version, source }));
  let facts: ReturnType<typeof allFacts> | undefined;
  const getFacts = () => (facts ??= allFacts(pins));
  /** Facts of the pinned versions and of the versions compared with: no typed number may equal any of them. */
  let everyFact: ReturnType<typeof allFacts> | undefined;
  const getEveryFact = () =>
    (everyFact ??= [
      ...getFacts(),
      ...Object.entries(compare).flatMap(([dataset, version]) => allFacts({ [dataset]: version }).filter((f) => f.dataset === dataset)),
    ]);
  const fail = (at: Point | undefined, message: string): never => {
    throw new StoryError(`${path}:${at?.line ?? "?"}:${at?.column ?? "?"}: ${message}`);
  };

  const checkElement = (node: Element) => {
    const at = node.position?.start;
    const name = node.name ?? "";
    if (!name) return;
    if (/^[a-z]/.test(name)) {
      if (!(allowedHtml as readonly string[]).includes(name))
        fail(at, `<${name}> is HTML, which stories do not use; write Markdown instead (allowed HTML: ${allowedHtml.join(", ")})`);
      return;
    }
    const known = Object.keys(editorComponents) as EditorComponent[];
    if (!known.includes(name as EditorComponent)) {
      const hint = closest(name, known);
      fail(at, `unknown component <${name}>${hint ? `; did you mean <${hint}>?` : "."} The components are: ${known.map((k) => `<${k}>`).join(", ")}`);
    }
    const spec = propNames(name as EditorComponent);
    const props = new Map<string, unknown>();
    for (const attr of node.attributes) {
      if (attr.type !== "mdxJsxAttribute") fail(at, `<${name}> props must be written as name="text"; {…} expressions are not allowed in stories`);
      props.set((attr as { name: string }).name, (attr as { value: unknown }).value);
    }
    const allowed: readonly string[] = [...spec.required, ...spec.optional];
    for (const prop of props.keys()) {
      if (!allowed.includes(prop)) {
        const hint = closest(prop, allowed);
        fail(at, `<${name}> has no prop "${prop}"${hint ? `; did you mean "${hint}"?` : ""} Its props are: ${allowed.join(", ")}`);
      }
    }
    for (const prop of spec.required) {
      const value = props.get(prop);
      if (typeof value !== "string" || value.trim() === "") {
        fail(
          at,
          `<${name}> needs ${prop === "title" && name === "Chart" ? 'a title stating the chart\'s takeaway, e.g. title="Norfolk was the top destination"' : `a ${prop}="…" prop`}`,
        );
      }
    }
    const id = props.get("id") as string | undefined;
    if (name === "Chart" && !chartIds.includes(id!)) fail(at, `<Chart id="${id}">: unknown chart id "${id}". Use one of: ${chartIds.join(", ")}`);
    if (name === "Chart") {
      const chart = getChart(id!);
      if (!chart.versions && !pins[chart.dataset])
        fail(
          at,
          `<Chart id="${id}"> reads ${chart.dataset}, which the frontmatter does not pin; add it under data: (e.g. ${chart.dataset}: "${listVersionsOf(chart.dataset).at(-1)}") so the chart keeps its numbers when a new version lands`,
        );
      if (chart.versions && (pins[chart.dataset] !== chart.versions.after || compare[chart.dataset] !== chart.versions.before))
        fail(
          at,
          `<Chart id="${id}"> compares ${chart.dataset} ${chart.versions.before} with ${chart.versions.after}; pin them in the frontmatter: data: ${chart.dataset}: "${chart.versions.after}" and compare: ${chart.dataset}: "${chart.versions.before}"`,
        );
      // Each row the chart draws must have a source the story could cite on its date.
      const { rows, sourcesOf, sources, data, before } = chartRows(id!, { versions: pins });
      const entry = (source: Source): Citation => {
        const home = data.meta.sources.some((s) => s.id === source.id) ? data : before!;
        return { dataset: home.id, version: home.version, source };
      };
      for (const row of rows) {
        const own = sourcesOf(row);
        if (asOf && own.length > 0 && !own.some((s) => citableOn(s, asOf))) cite(at, `<Chart id="${id}"> (row "${row.id}")`, own.map(entry));
      }
      // In the order the figure credits them (meta.json order), as a reader meets them.
      cite(at, `<Chart id="${id}">`, sources.map(entry));
      charts.push({ id: id!, title: props.get("title") as string, subtitle: props.get("subtitle") as string, notes: props.get("notes") as string | undefined });
    }
    const version = props.get("version") as string | undefined;
    if (name === "Fact" && version !== undefined) {
      let fact: Fact | undefined;
      try {
        fact = getFactAt(id!, version, pins, compare);
      } catch (error) {
        fail(at, `<Fact id="${id}" version="${version}">: ${(error as Error).message}`);
      }
      cite(at, `<Fact id="${id}" version="${version}">`, ofFact(fact!));
    } else if (name === "Fact") {
      // Suggest only ids of the datasets the story pins: the others cannot be used without a pin.
      const ids = getFacts()
        .filter((f) => pins[f.dataset] !== undefined)
        .map((f) => f.id)
        .sort();
      if (!getFacts().some((f) => f.id === id)) {
        const hint = closest(id!, ids);
        fail(at, `<Fact id="${id}">: unknown fact id "${id}"${hint ? ` (did you mean "${hint}"?)` : ""}. Use one of: ${ids.join(", ")}`);
      }
      const fact = getFacts().find((f) => f.id === id)!;
      if (!pins[fact.dataset])
        fail(
          at,
          `<Fact id="${id}"> reads ${fact.dataset}, which the frontmatter does not pin; add it under data: (e.g. ${fact.dataset}: "${fact.version}") so the number stays the same when a new version lands`,
        );
      cite(at, `<Fact id="${id}">`, ofFact(fact));
    }
    if (name === "Cite") {
      const source = props.get("source") as string;
      // A Cite names a source declared by a dataset version the story pins (or compares with).
      const declaring = [...Object.entries(pins), ...Object.entries(compare)].map(([dataset, v]) => loadDataset(dataset, v!));
      const home = declaring.find((d) => d.meta.sources.some((s) => s.id === source));
      const ids = [...new Set(declaring.flatMap((d) => d.meta.sources.map((s) => s.id)))];
      if (!home) fail(at, `<Cite source="${source}">: unknown source id. The story's data cites: ${ids.join(", ")}`);
      cite(
        at,
        `<Cite source="${source}">`,
        home!.meta.sources.filter((s) => s.id === source).map((s) => ({ dataset: home!.id, version: home!.version, source: s })),
      );
    }
  };

  return {
    name: "check-components",
    options: { position: true },
    after() {
      if (unsourced)
        fail(
          unsourced.at,
          `this sentence says who found, said or reported something but cites no source: "${unsourced.sentence}". Add the <Cite source="…" /> of who said it, or a <Fact> from their figures (see "Attributions carry their source" in content/README.md)`,
        );
      if (frontmatter) {
        frontmatter.citations = citations;
        frontmatter.charts = charts;
      }
    },
    mdxJsxFlowElement: checkElement,
    mdxJsxTextElement: checkElement,
    paragraph(node) {
      const found = unsourcedAttribution(node.children.map(inlineText).join(""));
      const start = node.position?.start;
      // Reported after every other check (see `after`): a wrong component or a typed number is the more
      // specific mistake, and its fix (a Fact) may also source the sentence.
      if (found && !unsourced)
        unsourced = { at: start && { line: start.line + found.lineOffset, column: found.lineOffset ? 1 : start.column }, sentence: found.sentence };
    },
    text(node) {
      const [typed] = findTypedNumbers(node.value, getEveryFact());
      if (!typed) return;
      const start = node.position?.start;
      const before = node.value.slice(0, typed.offset);
      const lines = before.split("\n");
      const at = start && { line: start.line + lines.length - 1, column: (lines.length > 1 ? 1 : start.column) + lines.at(-1)!.length };
      const use = typed.factIds.map((id) => `<Fact id="${id}" />`).join(" or ");
      fail(
        at,
        `"${typed.text}" is typed by hand but it is a value in the story's data; write ${use} instead, so the number stays sourced and in step with the data`,
      );
    },
  };
}
