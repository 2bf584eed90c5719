import { spawnSync } from "node:child_process";

/**
 * Finds a system tool (on PATH, or in /usr/sbin where Debian puts nginx), or fails loudly with the
 * command that installs it: the browser tests and the bench never skip for want of a tool.
 */
export function requireTool(name: string, install: string): string {
  const found = spawnSync("sh", ["-c", `command -v ${name} || ls /usr/sbin/${name} 2>/dev/null`], { encoding: "utf8" })
    .stdout.trim()
    .split("\n")[0];
  if (!found) throw new Error(`${name} is not installed; the tests and the bench need it. Install it with: ${install} (.ci/run does this)`);
  return found;
}
