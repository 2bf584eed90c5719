import { afterEach, expect, vi } from "vitest";

// Snapshot output must not depend on the machine's time zone.
if (process.env.TZ !== "UTC") throw new Error("Run the tests with TZ=UTC (npm test does this).");

// Plot reports problems as console warnings rather than exceptions: treat any as a failure.
const warn = vi.spyOn(console, "warn");
afterEach(() => {
  expect(warn, "console.warn was called").not.toHaveBeenCalled();
  warn.mockClear();
});
