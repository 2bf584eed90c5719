import { readCurrentVersions } from "./current-versions";
import { DataError } from "../files/data-error";
import { geographies, placeColumns } from "../schema/geographies";
import type { Dataset } from "../schema/dataset";
import { placeOf } from "../files/parse-csv";
import { dataPath, displayPath } from "../files/paths";
import type { DatasetId } from "../schema/tables";

/**
 * Every place code in the figures must name a real place in the site's current geography: a
 * well-formed but unknown code (E23000099) would silently drop off the maps. Runs over all loaded
 * versions; the error names the file, line and column.
 */
export function checkReferences(datasets: readonly Dataset[], root: string): void {
  const current = readCurrentVersions(root);
  const geography = (id: DatasetId) => datasets.find((d) => d.id === id && d.version === current[id]);
  for (const place of placeColumns) {
    const ref = { ...place, codes: geographies[place.geography].codes, codeColumn: geographies[place.geography].codeColumn };
    const geo = geography(ref.geography);
    if (!geo) continue;
    const known = new Set((geo.lookups[ref.codes] ?? []).map((r) => String(r[ref.codeColumn])));
    for (const data of datasets.filter((d) => d.id === ref.dataset)) {
      for (const row of data.tables[ref.table] ?? []) {
        const code = String(row[ref.column]);
        if (known.has(code)) continue;
        const { line, column } = placeOf(row, ref.column);
        throw new DataError(
          displayPath(root, dataPath(root, data.id, data.version, `${ref.table}.csv`)),
          `unknown code "${code}": it is not in ${ref.geography} ${geo.version} (${ref.codes}.csv), so the place cannot be drawn or named`,
          line,
          column,
          ref.column,
        );
      }
    }
  }
}
