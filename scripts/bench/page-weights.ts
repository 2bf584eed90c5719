import { readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { files, gz, KB, row } from "./report";

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
    const css = linkedCss(out, html);
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
  return { jsBytes, mainStory, storyTotals, inlineCssCosts, front: frontPageWeight(out) };
}

/** Gzip bytes of the stylesheets a page links (the site inlines its CSS, so normally none). */
function linkedCss(out: string, html: string): number {
  return [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)]
    .map((m) => readFileSync(join(out, m[1]!.replace(/^\//, ""))))
    .reduce((n, b) => n + gz(b), 0);
}

/**
 * The front page's weight, printed: its HTML (gzip -9, with any linked CSS), the pictures it loads at
 * once (those not marked `loading="lazy"`; tests/browser/front-page.test.ts checks that these are the
 * ones on the first screen, on a phone and a laptop) and every picture on it. Pictures are PNGs,
 * counted as stored: compressing them again gains nothing, and nginx does not.
 * @param out a site built at the domain root (image addresses are read from its root)
 */
function frontPageWeight(out: string) {
  const html = readFileSync(join(out, "index.html"), "utf8");
  const images = [...html.matchAll(/<img\b[^>]*>/g)].map(([tag]) => {
    const src = /\ssrc="\/([^"]+)"/.exec(tag)?.[1];
    if (!src) throw new Error(`front page: an <img> whose src is not a site path: ${tag}`);
    return { src, bytes: statSync(join(out, src)).size, lazy: /\sloading="lazy"/.test(tag) };
  });
  const weight = {
    html: gz(html) + linkedCss(out, html),
    firstScreen: images.filter((i) => !i.lazy).reduce((n, i) => n + i.bytes, 0),
    allImages: images.reduce((n, i) => n + i.bytes, 0),
    images: images.length,
  };
  console.log("\n## Front page (HTML gzip -9; pictures as stored)\n");
  row("picture", "bytes", "loads");
  row("---", "---", "---");
  for (const i of images) row(i.src, i.bytes, i.lazy ? "when scrolled near (lazy)" : "at once (first screen)");
  const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
  console.log(
    `\nFront page: HTML ${kb(weight.html)} + first-screen pictures ${kb(weight.firstScreen)} = ${kb(weight.html + weight.firstScreen)}; with all ${images.length} pictures ${kb(weight.html + weight.allImages)}`,
  );
  return weight;
}

// `npx tsx scripts/bench/page-weights.ts <built site>`: this part of the bench alone, on a build you have.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const out = process.argv[2];
  if (!out) throw new Error("usage: npx tsx scripts/bench/page-weights.ts <built site, e.g. dist>");
  pageWeights(out, files(out));
}
