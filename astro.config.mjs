// @ts-check
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import { satteri } from "@astrojs/markdown-satteri";
import { paletteCss } from "./src/render/palette.ts";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { withExactPolicy } from "./src/render/content-security-policy.ts";
import { headersFile } from "./src/render/response-headers.ts";
import { siteAddress } from "./scripts/lib/site-address.ts";

// No telemetry from any build, preview or check, wherever it runs (a host's build, CI, a laptop): Astro
// posts anonymous usage data after loading this file unless this variable is set. The npm scripts also
// set it on the command line, because `astro dev` and `astro preview` print their telemetry notice before
// they read this file.
process.env.ASTRO_TELEMETRY_DISABLED = "1";

/**
 * In `npm run dev`, data files are read with fs, outside Vite's module graph: watch data/ and
 * reload the page when a file there changes (the loader re-reads files whose mtime changed).
 * @returns {import("vite").Plugin}
 */
function reloadOnDataChange() {
  return {
    name: "reload-on-data-change",
    configureServer(server) {
      const data = fileURLToPath(new URL("./data/", import.meta.url));
      server.watcher.add(data);
      const reload = (/** @type {string} */ file) => {
        if (file.startsWith(data)) server.ws.send({ type: "full-reload", path: "*" });
      };
      server.watcher.on("change", reload);
      server.watcher.on("add", reload);
    },
  };
}

/**
 * The site's colours are declared once, in src/render/palette.ts; this serves them as the stylesheet
 * `virtual:palette.css` (imported by BaseLayout), inlined with base.css into every page.
 * @returns {import("vite").Plugin}
 */
function paletteStylesheet() {
  const id = "virtual:palette.css";
  return {
    name: "palette-stylesheet",
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: (resolved) => (resolved === `\0${id}` ? paletteCss() : undefined),
  };
}

/**
 * Astro's MDX integration marks each story module with its own "use astro:head-inject" directive,
 * which Astro reads itself; Rolldown then warns that it may drop that directive when bundling
 * (withastro/astro#18087, open, no fix released in 7.3.5). Only that exact warning is silenced, so a
 * clean build prints none and any other warning still shows.
 * @template {{ code?: string; message: string }} Log
 * @param {"info" | "warn" | "debug"} level
 * @param {Log} log
 * @param {(level: "info" | "warn" | "debug", log: Log) => void} handler
 */
function quietHeadInjectDirective(level, log, handler) {
  if (log.code === "MODULE_LEVEL_DIRECTIVE" && log.message.includes('"use astro:head-inject"')) return;
  handler(level, log);
}

/**
 * Build-time constants decided by the Astro command and config, never by environment variables
 * read at render time (a test runner's DEV, NODE_ENV and BASE_URL variables leaked into builds,
 * publishing drafts and dropping the base path):
 * - __SHOW_DRAFTS__: drafts show in `astro dev` only;
 * - __BASE_PATH__: the configured base, always ending in "/".
 * @returns {import("astro").AstroIntegration}
 */
function siteConstants() {
  return {
    name: "site-constants",
    hooks: {
      "astro:config:setup": ({ command, config, updateConfig }) => {
        const base = config.base.endsWith("/") ? config.base : `${config.base}/`;
        updateConfig({ vite: { define: { __SHOW_DRAFTS__: JSON.stringify(command === "dev"), __BASE_PATH__: JSON.stringify(base) } } });
      },
    },
  };
}

/**
 * Astro's security.csp writes each page's policy meta tag with every hash the site might use; once
 * the pages are written, each tag is narrowed to that page's own styles and no script
 * (src/render/content-security-policy.ts). A page without a tag, or with a style Astro did not hash,
 * fails the build.
 * @returns {import("astro").AstroIntegration}
 */
function exactPolicies() {
  return {
    name: "exact-policies",
    hooks: {
      "astro:build:done": ({ dir }) => {
        const root = fileURLToPath(dir);
        for (const file of readdirSync(root, { recursive: true, encoding: "utf8" })) {
          if (!file.endsWith(".html")) continue;
          const path = join(root, file);
          writeFileSync(path, withExactPolicy(readFileSync(path, "utf8"), file));
        }
      },
    },
  };
}

/**
 * Writes `_headers` (read by Netlify and Cloudflare Pages at the root of what they serve) from the one
 * declaration of the site's response headers, src/render/response-headers.ts. Its paths are the built
 * folder's own, without BASE_PATH: the file takes effect only where the folder is served at a host's root
 * (for a sub-path, a site of its own that the main site proxies); the README says what a larger site's
 * root `_headers` needs when the folder is copied into it instead.
 * @returns {import("astro").AstroIntegration}
 */
function hostHeaders() {
  return {
    name: "host-headers",
    hooks: { "astro:build:done": ({ dir }) => writeFileSync(join(fileURLToPath(dir), "_headers"), headersFile("/")) },
  };
}

/**
 * SITE_URL (or Netlify's URL) and BASE_PATH, checked: a malformed one stops here with one sentence
 * (scripts/lib/site-address.ts).
 */
const address = siteAddress(process.env);

/**
 * SITE_URL: the public origin, used for canonical URLs, the sitemap and feeds.
 * BASE_PATH: the folder the site is served from, "/" at a domain root or e.g. "/news/county-lines/".
 * OUT_DIR: where the build writes; scripts/build.ts builds into a temporary folder and swaps it in.
 */
export default defineConfig({
  site: address.site,
  base: address.base,
  outDir: process.env.OUT_DIR ?? "dist",
  // Keep Astro's content cache with the project, not in node_modules, which test copies share.
  cacheDir: "./.astro/cache",
  trailingSlash: "always",
  // Two pages at a time: while one waits on sharp (share and embed PNGs), the other renders charts.
  // Measured once with 1,000 synthetic charts (scripts/bench/build-cost.ts) on 2 cores: concurrency 2 was the
  // fastest of 1, 2 and 4 (about 17 % faster than either); `npm run bench` prints the current figures.
  // The site's CSS (about 6 KB, 2.4 KB gzip) is inlined in every page: a chart is then one round trip
  // away instead of two (HTML, then a render-blocking stylesheet). Its hash is in each page's policy.
  build: { format: "directory", inlineStylesheets: "always", concurrency: 2 },
  // Stories have no code blocks; Shiki's inline styles could not pass the policy anyway. Stories are
  // checked by src/stories/story-analysis.ts, which the build runs before Astro loads and every story
  // page runs as it renders (so `npm run dev` shows a mistake at its line too): Astro's own compile
  // only renders.
  markdown: { syntaxHighlight: false, processor: satteri() },
  // Embeds are for iframes, not search: left out of the sitemap (and disallowed in robots.txt).
  integrations: [mdx(), siteConstants(), sitemap({ filter: (page) => !page.includes("/embed/") }), exactPolicies(), hostHeaders()],
  devToolbar: { enabled: false },
  vite: {
    plugins: [reloadOnDataChange(), paletteStylesheet()],
    build: { rolldownOptions: { onLog: quietHeadInjectDirective } },
    // A build run while the preview is open writes its pages into dist.tmp-<pid>/ (scripts/build.ts): the
    // preview must not watch them (it printed a "[watch]" line for each of hundreds of files).
    server: { watch: { ignored: ["**/dist/**", "**/dist.tmp-*/**", "**/dist.old-*/**", "**/.dist-*/**", "**/tests/artifacts/**"] } },
  },
  // No client JavaScript anywhere: prefetching would inject a script.
  prefetch: false,
  // A policy meta tag on every page (narrowed by exactPolicies above): it holds on hosts that send no headers.
  security: { csp: true },
});
