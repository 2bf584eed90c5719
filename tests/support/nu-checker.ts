import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { requireTool } from "../../scripts/serve/require-tool";

/** What the W3C Nu HTML Checker made of some files: every file it read, and its errors. */
export interface NuReport {
  /** Absolute paths of the HTML files it checked. */
  checked: string[];
  /** "path:line:column: message", one per error. */
  errors: string[];
}

/**
 * Runs the W3C Nu HTML Checker (the npm package vnu-jar: the checker's own jar) with the system's
 * Java over files and folders (folders: every .html file in them). Never vnu-jar's own launcher, which
 * would download a Java runtime when none is installed.
 * @param paths Files or folders to check.
 */
export function nuCheck(paths: string[]): NuReport {
  const java = requireTool("java", "sudo apt-get install -y default-jre-headless");
  const jar = fileURLToPath(import.meta.resolve("vnu-jar/build/dist/vnu.jar"));
  // One short run: the quick JIT tier alone (C1) halves the checker's CPU time (about 5 CPU-seconds
  // for the site against 8.6); C1's frames are larger, and the checker's schema needs a deep stack.
  const run = spawnSync(
    java,
    ["-XX:TieredStopAtLevel=1", "-Xss16m", "-jar", jar, "--errors-only", "--format", "json", "--verbose", "--skip-non-html", ...paths],
    {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  // Exit 0: no errors; 1: errors reported. Anything else is the checker failing to run.
  if (run.status !== 0 && run.status !== 1) throw new Error(`vnu.jar exited ${run.status}: ${run.stderr}${run.error?.message ?? ""}`);
  const report = JSON.parse(run.stderr) as { messages: { type: string; url?: string; lastLine?: number; firstColumn?: number; message: string }[] };
  return {
    checked: run.stdout.split("\n").filter(Boolean),
    errors: report.messages
      .filter((m) => m.type !== "info")
      .map((m) => `${(m.url ?? "").replace(/^file:/, "")}:${m.lastLine ?? "?"}:${m.firstColumn ?? "?"}: ${m.message}`),
  };
}
