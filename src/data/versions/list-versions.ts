import { existsSync, readdirSync } from "node:fs";
import { dataPath, projectRoot } from "../files/paths";

/** The version folders of a dataset, oldest first. */
export function listVersions(dataset: string, root: string = projectRoot): string[] {
  const dir = dataPath(root, dataset);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** Every dataset folder under data/. */
export function listDatasets(root: string = projectRoot): string[] {
  return readdirSync(dataPath(root), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}
