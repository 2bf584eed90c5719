import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface BuildResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real production build (scripts/build.ts) into `out`, with extra environment. */
export async function buildSite(out: string, env: Record<string, string> = {}, cwd = process.cwd()): Promise<BuildResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/build.ts", "--out", out], {
      cwd,
      env: { ...hermeticEnv(), ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : 1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
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
