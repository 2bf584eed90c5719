import { catalog } from "./catalog";
import type { Versions } from "./facts";
import { loadDataset } from "./load-dataset";
import type { Source } from "./meta-schema";
import { projectRoot } from "./paths";
import type { DatasetId } from "./tables";

/** A source as listed at the foot of a story: numbered, with a stable anchor. */
export interface NumberedSource {
  readonly number: number;
  readonly anchor: string;
  readonly dataset: DatasetId;
  readonly version: string;
  readonly source: Source;
}

/**
 * The numbered source list of a story pinned to `versions` (and comparing with `compare`): every
 * source of every dataset version in force, in catalog then meta.json order, each compared version
 * straight after its pinned one. Facts and the story footer both call this, so a Fact's footnote
 * number always matches the list.
 */
export function storySources(versions: Versions = {}, compare: Versions = {}, root: string = projectRoot): NumberedSource[] {
  const out: NumberedSource[] = [];
  for (const { dataset, version } of storyVersions(versions, compare)) {
    for (const source of loadDataset(dataset, version, root).meta.sources) {
      out.push({ number: out.length + 1, anchor: `source-${out.length + 1}`, dataset, version, source });
    }
  }
  return out;
}

/** Every dataset version a story reads, in catalog order, each compared version after its pinned one. */
export function storyVersions(versions: Versions = {}, compare: Versions = {}): { dataset: DatasetId; version: string }[] {
  return (Object.keys(catalog) as DatasetId[]).flatMap((dataset) =>
    [versions[dataset] ?? catalog[dataset], compare[dataset]].filter((v) => v !== undefined).map((version) => ({ dataset, version })),
  );
}
