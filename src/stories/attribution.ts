/** Stands for a `<Fact>` or `<Cite>` inside a sentence's text. */
const CITED = "\u0001";
/** Words that attribute a finding to someone: such a sentence must carry its source. */
const ATTRIBUTION = /\b(?:said|says|found|reported|according to|estimated|described)\b/gi;

/** The text of an inline MDX node, with each Fact and Cite replaced by {@link CITED}. */
export function inlineText(node: unknown): string {
  const n = node as { type: string; value?: string; name?: string; children?: unknown[] };
  if (n.type === "mdxJsxTextElement" && (n.name === "Fact" || n.name === "Cite")) return CITED;
  if (typeof n.value === "string" && (n.type === "text" || n.type === "inlineCode")) return n.value;
  if (n.type === "break") return "\n";
  return (n.children ?? []).map(inlineText).join("");
}

/**
 * The first sentence of a paragraph's text that attributes a finding (said, says, found, reported,
 * according to, estimated, described) but holds no Fact or Cite, with its line offset in the
 * paragraph. What we say ourselves ("we found no…") is not an attribution.
 */
export function unsourcedAttribution(text: string): { sentence: string; lineOffset: number } | undefined {
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
