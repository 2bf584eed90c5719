import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { MdastPluginDefinition, MdastVisitorContext, MdxJsxFlowElement, MdxJsxTextElement, PluginFactoryContext } from "satteri";
import { chartIds } from "../../charts";
import { factIds, type Versions } from "../data/facts";

type Element = Readonly<MdxJsxFlowElement | MdxJsxTextElement>;

/**
 * Markdown-processor plugin (Sätteri, Astro 7's default): checks every `<Chart id>` and
 * `<Fact id>` in a story against the chart registry and the facts of the story's pinned data.
 * The build stops at the first unknown id with `file:line:column`, what is wrong, and the valid
 * ids, so an editor never has to read a stack trace.
 */
export function checkComponentsPlugin(context: PluginFactoryContext): MdastPluginDefinition {
  const path = context.fileURL ? relative(process.cwd(), fileURLToPath(context.fileURL)) : "story";
  const frontmatter = (context.data as { astro?: { frontmatter?: { data?: Versions } } }).astro?.frontmatter;
  let facts: string[] | undefined;
  const check = (node: Element, _ctx: MdastVisitorContext) => {
    if (node.name !== "Chart" && node.name !== "Fact") return;
    const where = `${path}:${node.position?.start.line ?? "?"}:${node.position?.start.column ?? "?"}`;
    const attr = node.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === "id");
    if (!attr || typeof attr.value !== "string") throw new Error(`${where}: <${node.name}> needs an id written as plain text, e.g. <${node.name} id="…" />`);
    const valid = node.name === "Chart" ? chartIds : (facts ??= factIds(frontmatter?.data ?? {}));
    if (!valid.includes(attr.value)) {
      throw new Error(`${where}: <${node.name} id="${attr.value}">: unknown ${node.name === "Chart" ? "chart" : "fact"} id "${attr.value}". Use one of: ${valid.join(", ")}`);
    }
  };
  return { name: "check-components", options: { position: true }, mdxJsxFlowElement: check, mdxJsxTextElement: check };
}
