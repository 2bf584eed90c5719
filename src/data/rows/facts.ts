import { formatValue } from "../words/format-value";
import { catalog } from "../versions/catalog";
import type { Dataset } from "../schema/dataset";
import { loadDataset } from "../versions/load-dataset";
import type { Source } from "../schema/meta-schema";
import { projectRoot } from "../files/paths";
import type { AnyRow, DatasetId } from "../schema/tables";

/** A value that prose may state, resolved from a row of a pinned dataset version. */
export interface Fact {
  readonly id: string;
  readonly dataset: DatasetId;
  readonly version: string;
  readonly row: AnyRow;
  /** The value as written in prose, e.g. "4,013", "more than 4,000", "200–300". */
  readonly text: string;
  readonly sources: readonly Source[];
}

export type Versions = Partial<Record<DatasetId, string>>;

/** The dataset versions in force: the catalog, overridden by a story's pins. */
function pinnedDatasets(versions: Versions = {}, root: string = projectRoot): Dataset[] {
  return (Object.keys(catalog) as DatasetId[]).map((id) => loadDataset(id, versions[id] ?? catalog[id], root));
}

/** Every fact id available under these pins, sorted. */
function factIds(versions: Versions = {}, root: string = projectRoot): string[] {
  return pinnedDatasets(versions, root)
    .flatMap((d) => Object.values(d.tables).flatMap((rows) => rows.map((r) => r.id)))
    .sort();
}

/** Every fact under these pins. */
export function allFacts(versions: Versions = {}, root: string = projectRoot): Fact[] {
  return pinnedDatasets(versions, root).flatMap((data) =>
    Object.values(data.tables).flatMap((rows) =>
      rows.map((row) => ({
        id: row.id,
        dataset: data.id,
        version: data.version,
        row,
        text: formatValue(row),
        sources: data.meta.sources.filter((s) => row.sources.includes(s.id)),
      })),
    ),
  );
}

/** Resolves a fact id, or throws an error listing the valid ids. */
export function getFact(id: string, versions: Versions = {}, root: string = projectRoot): Fact {
  const fact = allFacts(versions, root).find((f) => f.id === id);
  if (fact) return fact;
  throw new Error(`unknown fact id "${id}". Valid ids: ${factIds(versions, root).join(", ")}`);
}

/**
 * Resolves a fact at a given `version` of its dataset: the story's pinned version or the one it
 * compares with (frontmatter `compare:`). Throws naming the problem when the version is not in
 * force or the id is not in it.
 */
export function getFactAt(id: string, version: string, versions: Versions = {}, compare: Versions = {}, root: string = projectRoot): Fact {
  const datasets = (Object.keys(catalog) as DatasetId[]).filter((d) => (versions[d] ?? catalog[d]) === version || compare[d] === version);
  if (datasets.length === 0)
    throw new Error(`version "${version}" is not one this story pins; add it under "compare:" in the frontmatter (e.g. rescue-and-response: "${version}")`);
  const facts = allFacts(Object.fromEntries(datasets.map((d) => [d, version])), root).filter((f) => datasets.includes(f.dataset));
  const fact = facts.find((f) => f.id === id);
  if (fact) return fact;
  throw new Error(
    `unknown fact id "${id}" in version ${version}. Valid ids: ${facts
      .map((f) => f.id)
      .sort()
      .join(", ")}`,
  );
}
