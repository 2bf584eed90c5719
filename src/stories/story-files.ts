import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** Where stories live, relative to the project root. */
export const STORIES_DIR = "content/stories";

/**
 * Which files are stories, for Astro's content loader: every `.mdx` file under {@link STORIES_DIR},
 * in any subfolder, whose name does not start with "_" (a free way to keep notes out of the site).
 * {@link storyFiles} lists the same files for the checks, the embeds, the bench and the tests.
 */
export const STORY_PATTERN = "**/[^_]*.mdx";

/** Every story file under `root`, subfolders included, as forward-slash paths from the root, sorted. */
export function storyFiles(root: string = process.cwd()): string[] {
  const dir = join(root, STORIES_DIR);
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith(".mdx") && !d.name.startsWith("_"))
    .map((d) => relative(root, join(d.parentPath, d.name)).split(sep).join("/"))
    .sort();
}

/** A story split into its frontmatter (the YAML between the opening `---` lines) and its MDX body; undefined frontmatter when there is none. */
export function splitFrontmatter(source: string): { frontmatter: string | undefined; body: string } {
  const block = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(source);
  return { frontmatter: block?.[1], body: source.slice(block?.[0].length ?? 0) };
}

/** A story's address under /stories/: its path in {@link STORIES_DIR} without `.mdx` (`sub/x.mdx` → `sub/x`). */
export function storySlug(file: string): string {
  return file.slice(STORIES_DIR.length + 1).replace(/\.mdx$/, "");
}
