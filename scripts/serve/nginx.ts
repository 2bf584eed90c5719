import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { requireTool } from "./require-tool";

/** The nginx server block that deployers copy (README, "Deploy anywhere"). */
const DEPLOY_CONFIG = resolve(import.meta.dirname, "../deploy/nginx.conf");

export interface ServeOptions {
  /** The folder the site is served from, e.g. "/news/county-lines/"; "/" at the domain root. */
  base?: string;
  /**
   * For the bench's client-side comparison pages only: drop the Content-Security-Policy lines (they
   * forbid the script those pages need) and gzip JavaScript too. The site itself is never served so.
   */
  allowScripts?: boolean;
}

/** Replaces exactly one occurrence of `find`, or fails: a change to nginx.conf must not go unnoticed. */
function replaceOnce(text: string, find: string | RegExp, to: string): string {
  const count = typeof find === "string" ? text.split(find).length - 1 : [...text.matchAll(new RegExp(find, "g"))].length;
  if (count !== 1) throw new Error(`scripts/deploy/nginx.conf: expected one "${String(find)}", found ${count}; update scripts/serve/nginx.ts with the config`);
  return text.replace(find, to);
}

/**
 * scripts/deploy/nginx.conf with the edits the README tells a deployer to make: `root` set to the web
 * root, and under a sub-path every `location` and the `error_page` target prefixed with it. Only the
 * listening address is ours (a free loopback port instead of port 80).
 */
function deployServerBlock(webroot: string, port: number, { base = "/", allowScripts = false }: ServeOptions = {}): string {
  const prefix = base.replace(/\/$/, "");
  let conf = readFileSync(DEPLOY_CONFIG, "utf8");
  conf = replaceOnce(conf, "listen 80;", `listen 127.0.0.1:${port};`);
  conf = replaceOnce(conf, "root ROOT;", `root ${webroot};`);
  if (prefix) {
    conf = replaceOnce(conf, "error_page 404 /404.html;", `error_page 404 ${prefix}/404.html;`);
    for (const location of ["/", "/embed/"]) conf = replaceOnce(conf, `location ${location} {`, `location ${prefix}${location} {`);
  }
  if (allowScripts) {
    conf = conf.replace(/^\s*add_header Content-Security-Policy .*$/gm, "");
    conf = replaceOnce(conf, /gzip_types /, "gzip_types application/javascript ");
  }
  return conf;
}

/** A main nginx.conf for an unprivileged, foreground nginx that serves one server block from `dir`. */
function mainConfig(dir: string): string {
  return `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  include ${dir}/site.conf;
}
`;
}

function writeConfig(dir: string, serverBlock: string): string {
  writeFileSync(join(dir, "site.conf"), serverBlock);
  writeFileSync(join(dir, "nginx.conf"), mainConfig(dir));
  return join(dir, "nginx.conf");
}

/** A TCP port the OS says is free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });
}

/** `nginx -t` on the deploy config (as a deployer would include it): its syntax and directives are valid. */
export function testDeployConfig(options: ServeOptions = {}): { ok: boolean; output: string } {
  const nginx = requireTool("nginx", "sudo apt-get install -y nginx-light");
  const dir = mkdtempSync(join(tmpdir(), "cl-nginx-t-"));
  try {
    const result = spawnSync(nginx, ["-t", "-c", writeConfig(dir, deployServerBlock(join(dir, "www"), 8080, options)), "-p", dir], { encoding: "utf8" });
    return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface StaticServer {
  origin: string;
  stop(): void;
}

/**
 * Serves a built site with Debian's nginx and the deploy config that ships in scripts/deploy/nginx.conf,
 * the way a static host would: real files, real MIME types, the site's headers and 404 page, optionally
 * under a sub-path. Listens on a free loopback port chosen by the OS (retried if another process takes
 * it first), so two runs on one machine never collide.
 */
export async function startNginx(dist: string, options: ServeOptions = {}): Promise<StaticServer> {
  const nginx = requireTool("nginx", "sudo apt-get install -y nginx-light");
  const base = options.base ?? "/";
  const prefix = base.replace(/\/$/, "");
  let lastError = "";
  for (let attempt = 0; attempt < 5; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), "cl-nginx-"));
    chmodSync(dir, 0o755); // the worker process must reach the web root inside it
    // The site sits at `base` inside a web root, as it would on a host that serves it under a sub-path.
    const webroot = prefix ? join(dir, "www") : dist;
    if (prefix) {
      mkdirSync(dirname(join(webroot, prefix)), { recursive: true });
      symlinkSync(dist, join(webroot, prefix), "dir");
    }
    const port = await freePort();
    const child: ChildProcess = spawn(nginx, ["-c", writeConfig(dir, deployServerBlock(webroot, port, options)), "-p", dir], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (d) => (stderr += d));
    const origin = `http://127.0.0.1:${port}`;
    const stop = () => {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    };
    for (let i = 0; i < 100 && child.exitCode === null; i++) {
      try {
        await fetch(`${origin}${base}`);
        return { origin, stop };
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    lastError = `${stderr}${readLog(dir)}`;
    stop();
    if (!/Address already in use/.test(lastError)) break;
  }
  throw new Error(`nginx did not start: ${lastError}`);
}

function readLog(dir: string): string {
  try {
    return readFileSync(join(dir, "error.log"), "utf8");
  } catch {
    return "";
  }
}
