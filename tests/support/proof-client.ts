import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { hermeticEnv } from "./build-site";

/** What the build's content checks found (./proof-worker.ts): every problem line, as the build lists them. */
export interface ProofAnswer {
  problems: string[];
  skipped?: string;
}

/**
 * Starts ./proof-worker.ts in the project copy at `root`, with the build's environment (no test
 * runner variables; the publishing day fixed, as a build fixes it), and returns a function that runs the
 * checks on the files as they are now, and one that stops the process.
 * @param root the project copy
 * @param env extra environment
 */
export function startProofWorker(root: string, env: Record<string, string> = {}): { run: () => Promise<ProofAnswer>; stop: () => void } {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ["--import", "tsx", resolve("tests/support/proof-worker.ts")], {
    cwd: root,
    env: { ...hermeticEnv(), SOURCE_DATE_EPOCH: String(Math.floor(Date.now() / 1000)), ...env },
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    run: async () => {
      child.stdin.write("proof\n");
      const next = await lines.next();
      if (next.done) throw new Error(`the proof worker stopped: ${stderr}`);
      const answer = JSON.parse(next.value) as ProofAnswer & { error?: string };
      if (answer.error) throw new Error(`the proof worker failed: ${answer.error}`);
      return answer;
    },
    stop: () => child.kill(),
  };
}
