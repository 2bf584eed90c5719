import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

const roots: string[] = [];
afterAll(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

export const HEADLINE_HEADER = "id,label,value,value_high,qualifier,unit,period,status,sources,note";

/** A valid headline table: the starting point that each invalid case changes one thing in. */
export const VALID_HEADLINE = `${HEADLINE_HEADER}
linked-total,Londoners linked to county lines,4013,,exact,people,research,secondary,S9,
counties,Counties reached,41,,exact,areas,research,primary,P2,"Mostly police force areas, not counties"
`;

interface FixtureOptions {
  dataset?: string;
  version?: string;
  /** Changes to meta.json after checksums are computed. */
  meta?: (meta: Record<string, unknown>) => void;
  /** Extra files written after meta.json, not listed in it. */
  extra?: Record<string, string>;
  /** Add the version to this existing data root instead of a new one. */
  root?: string;
}

/**
 * Writes a throwaway data root holding one dataset version: the given CSV files, a meta.json
 * with correct checksums (unless `meta` changes them) and a NOTES.md. Returns the root.
 */
export function makeDataRoot(
  files: Record<string, string | Uint8Array>,
  { dataset = "rescue-and-response", version = "2019-09-18", meta, extra = {}, root: existing }: FixtureOptions = {},
): string {
  const root = existing ?? mkdtempSync(join(tmpdir(), "cl-data-"));
  if (!existing) roots.push(root);
  const dir = join(root, "data", dataset, version);
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const json: Record<string, unknown> = {
    dataset,
    version,
    title: "Fixture",
    description: "A fixture for tests.",
    published: version,
    periods: [{ id: "research", label: "Research period", start: "2018-01-01", end: "2019-03-31" }],
    sources: [
      { id: "P2", title: "Press release", publisher: "Mayor of London", date: "2019-09-19", url: "https://www.london.gov.uk/", licence: "Attribution" },
      { id: "S9", title: "Article", publisher: "East London Advertiser", date: "2019-09", url: "https://example.org/article", licence: "Publisher copyright" },
    ],
    definitions: [{ term: "Linked", text: "Named in police intelligence." }],
    files: Object.entries(files).map(([name, content]) => ({
      name,
      title: name,
      description: "Fixture table.",
      sha256: createHash("sha256").update(content).digest("hex"),
    })),
    changes: "First version.",
  };
  meta?.(json);
  writeFileSync(join(dir, "meta.json"), JSON.stringify(json, null, 2));
  writeFileSync(join(dir, "NOTES.md"), "# Notes\n");
  for (const [name, content] of Object.entries(extra)) writeFileSync(join(dir, name), content);
  return root;
}
