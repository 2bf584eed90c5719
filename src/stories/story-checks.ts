import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { MdastPluginDefinition, PluginFactoryContext } from "satteri";
import type { Citation } from "../data/citing/citations";
import { inFileOrder, StoryError } from "./story-error";
import { inlineText, unsourcedAttributions } from "./attribution";
import { checkElement, type Element } from "./check-element";
import { citationRecorder, type StoryFrontmatter } from "./story-citations";
import { findTypedNumbers } from "./typed-numbers";

/** A chart as a story places it: the `<Chart>` element's props. */
export interface ChartPlacement {
  readonly id: string;
  readonly title: string;
  readonly subtitle: string;
  readonly notes?: string;
}

/** What a story's check found besides mistakes: the charts it places and the sources it cites, in document order. */
export interface StoryReport {
  charts: ChartPlacement[];
  citations: Citation[];
}

interface Point {
  line: number;
  column: number;
}

/**
 * The story check, as a Markdown-processor plugin (Sätteri, Astro 7's default), run by
 * ./story-analysis.ts (in the build before Astro loads, and by each story page). It reads the story's frontmatter (pins and date) from the processor's data and
 * reports every mistake, one line each, with `file:line:column`, what is wrong and how to fix it (a
 * mistake in an element stops the checks of that element only):
 * - a component that is not part of the editor surface, or a misspelt or missing prop (./check-element.ts);
 * - an unknown chart, fact or source id, or a source dated after the story (./story-citations.ts);
 * - a number typed by hand that equals a data value, naming the `<Fact>` to use instead (./typed-numbers.ts);
 * - a sentence that attributes a claim (said, told, revealed, according to…) without a `<Fact>` or `<Cite>` (./attribution.ts).
 *
 * It fills `report` with the charts the story places and the sources it cites, in document order.
 */
export function storyChecks(report: StoryReport): (context: PluginFactoryContext) => MdastPluginDefinition {
  return (context) => {
    const path = context.fileURL ? relative(process.cwd(), fileURLToPath(context.fileURL)) : "story";
    const frontmatter = (context.data as { astro?: { frontmatter?: StoryFrontmatter } }).astro?.frontmatter;
    const recorder = citationRecorder(frontmatter);
    const charts: ChartPlacement[] = [];
    /** Sentences that attribute a finding without a source, reported once every element is checked. */
    const unsourced: { at: Point | undefined; sentence: string; words: string }[] = [];
    /** Every mistake found, in the order found, each as its `file:line:column: message` line. */
    const problems: string[] = [];
    const failAt =
      (at: Point | undefined) =>
      (message: string): never => {
        throw new StoryError(`${path}:${at?.line ?? "?"}:${at?.column ?? "?"}: ${message}`);
      };
    /** Runs one check; its mistake is recorded and the walk goes on to the next node. */
    const recording = (check: () => void) => {
      try {
        check();
      } catch (error) {
        if (!(error instanceof StoryError)) throw error;
        problems.push(error.message);
      }
    };

    const checkOne = (node: Element) => {
      const fail = failAt(node.position?.start);
      const checked = checkElement(node, fail);
      if (!checked) return;
      const { name, props } = checked;
      const text = (prop: string) => props.get(prop) as string | undefined;
      if (name === "Chart") {
        recorder.chart(text("id")!, fail);
        charts.push({ id: text("id")!, title: text("title")!, subtitle: text("subtitle")!, notes: text("notes") });
      } else if (name === "Fact") recorder.fact(text("id")!, text("version"), fail);
      else if (name === "Cite") recorder.source(text("source")!, text("passage"), fail);
    };
    const element = (node: Element) => recording(() => checkOne(node));

    return {
      name: "story-checks",
      options: { position: true },
      after() {
        for (const { at, sentence, words } of unsourced)
          recording(() =>
            failAt(at)(
              `this sentence says who found, said or reported something but cites no source: "${sentence}" (the word "${words}" attributes it). Add the <Cite source="…" passage="…" /> of who said it, or a <Fact> from their figures (see "Attributions carry their source" in content/README.md)`,
            ),
          );
        if (problems.length > 0) throw new StoryError(inFileOrder(problems).join("\n"));
        Object.assign(report, { charts, citations: recorder.citations });
      },
      mdxJsxFlowElement: element,
      mdxJsxTextElement: element,
      paragraph(node) {
        const start = node.position?.start;
        // Every one of them, listed with the rest once every element is checked (see `after`).
        for (const found of unsourcedAttributions(node.children.map(inlineText).join("")))
          unsourced.push({
            at: start && { line: start.line + found.lineOffset, column: found.lineOffset ? 1 : start.column },
            sentence: found.sentence,
            words: found.words,
          });
      },
      text(node) {
        for (const typed of findTypedNumbers(node.value, recorder.everyFact())) {
          const start = node.position?.start;
          const lines = node.value.slice(0, typed.offset).split("\n");
          const at = start && { line: start.line + lines.length - 1, column: (lines.length > 1 ? 1 : start.column) + lines.at(-1)!.length };
          const use = typed.factIds.map((id) => `<Fact id="${id}" />`).join(" or ");
          recording(() =>
            failAt(at)(
              `"${typed.text}" is typed by hand but it is a value in the story's data; write ${use} instead, so the number stays sourced and in step with the data`,
            ),
          );
        }
      },
    };
  };
}
