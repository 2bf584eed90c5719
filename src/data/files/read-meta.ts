import { readFileSync } from "node:fs";
import { DataError } from "./data-error";
import { parsePositioned, parseWithSchema } from "./positions";
import { metaSchema, type Meta } from "../schema/meta-schema";

/**
 * A version's meta.json, read and checked against its schema: broken JSON or a field that breaks the
 * schema throws a {@link DataError} at its line and column.
 * @param path the file
 * @param shown its path as messages show it
 */
export function readMeta(path: string, shown: string): Meta {
  const text = readFileSync(path, "utf8");
  const positioned = parsePositioned(text);
  try {
    JSON.parse(text);
  } catch (error) {
    const place = positioned.syntaxError ?? /\(line (\d+) column (\d+)\)/.exec((error as Error).message);
    const line = place && ("line" in place ? place.line : Number(place[1]));
    const column = place && ("column" in place ? place.column : Number(place[2]));
    throw new DataError(shown, `not valid JSON: ${(error as Error).message}`, line ?? undefined, column ?? undefined);
  }
  const { data, problem } = parseWithSchema(metaSchema, positioned);
  if (problem) throw new DataError(shown, `${problem.where ? `${problem.where}: ` : ""}${problem.message}`, problem.position?.line, problem.position?.column);
  return data;
}
