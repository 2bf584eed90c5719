import { execFile } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

/** What a build reads: a copy of these is the project, as far as a build can tell. */
const PARTS = ["astro.config.mjs", "tsconfig.json", "package.json", "src", "content", "data", "public", "scripts"];

/**
 * A throwaway copy of the project, sharing node_modules, with no caches (`.astro/`, `dist/`): a cold
 * start that a test may break freely. Its folder is world-readable so that nginx's worker can serve a
 * build inside it.
 * @param prefix the temporary folder's name prefix, to tell copies apart in /tmp
 */
export function copyProject(prefix = "cl-project-"): { root: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(root, 0o755);
  for (const part of PARTS.filter((p) => existsSync(p))) cpSync(resolve(part), join(root, part), { recursive: true });
  symlinkSync(resolve("node_modules"), join(root, "node_modules"), "dir");
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** What a build command did: its exit code and everything it printed. */
export interface BuildResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real production build command (`scripts/build.ts --out OUT`) in `root`, as an editor's
 * `npm run build` would, with `env` as its whole environment. Never throws: a failed build is a result.
 * @param root the project folder to build
 * @param out where the build writes
 * @param env the build process's environment
 */
export async function runBuild(root: string, out: string, env: NodeJS.ProcessEnv): Promise<BuildResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/build.ts", "--out", out], {
      cwd: root,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : 1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}
