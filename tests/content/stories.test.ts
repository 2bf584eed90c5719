import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { chartIds } from "../../src/charts";
import { factIds, getFactAt } from "../../src/data/facts";
import { storySchema } from "../../src/stories/story-schema";
import { storyFiles } from "../../src/stories/story-files";

const stories = storyFiles();

describe.each(stories)("%s", (file) => {
  const source = readFileSync(file, "utf8");
  const [, yaml = ""] = /^---\n([\s\S]*?)\n---\n/.exec(source) ?? [];
  const result = storySchema.safeParse(parse(yaml));

  it("has valid frontmatter", () => {
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it("uses only chart ids that exist", () => {
    const used = [...source.matchAll(/<Chart\s[^>]*?id="([^"]+)"/g)].map((m) => m[1]);
    for (const id of used) expect(chartIds).toContain(id);
  });

  it("uses only fact ids that exist in its pinned data (or in the version a Fact names)", () => {
    const valid = factIds(result.data?.data ?? {});
    for (const [tag] of source.matchAll(/<Fact\s[^>]*?\/>/g)) {
      const id = /\bid="([^"]+)"/.exec(tag)![1]!;
      const version = /\bversion="([^"]+)"/.exec(tag)?.[1];
      if (version) expect(getFactAt(id, version, result.data?.data, result.data?.compare).id, tag).toBe(id);
      else expect(valid, tag).toContain(id);
    }
  });
});

it("there is at least one story, and the main story uses at least five charts", () => {
  expect(stories).toContain("content/stories/county-lines-london.mdx");
  const main = readFileSync("content/stories/county-lines-london.mdx", "utf8");
  expect(new Set([...main.matchAll(/<Chart\s[^>]*?id="([^"]+)"/g)].map((m) => m[1])).size).toBeGreaterThanOrEqual(5);
});
