import { folderStamp } from "../data/files/file-stamp";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { mdxToJs } from "satteri";
import type { Citation } from "../data/citing/citations";
import { storyDate } from "../data/citing/citations";
import type { Versions } from "../data/rows/facts";
import { MDX_HINT } from "./mdx-hint";
import { StoryError } from "./story-error";
import { storyChecks, type ChartPlacement, type StoryReport } from "./story-checks";
import { parsePositioned } from "../data/files/positions";
import { splitFrontmatter, storyFiles } from "./story-files";
import { frontmatterProblems } from "./check-frontmatter";

/** A story as its check reads it: its pins and date, the charts it places and the sources it cites, in order. */
export interface StoryAnalysis {
  readonly file: string;
  readonly data: Versions;
  readonly compare: Versions;
  readonly draft: boolean;
  /** YYYY-MM-DD: the publication date (a later day than the build's makes it scheduled). */
  readonly published: string;
  readonly title: string;
  /** YYYY-MM-DD: the update, else the publication. */
  readonly date: string;
  readonly charts: readonly ChartPlacement[];
  /** Every source the story cites, in order of first use (Facts, Charts and Cites): its footnotes and source list. */
  readonly citations: readonly Citation[];
}

/**
 * Analyses keyed by absolute path, kept while the file's text and the data it reads (every file under
 * data/: its Facts, Charts and Cites check against them) are unchanged. The map lives on
 * globalThis because the build loads this module twice in one process: scripts/build.ts through tsx
 * (the pre-check) and Astro's bundle of the pages. Sharing it, each story is checked once per build;
 * Astro compiles it once more, only to render it.
 */
type Analyses = Map<string, { source: string; data: string; analysis: StoryAnalysis }>;
const analysed: Analyses = ((globalThis as { __storyAnalyses?: Analyses }).__storyAnalyses ??= new Map());

/**
 * A story checked and read by the story check (./story-checks.ts), an MDX plugin walking its tree
 * in document order, so nothing reads MDX with a regex. The build runs it before Astro loads; every
 * story page runs it as it renders (a cache hit in a build, a fresh check in `npm run dev`). Throws
 * the check's StoryError (file:line:column) on a mistake.
 * @param file the story's path from `root`, e.g. "content/stories/getting-out.mdx"
 * @param options `textOnly`: check the text even though the frontmatter has problems (npm run proof
 *   lists both); the frontmatter is then read as it is, and the analysis is not kept
 */
export function analyseStory(file: string, root: string = process.cwd(), { textOnly = false } = {}): StoryAnalysis {
  const path = join(root, file);
  const source = readFileSync(path, "utf8");
  const data = folderStamp(join(root, "data"));
  const cached = analysed.get(path);
  if (cached?.source === source && cached.data === data && !textOnly) return cached.analysis;
  // The frontmatter first, with the build's messages: under `astro dev` the content layer would
  // otherwise log its own message without a line, and keep serving the story as it was.
  const wrong = textOnly ? [] : frontmatterProblems(file, source);
  if (wrong.length > 0) throw new StoryError(wrong.join("\n"));
  const { frontmatter: yaml } = splitFrontmatter(source);
  // The same YAML reader as the frontmatter check (which has already passed when the build gets here).
  const frontmatter = (parsePositioned(yaml ?? "").value ?? {}) as {
    title?: string;
    published?: string;
    updated?: string;
    data?: Versions;
    compare?: Versions;
    draft?: boolean;
  };
  const report: StoryReport = { charts: [], citations: [] };
  try {
    // The whole file, frontmatter included (the processor reads it as such), so lines count from the file's top.
    mdxToJs(source, { mdastPlugins: [storyChecks(report)], fileURL: pathToFileURL(path), data: { astro: { frontmatter } } } as never);
  } catch (error) {
    throw syntaxError(file, error as Error);
  }
  const analysis: StoryAnalysis = {
    file,
    data: frontmatter.data ?? {},
    compare: frontmatter.compare ?? {},
    draft: frontmatter.draft === true,
    published: String(frontmatter.published ?? ""),
    title: String(frontmatter.title ?? ""),
    date: storyDate({ published: String(frontmatter.published ?? ""), updated: frontmatter.updated === undefined ? undefined : String(frontmatter.updated) }),
    charts: report.charts,
    citations: report.citations,
  };
  // An analysis of a story whose frontmatter was not checked is never reused.
  if (!textOnly) analysed.set(path, { source, data, analysis });
  return analysis;
}

/**
 * The processor's syntax errors ("18:1: Expected a closing tag for `<Aside>` (18:1) before the end of
 * `paragraph` (mdx-jsx:unexpected-character)") as a StoryError at the file's line and column, in plain
 * words with the fix; the story check's own errors pass through.
 */
function syntaxError(file: string, error: Error): Error {
  if (error instanceof StoryError) return error;
  const parsed = /^(\d+):(\d+): (.+?)(?: \(\d+:\d+\)[^]*| \([\w:-]+\))?$/.exec(error.message);
  if (!parsed) return error;
  return new StoryError(`${file}:${parsed[1]}:${parsed[2]}: ${parsed[3]!.replaceAll("`", "")}. ${MDX_HINT}`);
}

/** Every story under `root` (drafts and stories in subfolders too), analysed. */
export function analyseAllStories(root: string = process.cwd()): StoryAnalysis[] {
  return storyFiles(root).map((file) => analyseStory(file, root));
}
