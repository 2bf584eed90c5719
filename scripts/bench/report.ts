import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** How the bench prints and sums up its figures. */
export const KB = 1024;
/** The middle value (upper middle for an even count). */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** Every file under a folder. */
export const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
/** Bytes after gzip -9. */
export const gz = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;
/** Prints one Markdown table row. */
export const row = (...cells: (string | number)[]) => console.log(`| ${cells.join(" | ")} |`);
/** "min–max", rounded. */
export const spread = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
/** A goal's verdict, as printed. */
export const verdict = (ok: boolean) => (ok ? "met" : "MISSED");

/** Lines for the README results table: [what, result, target, verdict]. */
export type Summary = [string, string, string, string][];

/** Rewrites the README's results table (between the bench markers) from the summary lines. */
export function writeReadmeTable(summary: Summary, date: string, machine: string): void {
  const table = [
    `Measured ${date} on ${machine}, with \`npm run bench\` (full output: run it).`,
    "",
    "| measure | result | target | |",
    "|---|---|---|---|",
    ...summary.map((cells) => `| ${cells.join(" | ")} |`),
  ].join("\n");
  const readme = readFileSync("README.md", "utf8");
  const markers = /(<!-- bench:start -->\n)[\s\S]*?(\n<!-- bench:end -->)/;
  if (markers.test(readme)) {
    writeFileSync("README.md", readme.replace(markers, `$1${table}$2`));
    console.log("\nREADME.md: results table updated.");
  } else console.log("\nREADME.md has no bench markers; results table not written.");
}
