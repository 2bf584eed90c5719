import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { MdastPluginDefinition, MdxJsxFlowElement, MdxJsxTextElement, PluginFactoryContext } from "satteri";
import { chartIds, getChart } from "../../charts";
import { allowedHtml, editorComponents, type EditorComponent } from "../../components/editor-components";
import { allFacts, getFactAt, type Versions } from "../data/facts";
import { listVersions as listVersionsOf } from "../data/load-dataset";
import { storySources } from "../data/story-sources";
import { closest } from "./closest";
import { findTypedNumbers } from "./typed-numbers";

type Element = Readonly<MdxJsxFlowElement | MdxJsxTextElement>;
interface Point { line: number; column: number }

/** An editor's mistake in a story, with the place to fix it. */
export class StoryError extends Error {
  override name = "StoryError";
}

/**
 * Markdown-processor plugin (Sätteri, Astro 7's default) that checks a story as it is compiled,
 * in `npm run dev` and in the build. It stops at the first mistake with `file:line:column`, what is
 * wrong and how to fix it:
 * - a component that is not part of the editor surface, or a misspelt or missing prop;
 * - an unknown chart, fact or source id (listing the valid ones);
 * - a number typed by hand that equals a data value, naming the `<Fact>` to use instead.
 */
export function checkComponentsPlugin(context: PluginFactoryContext): MdastPluginDefinition {
  const path = context.fileURL ? relative(process.cwd(), fileURLToPath(context.fileURL)) : "story";
  const frontmatter = (context.data as { astro?: { frontmatter?: { data?: Versions; compare?: Versions } } }).astro?.frontmatter;
  const pins = frontmatter?.data ?? {};
  const compare = frontmatter?.compare ?? {};
  let facts: ReturnType<typeof allFacts> | undefined;
  const getFacts = () => (facts ??= allFacts(pins));
  /** Facts of the pinned versions and of the versions compared with: no typed number may equal any of them. */
  let everyFact: ReturnType<typeof allFacts> | undefined;
  const getEveryFact = () =>
    (everyFact ??= [...getFacts(), ...Object.entries(compare).flatMap(([dataset, version]) => allFacts({ [dataset]: version }).filter((f) => f.dataset === dataset))]);
  const fail = (at: Point | undefined, message: string): never => {
    throw new StoryError(`${path}:${at?.line ?? "?"}:${at?.column ?? "?"}: ${message}`);
  };

  const checkElement = (node: Element) => {
    const at = node.position?.start;
    const name = node.name ?? "";
    if (!name) return;
    if (/^[a-z]/.test(name)) {
      if (!(allowedHtml as readonly string[]).includes(name)) fail(at, `<${name}> is HTML, which stories do not use; write Markdown instead (allowed HTML: ${allowedHtml.join(", ")})`);
      return;
    }
    const known = Object.keys(editorComponents) as EditorComponent[];
    if (!known.includes(name as EditorComponent)) {
      const hint = closest(name, known);
      fail(at, `unknown component <${name}>${hint ? `; did you mean <${hint}>?` : "."} The components are: ${known.map((k) => `<${k}>`).join(", ")}`);
    }
    const spec = editorComponents[name as EditorComponent];
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
        fail(at, `<${name}> needs ${prop === "title" && name === "Chart" ? 'a title stating the chart\'s takeaway, e.g. title="Norfolk was the top destination"' : `a ${prop}="…" prop`}`);
      }
    }
    const id = props.get("id") as string | undefined;
    if (name === "Chart" && !chartIds.includes(id!)) fail(at, `<Chart id="${id}">: unknown chart id "${id}". Use one of: ${chartIds.join(", ")}`);
    if (name === "Chart") {
      const chart = getChart(id!);
      if (!chart.versions && !pins[chart.dataset]) fail(at, `<Chart id="${id}"> reads ${chart.dataset}, which the frontmatter does not pin; add it under data: (e.g. ${chart.dataset}: "${listVersionsOf(chart.dataset).at(-1)}") so the chart keeps its numbers when a new version lands`);
      if (chart.versions && (pins[chart.dataset] !== chart.versions.after || compare[chart.dataset] !== chart.versions.before)) fail(at, `<Chart id="${id}"> compares ${chart.dataset} ${chart.versions.before} with ${chart.versions.after}; pin them in the frontmatter: data: ${chart.dataset}: "${chart.versions.after}" and compare: ${chart.dataset}: "${chart.versions.before}"`);
    }
    const version = props.get("version") as string | undefined;
    if (name === "Fact" && version !== undefined) {
      try {
        getFactAt(id!, version, pins, compare);
      } catch (error) {
        fail(at, `<Fact id="${id}" version="${version}">: ${(error as Error).message}`);
      }
    } else if (name === "Fact") {
      // Suggest only ids of the datasets the story pins: the others cannot be used without a pin.
      const ids = getFacts().filter((f) => pins[f.dataset] !== undefined).map((f) => f.id).sort();
      if (!getFacts().some((f) => f.id === id)) {
        const hint = closest(id!, ids);
        fail(at, `<Fact id="${id}">: unknown fact id "${id}"${hint ? ` (did you mean "${hint}"?)` : ""}. Use one of: ${ids.join(", ")}`);
      }
      const fact = getFacts().find((f) => f.id === id)!;
      if (!pins[fact.dataset]) fail(at, `<Fact id="${id}"> reads ${fact.dataset}, which the frontmatter does not pin; add it under data: (e.g. ${fact.dataset}: "${fact.version}") so the number stays the same when a new version lands`);
    }
    if (name === "Cite") {
      const source = props.get("source") as string;
      const sources = [...new Set(storySources(pins, compare).map((s) => s.source.id))];
      if (!sources.includes(source)) fail(at, `<Cite source="${source}">: unknown source id. The story's data cites: ${sources.join(", ")}`);
    }
  };

  return {
    name: "check-components",
    options: { position: true },
    mdxJsxFlowElement: checkElement,
    mdxJsxTextElement: checkElement,
    text(node) {
      const [typed] = findTypedNumbers(node.value, getEveryFact());
      if (!typed) return;
      const start = node.position?.start;
      const before = node.value.slice(0, typed.offset);
      const lines = before.split("\n");
      const at = start && { line: start.line + lines.length - 1, column: (lines.length > 1 ? 1 : start.column) + lines.at(-1)!.length };
      const use = typed.factIds.map((id) => `<Fact id="${id}" />`).join(" or ");
      fail(at, `"${typed.text}" is typed by hand but it is a value in the story's data; write ${use} instead, so the number stays sourced and in step with the data`);
    },
  };
}
