/**
 * Preloaded into a build process (`node --import tsx --import tests/support/no-network.ts`) by the
 * shared root build (tests/support/shared-builds.ts), whose log the hermetic test reads: every attempt to reach the network (fetch, a TCP or Unix socket, a DNS lookup)
 * (Unix-domain IPC aside) is written to the file named by NETWORK_LOG and then fails, as it would on a machine with no network.
 * Failing is not enough to prove a build hermetic (Astro's telemetry swallows its own errors), so the
 * test reads the log: it must hold only the "loaded" line each process writes when this file runs,
 * which proves the hooks were in place.
 */
import dns from "node:dns";
import { appendFileSync } from "node:fs";
import net from "node:net";

const log = process.env.NETWORK_LOG;
if (!log) throw new Error("no-network.ts needs NETWORK_LOG: the file to record attempted requests in");
const record = (what: string) => appendFileSync(log, `${what}\n`);
record(`loaded in process ${process.pid}`);
const refused = () => Object.assign(new Error("network access is not allowed in a build"), { code: "ECONNREFUSED" });

globalThis.fetch = async (input: string | URL | Request) => {
  record(`fetch ${input instanceof Request ? input.url : String(input)}`);
  throw new TypeError("fetch failed", { cause: refused() });
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
  const target = Array.isArray(args[0]) ? args[0][0] : args[0];
  // A Unix socket is local IPC (tsx talks to its loader that way), not the network.
  if (typeof target === "object" && target !== null && "path" in target) return connect.apply(this, args as Parameters<typeof connect>);
  record(`connect ${typeof target === "object" ? JSON.stringify(target) : String(target)}${typeof args[1] === "string" ? ` ${args[1]}` : ""}`);
  process.nextTick(() => this.destroy(refused()));
  return this;
} as typeof connect;

const lookup = (hostname: string, ...rest: unknown[]) => {
  record(`dns ${hostname}`);
  const callback = rest.at(-1);
  if (typeof callback === "function") process.nextTick(() => callback(Object.assign(refused(), { code: "ENOTFOUND" })));
};
dns.lookup = lookup as typeof dns.lookup;
dns.promises.lookup = (async (hostname: string) => {
  record(`dns ${hostname}`);
  throw Object.assign(refused(), { code: "ENOTFOUND" });
}) as typeof dns.promises.lookup;
