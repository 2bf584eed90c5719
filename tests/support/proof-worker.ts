/**
 * The build's content checks (src/stories/proof.ts, which scripts/build.ts runs before anything else)
 * in one long-lived process, for the corpus: started in a copy of the project, it imports that copy's
 * proof once, then answers each line on stdin with one JSON line on stdout, `{ problems, skipped }`
 * (or `{ error }`), from the files as they are at that moment. Parsed data, source records and story
 * analyses are cached until their files change (src/data/files/file-stamp.ts), as under `npm run dev`,
 * so each answer costs the checks, not the 2 to 3 s of starting a process and loading its modules.
 *
 * Usage: node --import tsx tests/support/proof-worker.ts, with the project copy as working directory.
 */
import { createInterface } from "node:readline";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Proof } from "../../src/stories/proof";

const { proof } = (await import(pathToFileURL(join(process.cwd(), "src/stories/proof.ts")).href)) as { proof: (root?: string) => Proof };

for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  try {
    const { problems, skipped } = proof();
    process.stdout.write(`${JSON.stringify({ problems, skipped })}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ error: (error as Error).stack ?? String(error) })}\n`);
  }
}
