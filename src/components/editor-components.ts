import { z } from "zod";

const text = z.string().trim().min(1);
/** The longest note a chart shows under its graphic, in words. */
const NOTE_WORDS = 30;
/** Words in a piece of text, as a reader counts them. */
const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * The editor surface: every component a story may use, with one zod schema of its props each. The
 * components take their TypeScript props from these schemas ({@link EditorProps}), and the MDX check
 * (src/stories/story-checks.ts) reads the required and optional props from them, so a
 * misspelt component or prop stops the build with the line and a suggestion instead of rendering nothing.
 */
export const editorComponents = {
  /** A chart from src/charts, wrapped in the full figure. */
  Chart: z
    .object({
      /** Which chart: one of the ids in src/charts/index.ts (the build lists them if you mistype). */
      id: text,
      /** The takeaway, written as a sentence: "Norfolk was the top destination". */
      title: text,
      /** What is measured, where and when: "Londoners linked to county lines, by destination, 2018-19". */
      subtitle: text,
      /**
       * One short caveat on definitions or periods, shown under the chart (at most 30 words: the figure
       * shows its title, key, this note and a one-line credit; say more in the story's text).
       */
      notes: z
        .string()
        .refine((s) => wordCount(s) <= NOTE_WORDS, {
          error: (issue) =>
            `a chart's note is at most ${NOTE_WORDS} words (this one has ${wordCount(String(issue.input))}): keep one short caveat and say the rest in the story's text`,
        })
        .optional(),
    })
    .strict(),
  /** A number from data/, formatted, with its source footnote. */
  Fact: z
    .object({
      /** Row id from data/ (see the Data page, or the error message, for the list). */
      id: text,
      /** Another data version to read the value from: one the story names under `compare:` in its frontmatter. */
      version: z.string().optional(),
    })
    .strict(),
  /** A boxed explainer beside the story, e.g. a definition. */
  Aside: z
    .object({
      /** Heading of the box, e.g. "What is a county line?". */
      title: text,
    })
    .strict(),
  /** A short quotation from a named person, attributed. */
  PullQuote: z
    .object({
      /** Who said it. Required: every quote is attributed. */
      name: text,
      /** Their role, e.g. "Mayor of London". */
      role: z.string().optional(),
      /** Where it was said, e.g. "City Hall press release, 19 September 2019". */
      source: z.string().optional(),
    })
    .strict(),
  /** A footnote reference to a source of the story's data, by its id (e.g. P2). */
  Cite: z
    .object({
      /** A source id from the story's data, e.g. "P2" (see the Sources list at the foot of the story). */
      source: text,
      /**
       * The passage(s) of that source the sentence rests on: ids from data/sources.json, space-separated,
       * e.g. "top-five". The source list quotes them, word for word. Required: the story check names the
       * passages we hold when it is missing (optional here only so that message can list them).
       */
      passage: z.string().optional(),
    })
    .strict(),
};

export type EditorComponent = keyof typeof editorComponents;

/** A component's props, as its schema defines them. */
export type EditorProps<C extends EditorComponent> = z.input<(typeof editorComponents)[C]>;

/** The names of a component's required and optional props, read from its schema. */
export function propNames(component: EditorComponent): { required: string[]; optional: string[] } {
  const shape = editorComponents[component].shape as Record<string, z.ZodType>;
  const names = Object.keys(shape);
  return { required: names.filter((n) => !shape[n]!.safeParse(undefined).success), optional: names.filter((n) => shape[n]!.safeParse(undefined).success) };
}

/** Lower-case HTML elements an editor may write directly; anything else should be Markdown. */
export const allowedHtml = ["abbr", "br", "sub", "sup"] as const;
