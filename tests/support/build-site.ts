import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runBuild, type BuildResult } from "../../scripts/lib/project-copy";

export type { BuildResult };

/** Runs the real production build (scripts/build.ts) into `out`, in `cwd`, with extra environment. */
export function buildSite(out: string, env: Record<string, string> = {}, cwd = process.cwd()): Promise<BuildResult> {
  return runBuild(cwd, out, { ...hermeticEnv(), ...env });
}

/**
 * The environment without the variables vitest adds (NODE_ENV, BASE_URL, DEV, MODE, VITEST…), and
 * without any telemetry switch of the machine's: the project must turn Astro's telemetry off itself.
 */
export function hermeticEnv(): NodeJS.ProcessEnv {
  const dropped = ["NODE_ENV", "BASE_URL", "DEV", "PROD", "MODE", "SSR", "TEST", "ASTRO_TELEMETRY_DISABLED", "TELEMETRY_DISABLED"];
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !dropped.includes(k) && !k.startsWith("VITEST")));
}

/** A fresh output path; its folder is world-readable so that nginx's worker can serve it. */
export function tempOut(): string {
  const dir = mkdtempSync(join(tmpdir(), "cl-build-"));
  chmodSync(dir, 0o755);
  return join(dir, "dist");
}
