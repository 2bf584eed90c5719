import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkAllDatasets } from "../data/versions/load-dataset";
import { frontmatterProblems } from "./check-frontmatter";
import { analyseStory } from "./story-analysis";
import { inFileOrder, StoryError } from "./story-error";
import { storyFiles } from "./story-files";
import { isScheduled, publishingDay } from "./schedule";
import { formatDate } from "../data/words/format-value";

/** What `npm run proof` (and the build, before it renders anything) found: every problem, and what was checked. */
export interface Proof {
  /** Every mistake, one `file:line:column: message` line each: data first, then each story's frontmatter and text. */
  readonly problems: readonly string[];
  /** How many dataset versions and story files were read. */
  readonly versions: number;
  readonly stories: number;
  /** Said when a check could not run because an earlier one failed (story text waits for the data it reads). */
  readonly skipped?: string;
  /** Stories dated after the publishing day (./schedule.ts), which a build leaves out: a sentence each, with the date. */
  readonly scheduled: readonly string[];
}

/**
 * Every content check the build makes, without building a page: every dataset version, every
 * story's frontmatter, and every story's text (Facts, Charts, Cites, typed numbers, attributions,
 * dates), listing every problem in the build's own words, story by story in the order of its lines.
 * A story's text is checked when the data holds (it reads it), even if its frontmatter has other
 * problems, unless the frontmatter cannot be read or its pins are wrong.
 * @param root the project folder
 */
export function proof(root: string = process.cwd()): Proof {
  const data = checkAllDatasets(root);
  const problems = data.errors.map((e) => e.message);
  const files = storyFiles(root);
  const scheduled: string[] = [];
  const day = publishingDay();
  for (const file of files) {
    const found = frontmatterProblems(file, readFileSync(join(root, file), "utf8"));
    // The text is checked too, so every problem shows at once, unless it reads data that has problems,
    // or the frontmatter cannot be read, or its pins (data:, compare:) are wrong: every Fact would then
    // fail for that one reason.
    const unreadable = found.some((p) =>
      /: (?:the story must start with frontmatter|frontmatter is not valid YAML|frontmatter "(?:data|compare)\b|frontmatter has no field "[^"]*"; did you mean "(?:data|compare)")/.test(
        p,
      ),
    );
    if (data.errors.length === 0 && !unreadable) {
      try {
        const story = analyseStory(file, root, { textOnly: found.length > 0 });
        if (found.length === 0 && !story.draft && isScheduled(story.published, day))
          scheduled.push(`${file} is scheduled for ${formatDate(story.published)}: builds before that day leave it out (this one is as of ${formatDate(day)})`);
      } catch (error) {
        if (!(error instanceof StoryError)) throw error;
        found.push(...error.message.split("\n"));
      }
    }
    problems.push(...inFileOrder(found));
  }
  const skipped = data.errors.length > 0 ? "The stories' text was not checked: it reads the data, so fix the data first." : undefined;
  return { problems, versions: data.versions, stories: files.length, skipped, scheduled };
}
