/// <reference types="vitest/config" />
import { getViteConfig } from "astro/config";

export default getViteConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    setupFiles: ["tests/setup.ts"],
    // The build test runs a real production build; give it room on a 2-core machine.
    testTimeout: 20_000,
    hookTimeout: 240_000,
    // Test output such as the live-preview timings is part of the record.
    silent: false,
    // A stray .only must fail the run, locally and in CI, rather than quietly skip every other test.
    allowOnly: false,
  },
});
