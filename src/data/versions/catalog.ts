import type { DatasetId } from "../schema/tables";

/**
 * The version of each dataset the site uses unless a story pins another in its frontmatter.
 * Bump a version here (and review the snapshot diffs) when a new version folder lands.
 */
export const catalog: Readonly<Record<DatasetId, string>> = {
  "rescue-and-response": "2020-09-30-c2",
  national: "2019-01-30-c2",
  "programme-outcomes": "2022-07-27-c2",
  "police-force-areas": "2018-04-01",
  "london-boroughs": "2018-04-01",
};
