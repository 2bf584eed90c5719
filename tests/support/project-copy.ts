import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const PARTS = ["astro.config.mjs", "tsconfig.json", "package.json", "src", "content", "data", "public", "scripts"];

/** A throwaway copy of the project (sharing node_modules) that a test may break freely. */
export function copyProject(): { root: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), "cl-project-"));
  for (const part of PARTS.filter((p) => existsSync(p))) cpSync(resolve(part), join(root, part), { recursive: true });
  symlinkSync(resolve("node_modules"), join(root, "node_modules"), "dir");
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
