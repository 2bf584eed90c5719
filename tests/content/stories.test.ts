import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { chartIds } from "../../src/charts";
import { storySchema } from "../../src/stories/story-schema";
import { parsePositioned } from "../../src/data/files/positions";
import { splitFrontmatter, storyFiles } from "../../src/stories/story-files";

const stories = storyFiles();

/** Every row id of every CSV in data/<dataset>/<version>/, read with d3-dsv rather than the site's loader. */
function rowIds(dataset: string, version: string): Set<string> {
  const folder = join("data", dataset, version);
  return new Set(
    readdirSync(folder)
      .filter((f) => f.endsWith(".csv"))
      .flatMap((f) => csvParse(readFileSync(join(folder, f), "utf8")).map((r) => r.id!)),
  );
}
/** The datasets that have a version folder of this name. */
const datasetsWith = (version: string) =>
  readdirSync("data", { withFileTypes: true }).filter((d) => d.isDirectory() && readdirSync(join("data", d.name)).includes(version));

it("finds the four published stories", () => {
  expect(stories.length).toBeGreaterThanOrEqual(4);
});

describe.each(stories)("%s", (file) => {
  const source = readFileSync(file, "utf8");
  const result = storySchema.safeParse(parsePositioned(splitFrontmatter(source).frontmatter ?? "").value);

  it("has valid frontmatter", () => {
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it("places at least one chart, and only chart ids that exist", () => {
    const used = [...source.matchAll(/<Chart\s[^>]*?id="([^"]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(0);
    for (const id of used) expect(chartIds).toContain(id);
  });

  it("uses only fact ids that are rows of its pinned data (or of the version a Fact names)", () => {
    const pinned = Object.entries(result.data?.data ?? {});
    const facts = [...source.matchAll(/<Fact\s[^>]*?\/>/g)].map(([tag]) => tag);
    expect(facts.length).toBeGreaterThan(0);
    for (const tag of facts) {
      const id = /\bid="([^"]+)"/.exec(tag)![1]!;
      const version = /\bversion="([^"]+)"/.exec(tag)?.[1];
      // A Fact names a version, or reads the story's pins. For a dataset the story does not pin, any of its
      // versions will do here: the story check itself refuses a Fact of an unpinned dataset.
      const versions = version
        ? datasetsWith(version).map((d) => [d.name, version] as const)
        : readdirSync("data", { withFileTypes: true })
            .filter((d) => d.isDirectory())
            .flatMap((d) => {
              const pin = pinned.find(([dataset]) => dataset === d.name)?.[1];
              return pin ? [[d.name, pin] as const] : readdirSync(join("data", d.name)).map((v) => [d.name, v] as const);
            });
      expect(versions.length, tag).toBeGreaterThan(0);
      expect(
        versions.some(([dataset, v]) => rowIds(dataset, v).has(id)),
        `${tag}: no row "${id}" in ${versions.map((v) => v.join("/")).join(", ")}`,
      ).toBe(true);
    }
  });
});

it("the main story uses at least five charts", () => {
  expect(stories).toContain("content/stories/county-lines-london.mdx");
  const main = readFileSync("content/stories/county-lines-london.mdx", "utf8");
  expect(new Set([...main.matchAll(/<Chart\s[^>]*?id="([^"]+)"/g)].map((m) => m[1])).size).toBeGreaterThanOrEqual(5);
});
