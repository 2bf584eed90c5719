/**
 * Production build, all or nothing. Every content check runs first, as `npm run proof` runs them
 * (every data checksum and row, every story's frontmatter and text), listing every problem;
 * only then is Astro loaded, and it builds into a fresh temporary folder, which replaces dist/ only if the whole build succeeded.
 * A failed build exits non-zero and leaves any previous dist/ exactly as it was.
 *
 * SITE_URL and BASE_PATH are checked before anything else (scripts/lib/site-address.ts); without
 * SITE_URL the build warns that every absolute address points at the placeholder.
 *
 * Usage: tsx scripts/build.ts [--out dist]
 */
import { existsSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { MDX_HINT } from "../src/stories/mdx-hint";
import { placeholderWarning, siteAddress, subPathNotes } from "./lib/site-address";

// Unknown options, stray arguments and a bare --out are usage errors (util.parseArgs says which).
const out = (() => {
  try {
    return resolve(parseArgs({ options: { out: { type: "string", default: "dist" } } }).values.out);
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: npm run build [-- --out <folder>]`);
    process.exit(2);
  }
})();
const temp = `${out}.tmp-${process.pid}`;
const old = `${out}.old-${process.pid}`;

function fail(message: string): never {
  rmSync(temp, { recursive: true, force: true });
  console.error(`\nBuild failed: ${message}\nNothing was published: ${existsSync(out) ? "the previous build is unchanged" : "no output was written"}.`);
  process.exit(1);
}

// Where the site will live, first: a malformed SITE_URL or BASE_PATH is one sentence, before any work.
const address = (() => {
  try {
    return siteAddress(process.env);
  } catch (error) {
    return fail((error as Error).message);
  }
})();
if (address.placeholder) console.error(placeholderWarning());

// Every content check, as `npm run proof` runs it (src/stories/proof.ts): the data, every story's
// frontmatter and text. Every problem is listed at once, and Astro is not even loaded.
// The day this build publishes as of, read once (src/stories/schedule.ts): stories dated later wait.
process.env.SOURCE_DATE_EPOCH ??= String(Math.floor(Date.now() / 1000));
try {
  const { proof } = await import("../src/stories/proof");
  const { problems, skipped, scheduled } = proof();
  for (const line of scheduled) console.log(line);
  // One problem reads as it always has: the line alone (the story text waits for the data either way).
  if (problems.length === 1) fail(problems[0]!);
  if (problems.length > 0)
    fail(`${problems.length} problems (npm run proof lists them without building):\n${problems.join("\n")}${skipped ? `\n${skipped}` : ""}`);
} catch (error) {
  fail((error as Error).message);
}

// Astro's content store caches parsed frontmatter by file digest, not by schema: after a schema
// change (a new frontmatter field) it served entries without the field. Stories are few, so a
// production build always re-reads them.
rmSync(resolve(".astro/cache/data-store.json"), { force: true });

try {
  process.env.OUT_DIR = temp;
  // A stray NODE_ENV (test runners set "test") must not turn the build into a development build.
  process.env.NODE_ENV = "production";
  // Astro is imported only now: a build that fails the data or frontmatter checks above stops in about a
  // second instead of paying several seconds to load Astro first.
  const { build } = await import("astro");
  await build({ root: process.cwd(), outDir: temp, logLevel: process.env.ASTRO_LOG_LEVEL === "silent" ? "silent" : "warn" });
} catch (error) {
  fail(editorMessage(error as Error));
}

/**
 * Our own checks raise a DataError or StoryError whose message starts with "content/…:line:column:" or
 * "data/…:line:". Bundlers wrap them in their own errors, prefixes and stack traces; an editor needs
 * only our line, so the causes are walked first and the message text searched only as a fallback.
 */
function editorMessage(error: Error): string {
  // Our own errors first, wherever a bundler wrapped them: walk the chain of causes.
  for (let e: unknown = error; e instanceof Error; e = e.cause) if (e.name === "DataError" || e.name === "StoryError") return e.message;
  const ours = /(?:^|\s)((?:content|data|src)\/[^\s:]+:\d+(?::\d+)?: .+)$/m.exec(error.message);
  if (ours) return ours[1]!;
  // MDX syntax errors arrive as "[plugin …] /abs/path/content/x.mdx:15:1\nMDXError: 15:1: Expected … (15:1) (rule)".
  const mdx = /\/((?:content)\/[^\s:]+):(\d+):(\d+)\s*\n\s*\w*Error: (?:\d+:\d+: )?(.+?)(?: \(\d+:\d+\))?(?: \([\w:-]+\))?$/m.exec(error.message);
  if (mdx) return `${mdx[1]}:${mdx[2]}:${mdx[3]}: ${mdx[4]!.replaceAll("`", "")}. ${MDX_HINT}`;
  const e = error as Error & { loc?: { file?: string; line?: number; column?: number } };
  const where = e.loc?.file ? `${e.loc.file}${e.loc.line ? `:${e.loc.line}` : ""}${e.loc.column ? `:${e.loc.column}` : ""}: ` : "";
  return `${where}${error.message}`;
}

// For npm run bench: the build process's peak memory (resident set, KiB), written where asked.
if (process.env.BUILD_STATS_FILE) writeFileSync(process.env.BUILD_STATS_FILE, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }));

if (existsSync(out)) renameSync(out, old);
renameSync(temp, out);
rmSync(old, { recursive: true, force: true });
console.log(`Built ${out}`);
if (address.base !== "/") console.log(subPathNotes(address));
