/**
 * npm run bench: build cost and reader cost, printed with the machine they were measured on.
 *
 * - whole-site production build time (scripts/build.ts into a temporary folder);
 * - median render time per chart (both widths) with linkedom and with jsdom;
 * - gzip bytes of every page, HTML plus the CSS it links, and the JavaScript bytes shipped;
 * - Lighthouse mobile scores of every story page, on Debian's Chromium against nginx.
 *
 * Targets: 0 B of JavaScript on every page; main story ≤ 40 KB gzip before maps and ≤ 80 KB with them;
 * each map's inline SVG ≤ 60 KB gzip; median chart render ≤ 50 ms.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { cpus, totalmem, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { launch } from "chrome-launcher";
import { JSDOM } from "jsdom";
import lighthouse from "lighthouse";
import { requireTool, startNginx } from "../tests/support/static-server";
import { chartIds } from "../src/charts";
import { renderChart } from "../src/lib/render/render-chart";
import { linkedomDocument } from "../src/lib/render/plot-to-svg";

const KB = 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
const gz = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;
const row = (...cells: (string | number)[]) => console.log(`| ${cells.join(" | ")} |`);

console.log(`# Benchmark, ${new Date().toISOString().slice(0, 10)}`);
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`);
console.log("Command: npm run bench\n");

// 1. Chart render time, per chart, per DOM.
const jsdomDocument = () => new JSDOM("").window.document as unknown as Document;
const RUNS = 15;
console.log("## Chart render time (both widths, median of %d runs, data already loaded)\n", RUNS);
row("chart", "linkedom ms", "jsdom ms", "wide SVG gzip", "narrow SVG gzip", "both gzip");
row("---", "---", "---", "---", "---", "---");
const chartBytes: Record<string, number> = {};
const medians = { linkedom: [] as number[], jsdom: [] as number[] };
for (const id of chartIds) {
  const result: Record<string, number> = {};
  for (const [name, document] of [["linkedom", linkedomDocument], ["jsdom", jsdomDocument]] as const) {
    renderChart(id, { document }); // warm up: data load, JIT
    const times = Array.from({ length: RUNS }, () => {
      const t = performance.now();
      renderChart(id, { document });
      return performance.now() - t;
    });
    result[name] = median(times);
    medians[name].push(result[name]);
  }
  const { svg } = renderChart(id);
  chartBytes[id] = gz(svg.wide + svg.narrow);
  row(id, result.linkedom!.toFixed(1), result.jsdom!.toFixed(1), gz(svg.wide), gz(svg.narrow), chartBytes[id]);
}
const chartMedian = median(medians.linkedom);
row("**median**", chartMedian.toFixed(1), median(medians.jsdom).toFixed(1), "", "", "");

// 2. Whole-site build.
const benchDir = mkdtempSync(join(tmpdir(), "cl-bench-"));
chmodSync(benchDir, 0o755); // nginx's worker must be able to read it
const out = join(benchDir, "dist");
const t0 = performance.now();
execFileSync(process.execPath, ["--import", "tsx", "scripts/build.ts", "--out", out], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" } });
const buildSeconds = (performance.now() - t0) / 1000;
console.log(`\n## Whole-site build\n\nProduction build (data checks + Astro + atomic swap): ${buildSeconds.toFixed(1)} s\n`);

// 3. Page weight: each HTML page plus the stylesheets it links, gzip -9.
const all = files(out);
const jsBytes = all.filter((f) => /\.m?js$/.test(f)).reduce((n, f) => n + statSync(f).size, 0);
console.log("## Page weight (gzip -9; HTML plus linked CSS; inline SVG is part of the HTML)\n");
row("page", "HTML gzip", "CSS gzip", "total gzip", "JS bytes");
row("---", "---", "---", "---", "---");
let mainStory = 0;
const storyTotals: number[] = [];
for (const page of all.filter((f) => f.endsWith(".html")).sort()) {
  const html = readFileSync(page, "utf8");
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => readFileSync(join(out, m[1]!.replace(/^\//, "")))).reduce((n, b) => n + gz(b), 0);
  const scripts = (html.match(/<script\b/g) ?? []).length;
  const total = gz(html) + css;
  const name = relative(out, page);
  if (name === "stories/county-lines-london/index.html") mainStory = total;
  if (name.startsWith("stories/")) storyTotals.push(total);
  row(name, gz(html), css, `${(total / KB).toFixed(1)} KB`, scripts ? `${scripts} script tags` : 0);
}
console.log(`\nJavaScript files in dist: ${jsBytes} B`);

console.log("\n## Targets\n");
const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
console.log(`- 0 B JavaScript on every page: ${jsBytes} B → ${verdict(jsBytes === 0)}`);
console.log(`- every story page ≤ 80 KB gzip (issue 5): largest ${(Math.max(...storyTotals) / KB).toFixed(1)} KB → ${verdict(Math.max(...storyTotals) <= 80 * KB)}`);
console.log(`- main story ≤ 40 KB gzip (issue 2, before maps): ${(mainStory / KB).toFixed(1)} KB → ${verdict(mainStory > 0 && mainStory <= 40 * KB)}`);
console.log(`- main story ≤ 80 KB gzip (issue 3, with both maps): ${(mainStory / KB).toFixed(1)} KB → ${verdict(mainStory > 0 && mainStory <= 80 * KB)}`);
for (const id of chartIds.filter((c) => c.endsWith("-map"))) console.log(`- ${id} inline SVG (both widths) ≤ 60 KB gzip: ${(chartBytes[id]! / KB).toFixed(1)} KB → ${verdict(chartBytes[id]! <= 60 * KB)}`);
console.log(`- median chart render ≤ 50 ms: ${chartMedian.toFixed(1)} ms → ${verdict(chartMedian <= 50)}`);
// 4. Lighthouse (mobile: emulated Moto G Power, slow 4G, 4× CPU), on Debian's Chromium, against nginx.
console.log("\n## Lighthouse, mobile, every story page (served by nginx)\n");
row("page", "performance", "accessibility", "best practices", "SEO");
row("---", "---", "---", "---", "---");
const server = await startNginx(out, { port: 8830 });
const chrome = await launch({ chromePath: requireTool("chromium", "apt-get install -y chromium"), chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"] });
const scores: number[] = [];
try {
  for (const page of all.filter((f) => f.endsWith("index.html") && relative(out, f).startsWith("stories/")).sort()) {
    const path = `/${relative(out, page).replace(/index\.html$/, "")}`;
    const result = await lighthouse(`${server.origin}${path}`, { port: chrome.port, logLevel: "error", output: "json", onlyCategories: ["performance", "accessibility", "best-practices", "seo"] });
    const c = result!.lhr.categories;
    const s = [c.performance, c.accessibility, c["best-practices"], c.seo].map((x) => Math.round((x?.score ?? 0) * 100));
    scores.push(...s);
    row(path, ...s);
  }
} finally {
  chrome.kill();
  server.stop();
}
console.log(`\n- Lighthouse goal 100 in every category: ${scores.every((x) => x === 100) ? "met" : `not met (lowest ${Math.min(...scores)})`}`);
rmSync(out, { recursive: true, force: true });
