import { afterAll, afterEach, expect, vi, type MockInstance } from "vitest";

// Snapshot output must not depend on the machine's time zone.
if (process.env.TZ !== "UTC") throw new Error("Run the tests with TZ=UTC (npm test does this).");

// Plot reports problems as console warnings rather than exceptions: treat any as a failure. Test files
// share a worker (isolate: false in vitest.config.ts), so this file runs once per test file: the spy is
// made once per worker, and checked after each test and after each file's last hook.
const warn: MockInstance = vi.isMockFunction(console.warn) ? (console.warn as unknown as MockInstance) : vi.spyOn(console, "warn");
const noWarning = (when: string) => {
  const calls = warn.mock.calls.map((args) => args.map(String).join(" "));
  warn.mockClear();
  expect(calls, `console.warn was called (${when})`).toEqual([]);
};
afterEach(() => noWarning("in the test"));
afterAll(() => noWarning("in the file's afterAll hooks"));
