/**
 * `npm run data -- <command>`: the data editor's tool. No code, no test files, no sha256 by hand.
 *
 *   new <dataset> <version> [--from <version>] [--published YYYY-MM-DD]
 *       Starts a draft version folder as a copy of the latest (or --from) version.
 *   seal <dataset>/<version>
 *       Checks the draft, writes every file's sha256 into its meta.json and records the version's
 *       bytes in data/published-versions.json: the version is then published and never changes.
 *   check
 *       Every check the build makes on data and story frontmatter, with the build's own messages, and
 *       every problem seal would refuse in a draft (a placeholder, a trend word, NOTES.md's words).
 *   diff <dataset> <a> <b>
 *       The rows whose values differ between two versions (the Data page's table of changes).
 *   publish <dataset> <version>
 *       Makes a sealed version the site's current one, in data/current.json.
 *   withdraw <dataset> <version>
 *       Removes a sealed version that nothing uses yet, folder and record; refuses, naming each user.
 *
 * Each command says what it did and what to do next; a mistake exits 1 with `file:line:column`.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { checkAllStories } from "../src/stories/check-frontmatter";
import { diffVersions, rowName } from "../src/data/versions/diff-versions";
import { loadAllDatasets, loadDataset } from "../src/data/versions/load-dataset";
import { listDatasets, listVersions } from "../src/data/versions/list-versions";
import { sha256 } from "../src/data/files/sha256";
import { correctedVersions, VERSION_PATTERN } from "../src/data/schema/meta-schema";
import { dataPath, projectRoot } from "../src/data/files/paths";
import { fingerprint, isSealed, readSeals, SEALS_FILE, writeSeals } from "../src/data/files/seals";
import { CHANGES_PLACEHOLDER, draftProblems, renameNotesHeading, startNotesCorrections } from "../src/data/versions/draft-checks";
import { CURRENT_FILE, readCurrentVersions, writeCurrentVersions } from "../src/data/versions/current-versions";
import { versionUsers } from "../src/stories/version-users";

const USAGE = `Usage: npm run data -- <command>
  new <dataset> <version> [--from <version>] [--published YYYY-MM-DD]   start a draft version
  seal <dataset>/<version>                                             seal a draft: checksums and record; it never changes again
  check                                                                check all data and stories
  diff <dataset> <a> <b>                                               what changed between two versions
  publish <dataset> <version>                                          make a sealed version the site's current one
  withdraw <dataset> <version>                                         remove a sealed version that nothing uses`;

/**
 * What a failed command did, for the line after its problem: each command says what it checked and
 * what it left as it was, so an editor knows whether anything needs undoing.
 */
const AFTER_A_PROBLEM: Record<string, string> = {
  new: "new copies the folder before it edits the copy: if the new version's folder exists now, delete it, then fix the problem and run the command again.",
  seal: `The version was not sealed: data/${SEALS_FILE} is unchanged. Fix it and run the command again.`,
  check:
    "That is the first problem the build's checks found. check only reads the data and the stories: it changed no file. Fix it and run npm run data -- check again.",
  diff: "diff only reads the two versions: it changed no file. Fix it and run the command again.",
  publish: `Nothing was published: data/${CURRENT_FILE} is unchanged. Fix it and run the command again.`,
  withdraw: "Nothing was withdrawn: the version's folder and its record are as they were.",
};

class UsageError extends Error {}

/** What seal refuses in drafts' own words (draft-checks.ts), every one: main prints each on a `Problem:` line. */
class DraftProblems extends Error {
  /** How many problems it lists: the closing line says "Fix them" for more than one. */
  readonly count: number;
  constructor(problems: readonly string[]) {
    super(problems.join("\nProblem: "));
    this.count = problems.length;
  }
}

/** The closing line after a command's problems: what it left unchanged, and "Fix it" or, for several, "Fix them". */
const afterProblems = (command: string | undefined, count: number): string => {
  const line = AFTER_A_PROBLEM[command!] ?? "Fix it and run the command again.";
  return count > 1 ? line.replace("Fix it ", "Fix them ") : line;
};

/** What `check` says after the problems seal would refuse: the build's own checks passed, and nothing was written. */
const CHECK_FOUND_DRAFT_PROBLEMS = (count: number) =>
  `The build's checks pass (npm run dev previews the drafts), but seal refuses a draft while ${count > 1 ? "any of these is" : "this is"} so. check only reads the data and the stories: it changed no file. Fix ${count > 1 ? "them" : "it"} and run npm run data -- check again.`;

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
 * `new`: copies the latest version (or `from`) into a new draft folder, makes its NOTES.md heading name
 * the new version, keeps the corrections the copied version made under a heading naming that version,
 * and gives a correction its own "Corrections in this version" section to fill in. Returns the lines to
 * print.
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
  const { kept, added } = startNotesCorrections(root, dataset, source, version, meta.published);
  const keptThere = kept.map((h) => `"${h}"`).join(" and ");
  const corrected = correctedVersions(version).at(-1);
  return [
    `Created data/${dataset}/${version}/, a draft copied from ${source}. It is not published until you seal it.`,
    heading
      ? `Its NOTES.md heading now names ${version}: ${heading}`
      : `Its NOTES.md heading does not name ${source}, so it was left as it is: make it name ${version} (seal checks it).`,
    ...(added
      ? [
          `Its NOTES.md has a new "${added}" section, holding a placeholder${kept.length ? `; what ${source} corrected is kept below it, under ${keptThere}` : ""}.`,
        ]
      : kept.length
        ? [
            `Its NOTES.md keeps what ${source} corrected under ${keptThere}: a new release's notes describe its own figures, so keep that only if it still applies.`,
          ]
        : []),
    "Next:",
    `  1. Edit the CSV files and NOTES.md in data/${dataset}/${version}/ (see data/README.md).`,
    added && corrected
      ? `  2. Replace the two placeholders: in its meta.json, the "changes" text (what changed since ${source}, and why); in its NOTES.md, the TODO line under "Corrections in this version" (what was wrong in version ${corrected}, what is right, and why).`
      : `  2. In its meta.json, replace the "changes" text: what changed since ${source}, and why.`,
    "  3. npm run data -- check        (the build's own checks, and what seal would refuse; npm run dev previews the draft)",
    `  4. npm run data -- diff ${dataset} ${source} ${version}`,
    `  5. npm run data -- seal ${dataset}/${version}`,
    "  6. Pin the new version in the stories that should show it (data: in their frontmatter), with a correction note if it corrects one,",
    `     and make it the site's current version if it should be: npm run data -- publish ${dataset} ${version}`,
  ];
}

/**
 * `seal`: refuses a draft whose `changes` still holds the placeholder or uses a trend word, or whose
 * NOTES.md is headed with another version or does not say what this version corrects (draftProblems,
 * every problem at once); then checksums into meta.json, the full check, and the record of published
 * bytes. Returns the lines to print.
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
  // The draft's own words, before anything is written: a real changes text without trend words, and
  // notes headed with this version that say what it corrects.
  const problems = draftProblems(root, dataset, version);
  if (problems.length) throw new DraftProblems(problems);
  const meta = readMetaJson(dataset, version, root);
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
    `Next: commit the folder and data/${SEALS_FILE} together. Then pin the version in the stories that should show it, or make it the site's current one: npm run data -- publish ${dataset} ${version}`,
  ];
}

/**
 * `check`: the build's data and frontmatter checks (data/current.json included), then what seal would
 * refuse in each draft's own words (all of it, as DraftProblems), and the drafts still to seal. It writes nothing.
 */
export function checkAll(root = projectRoot): string[] {
  const all = loadAllDatasets(root);
  checkAllStories(root);
  const drafts = all.filter((d) => !isSealed(root, d.id, d.version));
  const problems = drafts.flatMap((d) => draftProblems(root, d.id, d.version));
  if (problems.length) throw new DraftProblems(problems);
  return [
    `All ${all.length} dataset versions, the current versions in data/${CURRENT_FILE} and every story's frontmatter pass the build's checks.`,
    ...(drafts.length
      ? [
          "Drafts, not yet published (the test suite refuses unsealed versions):",
          ...drafts.map((d) => `  ${d.id}/${d.version}: npm run data -- seal ${d.id}/${d.version}`),
        ]
      : ["Every version is sealed."]),
  ];
}

/**
 * A version named as `<dataset> <version>` or `<dataset>/<version>` (as `seal` takes it), checked to exist.
 * @param command the command, for the usage message
 * @param args the command's words
 * @param root the project folder
 */
function versionArgs(command: string, args: string[], root: string): { dataset: string; version: string } {
  const [dataset, version, extra] = args.length === 1 ? args[0]!.split("/") : args;
  if (!dataset || !version || extra !== undefined || args.length > 2)
    throw new UsageError(`${command} takes <dataset> <version>, e.g. ${command} national 2019-01-30-c2 (got "${args.join(" ")}")`);
  if (!listDatasets(root).includes(dataset)) throw new UsageError(`no dataset "${dataset}"; datasets: ${listDatasets(root).join(", ")}`);
  if (!listVersions(dataset, root).includes(version))
    throw new UsageError(`no folder data/${dataset}/${version}/; versions of ${dataset}: ${listVersions(dataset, root).join(", ")}`);
  return { dataset, version };
}

/**
 * What `publish` says to do before committing data/current.json: the two fast checks of what the new
 * current version changes (the stories' text, the charts' drawings), how to look at a changed drawing,
 * and how to keep it or go back. `npm run test:charts` runs only the chart tests, the suite's only
 * snapshots (tests/data/publish-withdraw.test.ts checks that), instead of the whole suite.
 * @param dataset the dataset published
 * @param before the version that was current, to go back to
 */
function publishNextSteps(dataset: string, before: string): string[] {
  return [
    `Next, before you commit data/${CURRENT_FILE}:`,
    "  1. npm run proof         checks every story's text against the newly current data, without building (seconds)",
    "  2. npm run test:charts   runs only the chart snapshot tests (under a minute): a chart that now draws differently fails, and its new drawing is written beside the reviewed one as tests/snapshots/<chart>-changed.svg; open the two side by side",
    `  3. If every change is right, npm run test:update rewrites those snapshots: commit them with data/${CURRENT_FILE}. If not, go back: npm run data -- publish ${dataset} ${before}`,
  ];
}

/**
 * `publish`: makes a sealed version the site's current one by writing it into data/current.json, then
 * runs the build's checks; if they fail, the file is put back as it was. Returns the lines to print.
 * @param args `<dataset> <version>` or `<dataset>/<version>`
 * @param root the project folder
 */
export function publishVersion(args: string[], root = projectRoot): string[] {
  const { dataset, version } = versionArgs("publish", args, root);
  if (!isSealed(root, dataset, version))
    throw new UsageError(
      `data/${dataset}/${version}/ is a draft: seal it first (npm run data -- seal ${dataset}/${version}); only a published version can be the site's current one`,
    );
  const current = readCurrentVersions(root) as Record<string, string>;
  const before = current[dataset]!; // readCurrentVersions refuses a file that leaves a dataset out
  if (before === version) return [`${dataset} ${version} is already the site's current version: data/${CURRENT_FILE} is unchanged.`];
  const original = readFileSync(join(root, "data", CURRENT_FILE));
  writeCurrentVersions(root, { ...current, [dataset]: version });
  try {
    loadAllDatasets(root);
    checkAllStories(root);
  } catch (error) {
    writeFileSync(join(root, "data", CURRENT_FILE), original);
    throw error;
  }
  return [
    `data/${CURRENT_FILE} now names ${version} as the site's current version of ${dataset} (it was ${before}); the build's checks pass.`,
    `The Data page marks it current, and stories that do not pin ${dataset} under data: show its figures.`,
    ...publishNextSteps(dataset, before),
  ];
}

/**
 * `withdraw`: removes a sealed version that nothing uses (no story pins or compares it, it is not
 * current, no chart compares it, no later version corrects it): its folder and its record in
 * data/published-versions.json. Refuses, naming each user, when something uses it; runs the build's
 * checks afterwards and puts everything back if they fail. Returns the lines to print.
 * @param args `<dataset> <version>` or `<dataset>/<version>`
 * @param root the project folder
 */
export function withdrawVersion(args: string[], root = projectRoot): string[] {
  const { dataset, version } = versionArgs("withdraw", args, root);
  if (!isSealed(root, dataset, version))
    throw new UsageError(`data/${dataset}/${version}/ is a draft, not published: nothing records it, so delete the folder itself if you no longer want it`);
  const users = versionUsers(root, dataset, version);
  if (users.length)
    throw new Error(
      [
        `${dataset}/${version} is in use, so it cannot be withdrawn:`,
        ...users.map((u) => `  ${u.where}: ${u.how}`),
        "Withdraw only a version nothing uses. To change what a version in use says, seal a correction instead (npm run data -- new; see data/README.md).",
      ].join("\n"),
    );
  const folder = dataPath(root, dataset, version);
  const kept = mkdtempSync(join(tmpdir(), "cl-withdrawn-"));
  cpSync(folder, kept, { recursive: true });
  const seals = readSeals(root);
  const record = seals[`${dataset}/${version}`]!;
  try {
    rmSync(folder, { recursive: true });
    delete seals[`${dataset}/${version}`];
    writeSeals(root, seals);
    loadAllDatasets(root);
    checkAllStories(root);
  } catch (error) {
    cpSync(kept, folder, { recursive: true });
    writeSeals(root, { ...seals, [`${dataset}/${version}`]: record });
    throw error;
  } finally {
    rmSync(kept, { recursive: true, force: true });
  }
  return [
    `Withdrew ${dataset}/${version}: removed data/${dataset}/${version}/ and its record in data/${SEALS_FILE}; the build's checks pass without it.`,
    `Next: commit the removal (git add -A data/${dataset} data/${SEALS_FILE}), saying why it was withdrawn.`,
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
      // The value's change, and any other field that changed (a note, a status, the sources…).
      if (c.kind === "changed") {
        const others = c.fields.filter((f) => f !== "value");
        return `  changed  ${name}: value ${value(c.before)} → ${value(c.after)}${others.length ? `; also changed: ${others.join(", ")}` : ""}`;
      }
      return `  ${c.kind.padEnd(7)}  ${name}: ${value(c.after ?? c.before)}`;
    }),
  ];
}

/**
 * Runs one command line; returns the exit code.
 * @param argv the words after `npm run data --`
 * @param today the date `new` writes into `published` unless told another
 * @param print where a result's lines go
 * @param printError where a problem goes
 * @param root the project folder
 */
export function main(argv: string[], today: string, print = console.log, printError = console.error, root = projectRoot): number {
  let command: string | undefined;
  try {
    const parsed = parseCommandLine(argv);
    command = parsed.command;
    const { args, from, published } = parsed;
    let lines: string[];
    if (command === "new") {
      if (args.length !== 2) throw new UsageError("new takes <dataset> <version>");
      lines = newVersion(args[0]!, args[1]!, { from, published, today }, root);
    } else if (command === "seal") {
      if (args.length !== 1) throw new UsageError("seal takes <dataset>/<version>");
      lines = sealVersion(args[0]!, root);
    } else if (command === "check") {
      lines = checkAll(root);
    } else if (command === "diff") {
      if (args.length !== 3) throw new UsageError("diff takes <dataset> <a> <b>");
      lines = diffLines(args[0]!, args[1]!, args[2]!, root);
    } else if (command === "publish") {
      lines = publishVersion(args, root);
    } else if (command === "withdraw") {
      lines = withdrawVersion(args, root);
    } else throw new UsageError(command ? `unknown command "${command}"` : "no command given");
    lines.forEach((line) => print(line));
    return 0;
  } catch (error) {
    printError(
      error instanceof UsageError
        ? `${error.message}\n\n${USAGE}`
        : `Problem: ${(error as Error).message}\n${error instanceof DraftProblems && command === "check" ? CHECK_FOUND_DRAFT_PROBLEMS(error.count) : afterProblems(command, error instanceof DraftProblems ? error.count : 1)}`,
    );
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2), new Date().toISOString().slice(0, 10));
