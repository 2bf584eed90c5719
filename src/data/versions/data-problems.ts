import { checkSourceRecords } from "../citing/source-records";
import { DataError } from "../files/data-error";
import { projectRoot } from "../files/paths";
import type { Dataset } from "../schema/dataset";
import { checkReferences } from "./check-references";
import { listDatasets, listVersions } from "./list-versions";
import { loadDataset, readDataset } from "./load-dataset";

/**
 * Every mistake in `data/`, one `file:line:column: message` line each, for `npm run proof`: each
 * version's own checks (its first mistake per version), then, when every version reads, the
 * references between them, the source records and the seals. The build's {@link loadAllDatasets}
 * runs the same checks and stops at the first.
 */
export function dataProblems(root: string = projectRoot): { versions: number; problems: string[] } {
  const problems: string[] = [];
  const recorded = <T>(check: () => T): T | undefined => {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      problems.push(error.message);
      return undefined;
    }
  };
  const read = listDatasets(root).flatMap((dataset) => listVersions(dataset, root).map((version) => recorded(() => readDataset(dataset, version, root))));
  const all = read.filter((d): d is Dataset => d !== undefined);
  if (all.length === read.length) {
    const before = problems.length;
    recorded(() => checkReferences(all, root));
    recorded(() => checkSourceRecords(all, root));
    // The seals last, and only when the rest holds: a mistake is named at its line, not as a changed file.
    if (problems.length === before) for (const d of all) recorded(() => loadDataset(d.id, d.version, root));
  }
  return { versions: read.length, problems };
}
