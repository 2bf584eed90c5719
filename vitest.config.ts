/// <reference types="vitest/config" />
import { getViteConfig } from "astro/config";

/**
 * Test files that read the shared production builds (tests/support/shared-builds.ts): they run in the
 * "site" project, whose globalSetup makes the builds once per run. A run of unit tests alone
 * (`npx vitest run tests/charts`) selects no file of that project and builds nothing.
 */
const SITE_TESTS = [
  "tests/browser/**/*.test.ts",
  "tests/corpus/**/*.test.ts",
  "tests/build/{production-build,hermetic,reproducible,reuse,embed-code,structured-data,editorial,nothing-lost,sub-path}.test.ts",
];

export default getViteConfig({
  test: {
    setupFiles: ["tests/setup.ts"],
    // The shared builds (globalSetup), the corpus's and the reproducibility test's builds, the dev server
    // and the browser suite run on a 2-core machine: give them room.
    testTimeout: 20_000,
    hookTimeout: 240_000,
    // Test output such as the live-preview timings is part of the record.
    silent: false,
    // Most of the run waits on other processes (builds, Chromium, nginx, Java): two test files at a time
    // keep both cores busy (vitest's default on 2 cores is one file at a time).
    maxWorkers: 2,
    // Test files share a worker's loaded modules instead of importing Plot, d3, zod, linkedom and our
    // modules again for each file: the unit project ran in 43 s instead of 68 s. No test relies on a fresh
    // module state: none mocks a module; caches are keyed by project root and file stamps; the one test
    // that changes the working directory (tests/security/escaping.test.ts) restores it in a finally, and
    // paths.ts fixes the project root when first imported. tests/setup.ts spies on console.warn once per worker.
    isolate: false,
    // A stray .only must fail the run, locally and in CI, rather than quietly skip every other test.
    allowOnly: false,
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/**/*.test.ts"], exclude: SITE_TESTS } },
      { extends: true, test: { name: "site", include: SITE_TESTS, globalSetup: ["tests/support/shared-builds.ts"] } },
    ],
  },
});
