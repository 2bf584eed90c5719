import { readFileSync } from "node:fs";
import { join } from "node:path";
import { dataProblems } from "../data/versions/data-problems";
import { frontmatterProblems } from "./check-frontmatter";
import { analyseStory } from "./story-analysis";
import { StoryError } from "./story-error";
import { storyFiles } from "./story-files";

/** What `npm run proof` (and the build, before it renders anything) found: every problem, and what was checked. */
export interface Proof {
  /** Every mistake, one `file:line:column: message` line each: data first, then each story's frontmatter and text. */
  readonly problems: readonly string[];
  /** How many dataset versions and story files were read. */
  readonly versions: number;
  readonly stories: number;
  /** Said when a check could not run because an earlier one failed (story text waits for the data it reads). */
  readonly skipped?: string;
}

/**
 * Every content check the build makes, without building a page: every dataset version, every
 * story's frontmatter, and every story's text (Facts, Charts, Cites, typed numbers, attributions,
 * dates), listing every problem in the build's own words. A story's text is checked only when its
 * frontmatter and all the data are right, as it reads both.
 * @param root the project folder
 */
export function proof(root: string = process.cwd()): Proof {
  const data = dataProblems(root);
  const problems = [...data.problems];
  const files = storyFiles(root);
  const readable = files.filter((file) => {
    const found = frontmatterProblems(file, readFileSync(join(root, file), "utf8"));
    problems.push(...found);
    return found.length === 0;
  });
  if (data.problems.length > 0)
    return {
      problems,
      versions: data.versions,
      stories: files.length,
      skipped: "The stories' text was not checked: it reads the data, so fix the data first.",
    };
  for (const file of readable) {
    try {
      analyseStory(file, root);
    } catch (error) {
      if (!(error instanceof StoryError)) throw error;
      problems.push(...error.message.split("\n"));
    }
  }
  return { problems, versions: data.versions, stories: files.length };
}
