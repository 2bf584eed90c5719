/**
 * npm run bench: build cost and reader cost, printed with the machine they were measured on, and
 * written into the README's results table (between the bench markers).
 *
 * - median render time per chart (both widths) with linkedom and with jsdom (the build's DOM choice);
 * - whole-site production build, cold (fresh copy, no caches) and warm (again, caches kept), with the
 *   build process's peak memory; and `npm run proof` (every content check, no pages built);
 * - scaling: the same build on synthetic stories holding 10, 100 and 1,000 charts (in a temporary copy,
 *   never published), with time per chart, peak memory and the fitted per-chart cost;
 * - gzip bytes of every page (CSS inline: what that costs each page), and the JavaScript bytes shipped;
 *   the front page with the pictures on its first screen, and with all of them;
 * - reader cost side by side: our inline-SVG page against the same chart drawn in the browser by an
 *   esbuild bundle of Observable Plot and the same chart module, and against the floor (the same
 *   HTML bytes with nothing to draw), all from one nginx, 10 cold loads each in Chromium with 4x CPU
 *   slowdown and slow 4G;
 * - Lighthouse mobile scores of every story page, on Debian's Chromium against nginx.
 *
 * Targets are printed with each figure as met or MISSED.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, totalmem, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { chartIds } from "../src/charts";
import { chartUses } from "../src/stories/chart-uses";
import { fitLine, freshCopy, timedBuild, writeSyntheticStories } from "./bench/build-cost";
import { lighthouseScores } from "./bench/lighthouse-scores";
import { pageWeights } from "./bench/page-weights";
import { renderTimes } from "./bench/render-times";
import { CPU_SLOWDOWN, NETWORK, readerCost } from "./bench/reader-cost";
import { files, KB, median, row, spread, verdict, writeReadmeTable, type Summary } from "./bench/report";

const summary: Summary = [];

const date = new Date().toISOString().slice(0, 10);
const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
console.log(`# Benchmark, ${date}`);
console.log(`Machine: ${machine}`);
console.log("Command: npm run bench\n");

// 1. Chart render time, per chart, per DOM.
// Each chart at the data versions of the story that places it (as published).
const uses = chartUses();
const { chartBytes, medians } = renderTimes(uses);
const chartMedian = median(medians.linkedom);
row("**median**", chartMedian.toFixed(1), median(medians.jsdom).toFixed(1), "", "", "");
summary.push([
  "Chart render, median of our charts (both widths): linkedom / jsdom",
  `${chartMedian.toFixed(1)} ms / ${median(medians.jsdom).toFixed(1)} ms`,
  "≤ 20 ms per chart",
  verdict(chartMedian <= 20),
]);

// 2. Whole-site build, cold and warm, with peak memory.
const benchDir = mkdtempSync(join(tmpdir(), "cl-bench-"));
chmodSync(benchDir, 0o755); // nginx's worker must be able to read it
const out = join(benchDir, "dist");
const copy = freshCopy();
const cold = await timedBuild(copy, out);
const warm = await timedBuild(copy, out);
// npm run proof, the whole command as an editor runs it (every content check, no pages built).
const proofStart = performance.now();
execFileSync(process.execPath, ["--import", "tsx", "scripts/proof.ts"], { cwd: copy, stdio: "ignore" });
const proofSeconds = (performance.now() - proofStart) / 1000;
rmSync(copy, { recursive: true, force: true });
console.log("\n## Whole-site build (data checks + Astro + atomic swap)\n");
row("run", "seconds", "peak memory (build process)");
row("---", "---", "---");
row("cold: fresh copy, no caches", cold.seconds.toFixed(1), `${cold.peakMiB.toFixed(0)} MiB`);
row("warm: same copy again, caches kept", warm.seconds.toFixed(1), `${warm.peakMiB.toFixed(0)} MiB`);
console.log(`\nnpm run proof (every content check, no pages): ${proofSeconds.toFixed(1)} s`);
summary.push(["npm run proof, whole command (issue 25)", `${proofSeconds.toFixed(1)} s`, "< 10 s", verdict(proofSeconds < 10)]);
summary.push([
  "Whole-site build, cold / warm",
  `${cold.seconds.toFixed(1)} s / ${warm.seconds.toFixed(1)} s, peak ${Math.max(cold.peakMiB, warm.peakMiB).toFixed(0)} MiB`,
  "",
  "",
]);

// 2b. Scaling on synthetic stories (ten charts each) in a temporary copy.
console.log("\n## Scaling: synthetic stories, ten charts each (temporary copy, never published)\n");
row("charts", "stories", "build seconds", "ms per chart (total / charts)", "peak memory");
row("---", "---", "---", "---", "---");
const scaling: { charts: number; seconds: number; peakMiB: number }[] = [];
for (const charts of [10, 100, 1000]) {
  const root = freshCopy();
  writeSyntheticStories(root, charts);
  const run = await timedBuild(root, join(root, "dist"));
  rmSync(root, { recursive: true, force: true });
  scaling.push({ charts, ...run });
  row(charts, Math.ceil(charts / 10), run.seconds.toFixed(1), ((run.seconds * 1000) / charts).toFixed(1), `${run.peakMiB.toFixed(0)} MiB`);
}
const fit = fitLine(scaling.map((s) => ({ x: s.charts, y: s.seconds })));
const thousand = scaling.at(-1)!;
console.log(
  `\nFitted: build seconds ≈ ${fit.intercept.toFixed(1)} + ${(fit.slope * 1000).toFixed(1)} ms × charts (fixed cost plus per-chart cost; each chart is rendered at two widths (maps once) and placed in a page, and each story also gets a share image).`,
);

// 3. Page weight: each HTML page (CSS and SVG inline) plus any stylesheet it links, gzip -9.
const all = files(out);
const { jsBytes, mainStory, storyTotals, inlineCssCosts, front } = pageWeights(out, all);

console.log("\n## Targets\n");
console.log(`- 0 B JavaScript on every page: ${jsBytes} B → ${verdict(jsBytes === 0)}`);
console.log(
  `- every story page ≤ 80 KB gzip (issue 5): largest ${(Math.max(...storyTotals) / KB).toFixed(1)} KB → ${verdict(Math.max(...storyTotals) <= 80 * KB)}`,
);
console.log(`- main story ≤ 40 KB gzip (issue 2, before maps): ${(mainStory / KB).toFixed(1)} KB → ${verdict(mainStory > 0 && mainStory <= 40 * KB)}`);
console.log(`- main story ≤ 80 KB gzip (issue 3, with both maps): ${(mainStory / KB).toFixed(1)} KB → ${verdict(mainStory > 0 && mainStory <= 80 * KB)}`);
for (const id of chartIds.filter((c) => c.endsWith("-map")))
  console.log(`- ${id} inline SVG (all renderings) ≤ 60 KB gzip: ${(chartBytes[id]! / KB).toFixed(1)} KB → ${verdict(chartBytes[id]! <= 60 * KB)}`);
console.log(`- median chart render ≤ 20 ms (issue 9): ${chartMedian.toFixed(1)} ms → ${verdict(chartMedian <= 20)}`);
console.log(`- fitted per-chart build cost ≤ 20 ms (issue 9): ${(fit.slope * 1000).toFixed(1)} ms → ${verdict(fit.slope * 1000 <= 20)}`);
console.log(
  `- 1,000 charts built in ≤ 60 s with ≤ 2 GB peak memory (issue 9): ${thousand.seconds.toFixed(1)} s, ${thousand.peakMiB.toFixed(0)} MiB → ${verdict(thousand.seconds <= 60 && thousand.peakMiB <= 2048)}`,
);
summary.push([
  "Fitted per-chart build cost (10/100/1,000 charts)",
  `${(fit.slope * 1000).toFixed(1)} ms per chart + ${fit.intercept.toFixed(1)} s fixed`,
  "≤ 20 ms",
  verdict(fit.slope * 1000 <= 20),
]);
summary.push([
  "1,000 charts (100 synthetic stories): build time, peak memory",
  `${thousand.seconds.toFixed(1)} s, ${thousand.peakMiB.toFixed(0)} MiB`,
  "≤ 60 s, ≤ 2 GB",
  verdict(thousand.seconds <= 60 && thousand.peakMiB <= 2048),
]);
summary.push(["JavaScript shipped, any page", `${jsBytes} B`, "0 B", verdict(jsBytes === 0)]);
summary.push(["Main story page, gzip (CSS and charts inline)", `${(mainStory / KB).toFixed(1)} KB`, "≤ 80 KB", verdict(mainStory <= 80 * KB)]);
summary.push([
  `Front page: HTML gzip + the picture(s) on its first screen; with all ${front.images} pictures`,
  `${(front.html / KB).toFixed(1)} KB + ${(front.firstScreen / KB).toFixed(1)} KB = ${((front.html + front.firstScreen) / KB).toFixed(1)} KB; ${((front.html + front.allImages) / KB).toFixed(1)} KB`,
  "",
  "",
]);
summary.push(["Inline CSS, added to each page (gzip, median of all pages)", `${(median(inlineCssCosts) / KB).toFixed(1)} KB`, "", ""]);

// 5. Reader cost: the same chart as our static page and drawn in the browser by Plot.
const RUNS_READER = 10;
console.log(
  `\n## Reader cost: static inline SVG vs client-side Plot, ${RUNS_READER} cold loads each (Chromium, ${CPU_SLOWDOWN}x CPU slowdown, slow 4G: ${NETWORK.latency} ms latency, ${((NETWORK.downloadThroughput * 8) / 1024).toFixed(0)} kbit/s down)\n`,
);
row("chart", "page", "chart visible, median ms", "spread ms", "bytes transferred (median)", "JS bytes (median)");
row("---", "---", "---", "---", "---", "---");
const reader = await readerCost(
  out,
  ["destinations-map", "age-bands"].map((id) => ({ id, version: uses.find((u) => u.id === id)!.version })),
  RUNS_READER,
);
for (const r of reader) {
  const [sv, cv, fv] = [r.staticLoads, r.clientLoads, r.floorLoads].map((loads) => loads.map((l) => l.visibleMs));
  const [sb, cb, fb] = [r.staticLoads, r.clientLoads, r.floorLoads].map((loads) => median(loads.map((l) => l.bytes)));
  const [sj, cj] = [median(r.staticLoads.map((l) => l.jsBytes)), median(r.clientLoads.map((l) => l.jsBytes))];
  row(r.id, "static (ours)", median(sv!).toFixed(0), spread(sv!), sb!, sj);
  row(r.id, "client-side Plot", median(cv!).toFixed(0), spread(cv!), cb!, cj);
  row(r.id, "floor: same HTML bytes, nothing to draw", median(fv!).toFixed(0), spread(fv!), fb!, 0);
  const overFloor = median(sv!) / median(fv!);
  const sooner = median(cv!) / median(sv!);
  const fewer = cb! / sb!;
  console.log(
    `\n- ${r.id}: ours / floor ${overFloor.toFixed(2)} (goal ≤ 1.10 → ${verdict(overFloor <= 1.1)}); client-side / ours ${sooner.toFixed(2)}x sooner (goal ≥ 3.5x → ${verdict(sooner >= 3.5)}); ${fewer.toFixed(1)}x fewer bytes (goal ≥ 10x → ${verdict(fewer >= 10)}); the client page ships ${(cj / KB).toFixed(0)} KB of compressed JavaScript\n`,
  );
  summary.push([
    `${r.id}: chart visible, ours / the floor (same HTML bytes, nothing to draw; median of ${RUNS_READER})`,
    `${median(sv!).toFixed(0)} ms (${spread(sv!)}) / ${median(fv!).toFixed(0)} ms (${spread(fv!)}) = ${overFloor.toFixed(2)}`,
    "≤ 1.10",
    verdict(overFloor <= 1.1),
  ]);
  summary.push([
    `${r.id}: chart visible, client-side Plot / ours (median of ${RUNS_READER})`,
    `${median(cv!).toFixed(0)} ms (${spread(cv!)}) / ${median(sv!).toFixed(0)} ms: ${sooner.toFixed(2)}x sooner`,
    "≥ 3.5x sooner",
    verdict(sooner >= 3.5),
  ]);
  summary.push([
    `${r.id}: bytes transferred, client-side Plot / ours`,
    `${(cb! / KB).toFixed(1)} KB / ${(sb! / KB).toFixed(1)} KB: ${fewer.toFixed(1)}x fewer (client JS ${(cj / KB).toFixed(0)} KB)`,
    "≥ 10x fewer",
    verdict(fewer >= 10),
  ]);
}
// 4. Lighthouse (mobile: emulated Moto G Power, slow 4G, 4× CPU), on Debian's Chromium, against nginx.
console.log("\n## Lighthouse, mobile, every story page (served by nginx)\n");
const scores = await lighthouseScores(out, all.filter((f) => f.endsWith("index.html") && relative(out, f).startsWith("stories/")).sort());
console.log(`\n- Lighthouse goal 100 in every category: ${scores.every((x) => x === 100) ? "met" : `not met (lowest ${Math.min(...scores)})`}`);
summary.push(["Lighthouse mobile, every story (lowest score)", String(Math.min(...scores)), "100", scores.every((x) => x === 100) ? "met" : "not met"]);
rmSync(benchDir, { recursive: true, force: true });

// 6. The README's results table, regenerated.
writeReadmeTable(summary, date, machine);
