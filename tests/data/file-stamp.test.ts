import { readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyProject } from "../../scripts/lib/project-copy";
import { fileStamp, folderStamp } from "../../src/data/files/file-stamp";
import { readSourceRecords } from "../../src/data/citing/source-records";
import { analyseStory } from "../../src/stories/story-analysis";

/**
 * A long-lived process (`npm run dev`, the corpus's proof worker) reads an edited file again: parsed
 * files are cached by their stamps, not for the life of the process.
 */
describe("caches follow the files they read", () => {
  const project = copyProject("cl-stamps-");
  afterAll(project.remove);
  const sources = join(project.root, "data/sources.json");
  const later = (path: string) => utimesSync(path, new Date("2030-01-01T00:00:00Z"), new Date("2030-01-01T00:00:00Z"));

  it("a file's stamp, and its folder's, change when it is edited, and only then", () => {
    const [file, folder] = [fileStamp(sources), folderStamp(join(project.root, "data"))];
    expect([fileStamp(sources), folderStamp(join(project.root, "data"))]).toEqual([file, folder]);
    later(sources);
    expect(fileStamp(sources)).not.toBe(file);
    expect(folderStamp(join(project.root, "data"))).not.toBe(folder);
    expect(fileStamp(join(project.root, "data/no-such-file"))).toBe("-");
  });

  it("data/sources.json is read again after an edit (a new title shows without a restart)", () => {
    expect(readSourceRecords(project.root).get("S1")!.title).not.toContain("(edited)");
    const text = readFileSync(sources, "utf8");
    const title = readSourceRecords(project.root).get("S1")!.title;
    writeFileSync(sources, text.replace(JSON.stringify(title), JSON.stringify(`${title} (edited)`)));
    expect(readSourceRecords(project.root).get("S1")!.title).toBe(`${title} (edited)`);
  });

  it("a story is analysed again when the data it reads changes, not only when its own text does", () => {
    const story = "content/stories/getting-out.mdx";
    const first = analyseStory(story, project.root);
    expect(analyseStory(story, project.root)).toBe(first);
    later(join(project.root, "data/current.json"));
    expect(analyseStory(story, project.root)).not.toBe(first);
  });
});
