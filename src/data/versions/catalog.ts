import { projectRoot } from "../files/paths";
import { tableSchemas, type DatasetId } from "../schema/tables";
import { readCurrentVersions } from "./current-versions";

/**
 * The version of each dataset the site uses unless a story pins another in its frontmatter, as
 * `data/current.json` declares it (`npm run data -- publish <dataset> <version>` changes it; no code
 * does). Each entry is read when it is asked for, so a mistake in that file is reported, at its line,
 * by whatever check asks first, and a running `npm run dev` reads the file again once it changes.
 */
export const catalog: Readonly<Record<DatasetId, string>> = Object.freeze(
  Object.defineProperties(
    {},
    Object.fromEntries(
      Object.keys(tableSchemas).map((dataset) => [dataset, { enumerable: true, get: () => readCurrentVersions(projectRoot)[dataset as DatasetId] }]),
    ),
  ) as Record<DatasetId, string>,
);
