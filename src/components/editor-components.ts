/**
 * The editor surface: every component a story may use, with its props. The MDX check
 * (src/stories/check-components-plugin.ts) enforces this list, so a misspelt component or prop
 * stops the build with the line and a suggestion instead of rendering nothing.
 */
export const editorComponents = {
  /** A chart from src/charts, wrapped in the full figure. */
  Chart: { required: ["id", "title", "subtitle"], optional: ["notes"] },
  /** A number from data/, formatted, with its source footnote. */
  Fact: { required: ["id"], optional: ["version"] },
  /** A boxed explainer beside the story, e.g. a definition. */
  Aside: { required: ["title"], optional: [] },
  /** A short quotation from a named person, attributed. */
  PullQuote: { required: ["name"], optional: ["role", "source"] },
  /** A footnote reference to a source of the story's data, by its id (e.g. P2). */
  Cite: { required: ["source"], optional: [] },
} as const satisfies Record<string, { required: readonly string[]; optional: readonly string[] }>;

export type EditorComponent = keyof typeof editorComponents;

/** Lower-case HTML elements an editor may write directly; anything else should be Markdown. */
export const allowedHtml = ["abbr", "br", "sub", "sup"] as const;
