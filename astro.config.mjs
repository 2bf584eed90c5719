// @ts-check
import mdx from "@astrojs/mdx";
import { defineConfig } from "astro/config";
import { satteri } from "@astrojs/markdown-satteri";
import { checkComponentsPlugin } from "./src/lib/content/check-components-plugin.ts";

/**
 * SITE_URL: the public origin, used for canonical URLs, the sitemap and feeds.
 * BASE_PATH: the folder the site is served from, "/" at a domain root or e.g. "/news/county-lines/".
 * OUT_DIR: where the build writes; scripts/build.ts builds into a temporary folder and swaps it in.
 */
export default defineConfig({
  site: process.env.SITE_URL ?? "https://county-lines.example.org",
  base: process.env.BASE_PATH ?? "/",
  outDir: process.env.OUT_DIR ?? "dist",
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "never" },
  markdown: { processor: satteri({ mdastPlugins: [checkComponentsPlugin] }) },
  integrations: [mdx()],
  devToolbar: { enabled: false },
  // No client JavaScript anywhere: prefetching would inject a script.
  prefetch: false,
});
