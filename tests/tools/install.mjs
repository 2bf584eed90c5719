// `npm test`'s pretest: installs this folder's tools with `npm ci` only when its package-lock.json has
// changed since the last install (or nothing is installed), so a repeated `npm test` skips a reinstall.
// The stamp records the lockfile's sha256 inside node_modules, so a fresh clone always installs.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const stamp = join(here, "node_modules", ".installed-lockfile-sha256");
const lockfile = createHash("sha256")
  .update(readFileSync(join(here, "package-lock.json")))
  .digest("hex");

if (existsSync(stamp) && readFileSync(stamp, "utf8") === lockfile) {
  console.log("tests/tools: up to date with its package-lock.json");
} else {
  execFileSync("npm", ["ci", "--prefix", here, "--no-audit", "--no-fund", "--silent"], { stdio: "inherit" });
  writeFileSync(stamp, lockfile);
}
