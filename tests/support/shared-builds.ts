/**
 * vitest globalSetup of the "site" project: the production builds that the test files share, made
 * once per run from fresh copies of the project (no `.astro/` cache, no `dist/` of a developer's).
 *
 * - root: the site at the domain root, built as an editor's machine would (TZ=UTC, C.UTF-8) under the
 *   no-network hooks (tests/support/no-network.ts), with a fresh config folder, so that the hermetic
 *   test reads its network log and output instead of building again;
 * - subpath: the same commit for https://news.example.com/news/county-lines/;
 * - fixtures: the site plus the test fixtures no real page has: a corrected story, a draft, and the
 *   corpus's three valid-but-unusual data files (BOM, CRLF, quoted commas), one version each.
 *
 * Test files read them with `inject("rootBuild")` etc.; the copies are removed when the run ends.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { copyProject, type BuildResult } from "../../scripts/lib/project-copy";
import { applyCase, caseNames, readCase } from "../corpus/apply-case";
import { buildSite } from "./build-site";
import { CORRECTED_STORY, DRAFT, SCHEDULED, SCHEDULED_BUILD_DAY } from "./story-fixtures";

/** A build that test files share: where its project copy and output are, and what the command did. */
export interface SharedBuild extends BuildResult {
  /** The project copy it was built from (its data/ and content/ are what the build read). */
  root: string;
  /** The built site. */
  out: string;
  /** Every network request the build attempted (root build only; empty means none). */
  networkLog?: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    rootBuild: SharedBuild;
    subpathBuild: SharedBuild;
    fixtureBuild: SharedBuild;
  }
}

/** The machine settings of the root build; tests/build/reproducible.test.ts builds again under others. */
export const ROOT_SETTINGS = { TZ: "UTC", LANG: "C.UTF-8", LC_ALL: "C.UTF-8" };
/** The sub-path deployment every sub-path test checks. */
export const SUBPATH = { SITE_URL: "https://news.example.com", BASE_PATH: "/news/county-lines/" };

/**
 * Builds a fresh copy of the project, after `prepare` has changed it, with the environment `env`
 * gives for the copy's folder.
 */
async function shared(
  name: string,
  env: (root: string) => Record<string, string>,
  prepare?: (root: string) => void,
): Promise<SharedBuild & { remove: () => void }> {
  const project = copyProject(`cl-${name}-`);
  prepare?.(project.root);
  const out = join(project.root, "dist");
  const started = performance.now();
  const result = await buildSite(out, env(project.root), project.root);
  console.log(`[shared builds] ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s, exit ${result.code}`);
  return { ...result, root: project.root, out, remove: project.remove };
}

/** The root build's environment: every request recorded to network.log, and a config folder of its own. */
function offline(root: string): Record<string, string> {
  writeFileSync(join(root, "network.log"), "");
  mkdirSync(join(root, "config"));
  return {
    ...ROOT_SETTINGS,
    NETWORK_LOG: join(root, "network.log"),
    // A fresh config folder, so that no machine-wide `astro telemetry disable` can stand in for the project's own setting.
    XDG_CONFIG_HOME: join(root, "config"),
    NODE_OPTIONS: `--import=${resolve("tests/support/no-network.ts")}`,
  };
}

/** Adds the fixtures no real page has: a corrected story, a draft, a scheduled story and the three unusual data files. */
function addFixtures(root: string): void {
  writeFileSync(join(root, "content/stories/corrected-story.mdx"), CORRECTED_STORY);
  writeFileSync(join(root, "content/stories/draft-story.mdx"), DRAFT);
  writeFileSync(join(root, "content/stories/scheduled-story.mdx"), SCHEDULED);
  for (const name of caseNames().filter((n) => readCase(n).expect === "loads")) applyCase(root, name, readCase(name));
}

/** Makes the three shared builds at once (two cores: about 1.5 times faster than one after another). */
export default async function setup(project: TestProject): Promise<() => void> {
  const builds = await Promise.all([
    shared("root", offline).then((b) => ({ ...b, networkLog: join(b.root, "network.log") })),
    shared("subpath", () => SUBPATH),
    // Published as of a fixed day, so that the scheduled story is in the future whatever the clock says.
    shared("fixtures", () => ({ SOURCE_DATE_EPOCH: String(Date.parse(SCHEDULED_BUILD_DAY) / 1000) }), addFixtures),
  ]);
  // What test files receive: everything but the function that removes the copy (not serialisable).
  const [root, subpath, fixtures] = builds.map(({ root, out, code, stdout, stderr, networkLog }): SharedBuild => ({
    root,
    out,
    code,
    stdout,
    stderr,
    networkLog,
  }));
  project.provide("rootBuild", root!);
  project.provide("subpathBuild", subpath!);
  project.provide("fixtureBuild", fixtures!);
  return () => builds.forEach((b) => b.remove());
}
