/**
 * `npm run data -- <command>`: the data editor's tool. No code, no test files, no sha256 by hand.
 *
 *   new <dataset> <version> [--from <version>] [--published YYYY-MM-DD]
 *       Starts a draft version folder as a copy of the latest (or --from) version.
 *   seal <dataset>/<version>
 *       Checks the draft, writes every file's sha256 into its meta.json and records the version's
 *       bytes in data/published-versions.json: the version is then published and never changes.
 *   check
 *       Every check the build makes on data and story frontmatter, with the build's own messages.
 *   diff <dataset> <a> <b>
 *       The rows whose values differ between two versions (the Data page's table of changes).
 *
 * Each command says what it did and what to do next; a mistake exits 1 with `file:line:column`.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { checkAllStories } from "../src/stories/check-frontmatter";
import { diffVersions, rowName } from "../src/data/versions/diff-versions";
import { loadAllDatasets, loadDataset } from "../src/data/versions/load-dataset";
import { listDatasets, listVersions } from "../src/data/versions/list-versions";
import { sha256 } from "../src/data/files/sha256";
import { VERSION_PATTERN } from "../src/data/schema/meta-schema";
import { dataPath, projectRoot } from "../src/data/files/paths";
import { fingerprint, isSealed, readSeals, SEALS_FILE, writeSeals } from "../src/data/files/seals";
import { checkChangesWords, checkNotesHeading, renameNotesHeading } from "../src/data/versions/draft-checks";

/** What `new` writes into `changes`; `seal` refuses a version that still says it. */
export const CHANGES_PLACEHOLDER = "TODO: say what changed since the previous version, and why, in plain words (no trend words).";

const USAGE = `Usage: npm run data -- <command>
  new <dataset> <version> [--from <version>] [--published YYYY-MM-DD]   start a draft version
  seal <dataset>/<version>                                             publish a draft (checksums, record)
  check                                                                check all data and stories
  diff <dataset> <a> <b>                                               what changed between two versions`;

class UsageError extends Error {}

/**
 * The command line: the command and its words, and `new`'s two options (`--from x` or `--from=x`).
 * An unknown option, or one without its value, is a usage mistake, in parseArgs's words.
 */
function parseCommandLine(argv: string[]) {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { from: { type: "string" }, published: { type: "string" } }, allowPositionals: true });
    const [command, ...args] = positionals;
    if (command !== "new" && Object.keys(values).length) throw new UsageError(`${command ?? "no command"}: --from and --published are options of new only`);
    return { command, args, ...values };
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError((error as Error).message);
  }
}

function readMetaJson(
  dataset: string,
  version: string,
  root: string,
): Record<string, unknown> & { files: { name: string; sha256: string }[]; changes: string; version: string; published: string } {
  return JSON.parse(readFileSync(dataPath(root, dataset, version, "meta.json"), "utf8"));
}
function writeMetaJson(dataset: string, version: string, root: string, meta: object): void {
  writeFileSync(dataPath(root, dataset, version, "meta.json"), `${JSON.stringify(meta, null, 2)}\n`);
}

/**
 * `new`: copies the latest version (or `from`) into a new draft folder, and makes its NOTES.md heading
 * name the new version. Returns the lines to print.
 */
export function newVersion(
  dataset: string,
  version: string,
  { from, published, today }: { from?: string; published?: string; today: string },
  root = projectRoot,
): string[] {
  if (!listDatasets(root).includes(dataset)) throw new UsageError(`no dataset "${dataset}"; datasets: ${listDatasets(root).join(", ")}`);
  if (!VERSION_PATTERN.test(version))
    throw new UsageError(
      `"${version}" is not a version name: use the release date, YYYY-MM-DD, or for a correction the corrected version plus -c1, -c2… (e.g. 2019-09-18-c1)`,
    );
  const versions = listVersions(dataset, root);
  if (versions.includes(version)) throw new UsageError(`data/${dataset}/${version}/ already exists`);
  const source = from ?? versions.at(-1);
  if (!source || !versions.includes(source)) throw new UsageError(`no version "${from}" of ${dataset} to start from; versions: ${versions.join(", ")}`);
  cpSync(dataPath(root, dataset, source), dataPath(root, dataset, version), { recursive: true });
  const meta = readMetaJson(dataset, version, root);
  meta.version = version;
  meta.published = published ?? today;
  meta.changes = CHANGES_PLACEHOLDER;
  writeMetaJson(dataset, version, root, meta);
  const heading = renameNotesHeading(root, dataset, source, version);
  return [
    `Created data/${dataset}/${version}/, a draft copied from ${source}. It is not published until you seal it.`,
    heading
      ? `Its NOTES.md heading now names ${version}: ${heading}`
      : `Its NOTES.md heading does not name ${source}, so it was left as it is: make it name ${version} (seal checks it).`,
    "Next:",
    `  1. Edit the CSV files and NOTES.md in data/${dataset}/${version}/ (see data/README.md).`,
    `  2. In its meta.json, replace the "changes" text: what changed since ${source}, and why.`,
    "  3. npm run data -- check        (the build's own checks; npm run dev previews the draft)",
    `  4. npm run data -- diff ${dataset} ${source} ${version}`,
    `  5. npm run data -- seal ${dataset}/${version}`,
    "  6. Pin the new version in the stories that should show it (data: in their frontmatter), with a correction note if it corrects one.",
  ];
}

/**
 * `seal`: refuses a draft whose `changes` still holds the placeholder or uses a trend word, or whose
 * NOTES.md is headed with another version; then checksums into meta.json, the full check, and the
 * record of published bytes. Returns the lines to print.
 */
export function sealVersion(target: string, root = projectRoot): string[] {
  const [dataset, version, extra] = target.split("/");
  if (!dataset || !version || extra !== undefined)
    throw new UsageError(`seal takes <dataset>/<version>, e.g. rescue-and-response/2019-09-18-c1 (got "${target}")`);
  if (!listVersions(dataset, root).includes(version)) throw new UsageError(`no folder data/${dataset}/${version}/`);
  if (isSealed(root, dataset, version))
    throw new UsageError(
      `data/${dataset}/${version}/ is already published (in data/${SEALS_FILE}); a published version never changes: start a new one with npm run data -- new ${dataset} <version>`,
    );
  const meta = readMetaJson(dataset, version, root);
  if (meta.changes.trim() === CHANGES_PLACEHOLDER)
    throw new UsageError(`data/${dataset}/${version}/meta.json: "changes" still holds the placeholder; say what changed and why before sealing`);
  // The draft's own words, before anything is written: no trend words, and notes headed with this version.
  checkChangesWords(root, dataset, version);
  checkNotesHeading(root, dataset, version);
  const updated: string[] = [];
  for (const file of meta.files) {
    const path = dataPath(root, dataset, version, file.name);
    if (!existsSync(path)) continue; // the check below names it
    const sha = sha256(readFileSync(path));
    if (sha !== file.sha256) updated.push(file.name);
    file.sha256 = sha;
  }
  writeMetaJson(dataset, version, root, meta);
  // Every check the build makes, this version included; nothing is recorded if one fails.
  loadAllDatasets(root);
  loadDataset(dataset, version, root);
  const seals = readSeals(root);
  seals[`${dataset}/${version}`] = fingerprint(root, dataset, version);
  writeSeals(root, seals);
  return [
    `Checked data/${dataset}/${version}/: every file and row is valid.`,
    updated.length ? `Wrote the sha256 of ${updated.join(", ")} into its meta.json.` : "Its meta.json checksums were already up to date.",
    `Sealed it in data/${SEALS_FILE}: the version is published, and the build now refuses any change to its files.`,
    "Next: commit the folder and data/published-versions.json together, then pin the version in the stories that should show it.",
  ];
}

/** `check`: the build's data and frontmatter checks, and the drafts still to seal. */
export function checkAll(root = projectRoot): string[] {
  const all = loadAllDatasets(root);
  checkAllStories(root);
  const drafts = all.filter((d) => !isSealed(root, d.id, d.version));
  return [
    `All ${all.length} dataset versions and every story's frontmatter pass the build's checks.`,
    ...(drafts.length
      ? [
          "Drafts, not yet published (the test suite refuses unsealed versions):",
          ...drafts.map((d) => `  ${d.id}/${d.version}: npm run data -- seal ${d.id}/${d.version}`),
        ]
      : ["Every version is sealed."]),
  ];
}

/** `diff`: the rows that differ between two versions, as on the Data page. */
export function diffLines(dataset: string, a: string, b: string, root = projectRoot): string[] {
  const diff = diffVersions(loadDataset(dataset, a, root), loadDataset(dataset, b, root));
  const count = (kind: string) => diff.changes.filter((c) => c.kind === kind).length;
  const value = (row: { value: number | null; value_high: number | null; qualifier: string } | undefined) =>
    !row
      ? "—"
      : row.value === null
        ? row.qualifier
        : `${row.value}${row.value_high !== null ? `–${row.value_high}` : ""}${row.qualifier === "exact" ? "" : ` (${row.qualifier})`}`;
  return [
    `${dataset} ${a} → ${b}: ${count("changed")} changed, ${count("added")} added, ${count("removed")} removed, ${diff.unchanged} unchanged.`,
    ...diff.changes.map((c) => {
      const name = `${c.table}/${c.id} (${rowName((c.after ?? c.before)!)})`;
      if (c.kind === "changed") return `  changed  ${name}: ${c.fields.join(", ")}; value ${value(c.before)} → ${value(c.after)}`;
      return `  ${c.kind.padEnd(7)}  ${name}: ${value(c.after ?? c.before)}`;
    }),
  ];
}

/** Runs one command line; returns the exit code. */
export function main(argv: string[], today: string, print = console.log, printError = console.error): number {
  try {
    const { command, args, from, published } = parseCommandLine(argv);
    let lines: string[];
    if (command === "new") {
      if (args.length !== 2) throw new UsageError("new takes <dataset> <version>");
      lines = newVersion(args[0]!, args[1]!, { from, published, today });
    } else if (command === "seal") {
      if (args.length !== 1) throw new UsageError("seal takes <dataset>/<version>");
      lines = sealVersion(args[0]!);
    } else if (command === "check") {
      lines = checkAll();
    } else if (command === "diff") {
      if (args.length !== 3) throw new UsageError("diff takes <dataset> <a> <b>");
      lines = diffLines(args[0]!, args[1]!, args[2]!);
    } else throw new UsageError(command ? `unknown command "${command}"` : "no command given");
    lines.forEach((line) => print(line));
    return 0;
  } catch (error) {
    printError(
      error instanceof UsageError
        ? `${error.message}\n\n${USAGE}`
        : `Problem: ${(error as Error).message}\nNothing was sealed or recorded. Fix it and run the command again.`,
    );
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2), new Date().toISOString().slice(0, 10));
