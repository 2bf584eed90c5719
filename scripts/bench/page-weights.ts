import { readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gz, KB, row } from "./report";

/**
 * Page weight, gzip -9: prints a row per HTML page (its bytes, what its inline CSS costs, any linked
 * stylesheet, script tags) and returns the figures the targets are judged on.
 * @param out the built site
 * @param all every file in it
 */
export function pageWeights(out: string, all: readonly string[]) {
  const jsBytes = all.filter((f) => /\.m?js$/.test(f)).reduce((n, f) => n + statSync(f).size, 0);
  console.log("## Page weight (gzip -9; the site's CSS and the charts' SVG are inline in the HTML)\n");
  row("page", "HTML gzip", "of which inline CSS", "linked CSS gzip", "total gzip", "JS bytes");
  row("---", "---", "---", "---", "---", "---");
  let mainStory = 0;
  const storyTotals: number[] = [];
  const inlineCssCosts: number[] = [];
  for (const page of all.filter((f) => f.endsWith(".html")).sort()) {
    const html = readFileSync(page, "utf8");
    const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)]
      .map((m) => readFileSync(join(out, m[1]!.replace(/^\//, ""))))
      .reduce((n, b) => n + gz(b), 0);
    // What inlining costs this page: its gzip size with and without its <style> elements.
    const inlineCss = gz(html) - gz(html.replace(/<style>[\s\S]*?<\/style>/g, ""));
    inlineCssCosts.push(inlineCss);
    const scripts = (html.match(/<script\b/g) ?? []).length;
    const total = gz(html) + css;
    const name = relative(out, page);
    if (name === "stories/county-lines-london/index.html") mainStory = total;
    if (name.startsWith("stories/")) storyTotals.push(total);
    row(name, gz(html), inlineCss, css, `${(total / KB).toFixed(1)} KB`, scripts ? `${scripts} script tags` : 0);
  }
  console.log(`\nJavaScript files in dist: ${jsBytes} B`);
  return { jsBytes, mainStory, storyTotals, inlineCssCosts };
}
