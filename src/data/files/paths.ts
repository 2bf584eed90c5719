import { relative, resolve, sep } from "node:path";

/** The project root: the folder holding `data/`. Tests pass a fixture root instead. */
export const projectRoot = process.cwd();

/** Absolute path of a file inside a dataset version folder. */
export function dataPath(root: string, ...parts: string[]): string {
  return resolve(root, "data", ...parts);
}

/** A path as shown in messages: relative to the root, forward slashes. */
export function displayPath(root: string, path: string): string {
  return relative(root, path).split(sep).join("/");
}
