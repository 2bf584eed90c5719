import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { chartIds } from "../../src/charts";
import { propNames } from "../../src/components/editor-components";
import { storySchema } from "../../src/stories/story-schema";
import { proof } from "../../src/stories/proof";
import { copyProject } from "../../scripts/lib/project-copy";
import { newStory } from "../../scripts/new-story";
import { GUIDE, guideWithChartList } from "../../scripts/write-guide";

describe("the editor guide's chart list", () => {
  it("is the chart registry's, as npm run guide writes it", () => {
    const guide = readFileSync(GUIDE, "utf8");
    expect(guide, "content/README.md's chart list differs from src/charts: run npm run guide").toBe(guideWithChartList(guide));
    for (const id of chartIds) expect(guide).toContain(`| \`${id}\` |`);
  });
});

describe("npm run new-story", () => {
  const project = copyProject("cl-new-story-");
  afterAll(project.remove);

  it("writes a draft with every frontmatter field and one example of each component, which proof passes", () => {
    expect(newStory("how-lines-recruit", "2026-12-02", project.root)).toEqual([
      "Wrote content/stories/how-lines-recruit.mdx, a draft with every frontmatter field and one example of each component.",
      'Preview it with npm run dev at /stories/how-lines-recruit/, check it with npm run proof, and remove "draft: true" when it is ready.',
    ]);
    const text = readFileSync(join(project.root, "content/stories/how-lines-recruit.mdx"), "utf8");
    const frontmatter = text.split("---")[1]!;
    // Every field, set or as a commented line showing how to set it.
    for (const field of Object.keys(storySchema.shape)) expect(frontmatter, field).toMatch(new RegExp(`^#? ?${field}:`, "m"));
    expect(frontmatter).toMatch(/^published: 2026-12-02$/m);
    expect(frontmatter).toMatch(/^draft: true /m);
    for (const component of ["Fact", "Chart", "Cite", "Aside", "PullQuote"] as const) {
      expect(propNames(component).required.length, component).toBeGreaterThan(0);
      expect(text.match(new RegExp(`<${component}\\b`, "g")), component).toHaveLength(1);
    }
    const { problems, stories } = proof(project.root);
    expect(problems).toEqual([]);
    expect(stories).toBe(5);
  });

  it("refuses a name that cannot be an address, and a story that exists", () => {
    expect(() => newStory("How Lines Recruit", "2026-12-02", project.root)).toThrow(
      '"How Lines Recruit" cannot be a story\'s address: use lower-case words joined by hyphens, e.g. npm run new-story -- how-lines-recruit',
    );
    expect(() => newStory("getting-out", "2026-12-02", project.root)).toThrow(
      "content/stories/getting-out.mdx already exists: choose another name, or edit that story",
    );
  });
});
