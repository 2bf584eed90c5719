import type { MdxJsxFlowElement, MdxJsxTextElement } from "satteri";
import { allowedHtml, editorComponents, propNames, type EditorComponent } from "../components/editor-components";
import { closest } from "./closest";

/** An MDX element as the story checks see it. */
export type Element = Readonly<MdxJsxFlowElement | MdxJsxTextElement>;

/**
 * Checks that an element is part of the editor surface: allowed HTML, or a known component with its
 * required props set and no unknown prop. Returns the component's name and props (undefined for HTML);
 * calls `fail` with what is wrong and how to fix it.
 */
export function checkElement(node: Element, fail: (message: string) => never): { name: EditorComponent; props: Map<string, unknown> } | undefined {
  const name = node.name ?? "";
  if (!name) return undefined;
  if (/^[a-z]/.test(name)) {
    if (!(allowedHtml as readonly string[]).includes(name))
      fail(`<${name}> is HTML, which stories do not use; write Markdown instead (allowed HTML: ${allowedHtml.join(", ")})`);
    return undefined;
  }
  const known = Object.keys(editorComponents) as EditorComponent[];
  if (!known.includes(name as EditorComponent)) {
    const hint = closest(name, known);
    fail(`unknown component <${name}>${hint ? `; did you mean <${hint}>?` : "."} The components are: ${known.map((k) => `<${k}>`).join(", ")}`);
  }
  const spec = propNames(name as EditorComponent);
  const props = new Map<string, unknown>();
  for (const attr of node.attributes) {
    if (attr.type !== "mdxJsxAttribute") fail(`<${name}> props must be written as name="text"; {…} expressions are not allowed in stories`);
    props.set((attr as { name: string }).name, (attr as { value: unknown }).value);
  }
  const allowed: readonly string[] = [...spec.required, ...spec.optional];
  for (const prop of props.keys()) {
    if (!allowed.includes(prop)) {
      const hint = closest(prop, allowed);
      fail(`<${name}> has no prop "${prop}"${hint ? `; did you mean "${hint}"?` : ""} Its props are: ${allowed.join(", ")}`);
    }
  }
  for (const prop of spec.required) {
    const value = props.get(prop);
    if (typeof value !== "string" || value.trim() === "")
      fail(
        `<${name}> needs ${prop === "title" && name === "Chart" ? 'a title stating the chart\'s takeaway, e.g. title="Norfolk was the top destination"' : `a ${prop}="…" prop`}`,
      );
  }
  return { name: name as EditorComponent, props };
}
