import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chartIds, getChart } from "../charts";
import { parsePositioned, type Position } from "../data/files/positions";
import { correctedVersions } from "../data/schema/meta-schema";
import { currentEntryPosition, readCurrentVersions } from "../data/versions/current-versions";
import { listVersions } from "../data/versions/list-versions";
import { splitFrontmatter, storyFiles } from "./story-files";

/** One thing that uses a dataset version: where it is (`file:line:column` when known) and how it uses it. */
export interface VersionUser {
  readonly where: string;
  readonly how: string;
}

const place = (file: string, at: Position | undefined) => (at ? `${file}:${at.line}:${at.column}` : file);

/**
 * Everything in the project at `root` that uses a version of a dataset, so that it is never removed
 * from under them: `data/current.json` when it is the current version, each story (drafts included)
 * that pins it under `data:` or compares with it under `compare:`, each chart that compares it, and
 * each later version that corrects it (its `-cN` successors, whose embeds link back to it). Empty
 * when nothing uses it.
 * @param root the project folder
 * @param dataset the dataset
 * @param version the version
 */
export function versionUsers(root: string, dataset: string, version: string): VersionUser[] {
  const users: VersionUser[] = [];
  if ((readCurrentVersions(root) as Record<string, string>)[dataset] === version)
    users.push({ where: place("data/current.json", currentEntryPosition(root, dataset)), how: `names it as the site's current version of ${dataset}` });
  for (const file of storyFiles(root)) {
    const { frontmatter } = splitFrontmatter(readFileSync(join(root, file), "utf8"));
    if (frontmatter === undefined) continue;
    const positioned = parsePositioned(frontmatter, 1);
    const value = positioned.value as { data?: Record<string, unknown>; compare?: Record<string, unknown> } | null;
    for (const field of ["data", "compare"] as const)
      if (value?.[field]?.[dataset] === version)
        users.push({
          where: place(file, positioned.positionOf([field, dataset])),
          how: field === "data" ? "pins it under data:" : "compares with it under compare:",
        });
  }
  for (const id of chartIds) {
    const chart = getChart(id);
    if (chart.dataset !== dataset || (chart.versions?.before !== version && chart.versions?.after !== version)) continue;
    const file = `src/charts/${id}.ts`;
    const text = existsSync(join(root, file)) ? readFileSync(join(root, file), "utf8") : "";
    const offset = text.indexOf(JSON.stringify(version));
    const lines = text.slice(0, offset).split("\n");
    users.push({ where: offset < 0 ? file : `${file}:${lines.length}:${lines.at(-1)!.length + 1}`, how: `the chart ${id} compares it` });
  }
  for (const later of listVersions(dataset, root).filter((v) => correctedVersions(v).includes(version)))
    users.push({ where: `data/${dataset}/${later}/`, how: `corrects it (a correction links back to the version it corrects)` });
  return users;
}
