import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { headersFor, parseHeadersFile } from "./headers-file";

/** Finds a system tool, or fails loudly with the install command: browser tests never skip. */
export function requireTool(name: string, install: string): string {
  const found = spawnSync("sh", ["-c", `command -v ${name} || ls /usr/sbin/${name} 2>/dev/null`], { encoding: "utf8" }).stdout.trim().split("\n")[0];
  if (!found) throw new Error(`${name} is not installed; the browser tests need it. Install it with: ${install} (.ci/run does this)`);
  return found;
}

export interface StaticServer {
  origin: string;
  stop(): void;
}

/**
 * Serves a built site with nginx (Debian's), the way a static host would: real files, real MIME
 * types, the site's 404 page, optionally under a sub-path. Not Astro's preview server.
 */
export async function startNginx(dist: string, { port, base = "/" }: { port: number; base?: string }): Promise<StaticServer> {
  const nginx = requireTool("nginx", "apt-get install -y nginx-light");
  const dir = mkdtempSync(join(tmpdir(), "cl-nginx-"));
  chmodSync(dir, 0o755); // the worker process must reach the web root inside it
  const prefix = base.replace(/\/$/, "");
  // Headers come from the site's own _headers file (what Netlify and Cloudflare Pages would apply),
  // so the suite tests the security policy that ships. Each rule becomes an nginx location.
  const rules = existsSync(join(dist, "_headers")) ? parseHeadersFile(join(dist, "_headers")) : [];
  const addHeaders = (path: string) =>
    Object.entries(headersFor(rules, path)).map(([k, v]) => `add_header ${k} "${v.replaceAll('"', '\\"')}" always;`).join(" ");
  // The site sits at `base` inside a web root, as it would on a host that serves it under a sub-path.
  const webroot = join(dir, "www");
  mkdirSync(dirname(join(webroot, prefix || "/")), { recursive: true });
  if (prefix) symlinkSync(dist, join(webroot, prefix), "dir");
  const root = prefix ? webroot : dist;
  const locations = [
    `root ${root};`,
    `location ${prefix}/ { try_files $uri $uri/ =404; ${addHeaders("/")} }`,
    ...rules.filter((r) => r.pattern !== "/*" && r.pattern.endsWith("/*")).map((r) => {
      const sub = r.pattern.slice(0, -1);
      return `location ${prefix}${sub} { try_files $uri $uri/ =404; ${addHeaders(`${sub}x`)} }`;
    }),
    `error_page 404 ${prefix}/404.html;`,
  ];
  const location = locations.join("\n    ");
  writeFileSync(
    join(dir, "nginx.conf"),
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  types { application/rss+xml xml; }
  default_type application/octet-stream;
  access_log off;
  gzip on;
  gzip_comp_level 6;
  gzip_types text/css application/javascript application/json application/xml application/rss+xml image/svg+xml text/plain text/csv;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    ${location}
  }
}
`,
  );
  const child: ChildProcess = spawn(nginx, ["-c", join(dir, "nginx.conf"), "-p", dir], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr += d));
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`${origin}${base}`);
      return { origin, stop: () => { child.kill(); rmSync(dir, { recursive: true, force: true }); } };
    } catch {
      if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  child.kill();
  throw new Error(`nginx did not start on port ${port}: ${stderr}`);
}
