import { readFileSync, statSync } from "node:fs";
import { csvParseRows } from "d3-dsv";
import type { z } from "zod";
import { columnDescriptions } from "../schema/column-descriptions";
import { fieldTypes } from "../schema/columns";
import type { Dataset } from "../schema/dataset";
import { dataPath } from "../files/paths";
import { publication } from "./publication";
import { tableSchemas } from "../schema/tables";

/** The cell that marks a missing value in every CSV. */
const MISSING = "";

/** A Table Schema field for one CSV column, from its zod column type and its description. */
function field(name: string, column: z.ZodType, where: string) {
  const type = fieldTypes.get(column);
  const description = columnDescriptions[name];
  if (!type) throw new Error(`${where}: column "${name}" has no Table Schema type (register it with describedAs in src/data/schema/columns.ts)`);
  if (!description) throw new Error(`${where}: column "${name}" has no description in src/data/schema/column-descriptions.ts`);
  return { name, type: type.type, description, ...(type.constraints ? { constraints: type.constraints } : {}) };
}

/**
 * A dataset version as a Frictionless Data Package (v1; tabular-data-package when all its files are CSV): every file as a
 * resource with its path (beside datapackage.json), size and sha256, and every CSV with a Table
 * Schema of its columns, in the order of the file's header, from the same zod column types the build
 * checks with. Licences: each figure is restated with attribution under its source's terms, listed
 * in `sources`; the package points to meta.json for them rather than claiming a licence of its own.
 * @param d A loaded, checked dataset version.
 * @param root The project root its files are read from.
 * @param metaUrl The public URL of the version's meta.json.
 */
export function dataPackage(d: Dataset, root: string, metaUrl: string) {
  const schemas = tableSchemas[d.id] as Record<string, z.ZodObject>;
  const resources = d.meta.files.map((f) => {
    const path = dataPath(root, d.id, d.version, f.name);
    const common = { path: f.name, title: f.title, description: f.description, bytes: statSync(path).size, hash: `sha256:${f.sha256}` };
    const name = f.name.replace(/\.(csv|topo\.json)$/, "");
    if (f.name.endsWith(".topo.json"))
      return { name: `${name}-topojson`, profile: "data-resource", format: "topojson", mediatype: "application/json", encoding: "utf-8", ...common };
    const schema = schemas[name];
    if (!schema) throw new Error(`data/${d.id}/${d.version}/${f.name}: no table schema`);
    const header = csvParseRows(readFileSync(path, "utf8").replace(/^\uFEFF/, ""))[0] ?? [];
    return {
      name,
      profile: "tabular-data-resource",
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
      ...common,
      schema: {
        fields: header.map((column) => field(column, schema.shape[column] as z.ZodType, `data/${d.id}/${d.version}/${f.name}`)),
        missingValues: [MISSING],
        primaryKey: "id",
      },
    };
  });
  return {
    // A package holding boundaries (TopoJSON) is a plain data package; its CSVs are still tabular resources.
    profile: d.meta.files.every((f) => f.name.endsWith(".csv")) ? "tabular-data-package" : "data-package",
    name: d.id,
    version: d.version,
    title: d.meta.title,
    description: `${d.meta.description} Changes: ${d.meta.changes}`,
    created: `${d.meta.published}T00:00:00Z`,
    homepage: metaUrl.replace(/meta\.json$/, ""),
    contributors: [
      { title: publication.author, role: "author" },
      { title: publication.name, role: "publisher" },
    ],
    licenses: [
      { title: "Each figure is restated with attribution under its source's terms: see sources, and meta.json for each source's licence.", path: metaUrl },
    ],
    sources: d.meta.sources.map((s) => ({ title: `[${s.id}] ${s.publisher}, ${s.title} (${s.date}). ${s.licence}`, path: s.url })),
    resources,
  };
}
