import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import type { Browser } from "playwright-core";
import { getChart } from "../../src/charts";
import { catalog } from "../../src/data/versions/catalog";
import { geographies } from "../../src/data/schema/geographies";
import { loadDataset } from "../../src/data/versions/load-dataset";
import { launchChromium } from "../serve/chromium";
import { startNginx } from "../serve/nginx";

/** DevTools throttling as Lighthouse applies it for "slow 4G" on mobile, and its 4x CPU slowdown. */
export const NETWORK = { latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };
export const CPU_SLOWDOWN = 4;

interface Load {
  /** Milliseconds from navigation start to the first frame with the chart on screen. */
  visibleMs: number;
  /** Bytes over the wire (compressed), all requests. */
  bytes: number;
  /** Of which JavaScript. */
  jsBytes: number;
}

/**
 * The client-side counterpart of a figure: the same embed page with its inline SVGs removed, and
 * an esbuild bundle of Observable Plot plus the same chart module (src/charts/<id>.ts) that fetches
 * the chart's rows (and boundaries, for maps) and draws it in the browser, as Observable Framework
 * would. Returns the page's path in `root`.
 */
async function clientPage(root: string, id: string, version: string): Promise<string> {
  const chart = getChart(id);
  const dir = join(root, "bench-client", id);
  mkdirSync(dir, { recursive: true });
  const rows = chart.select(loadDataset(chart.dataset, version));
  writeFileSync(join(dir, "rows.json"), JSON.stringify(rows));
  const geography = chart.boundaries && geographies[chart.boundaries];
  const topo = chart.boundaries && `/data/${chart.boundaries}/${catalog[chart.boundaries]}/${geography!.topology}.topo.json`;
  const entry = join(dir, "entry.ts");
  writeFileSync(
    entry,
    `import * as Plot from "@observablehq/plot";
import { feature } from "topojson-client";
import chart from ${JSON.stringify(resolve(`src/charts/${id}.ts`))};
const slot = document.getElementById("chart-slot")!;
const width = ${chart.oneRendering ? "640" : "slot.clientWidth < 560 ? 320 : 640"};
const rows = await (await fetch("rows.json")).json();
let features;
${
  topo
    ? `const topology = await (await fetch(${JSON.stringify(topo)})).json();
features = (feature(topology, topology.objects[${JSON.stringify(geography!.object)}]) as any).features.map((f: any) => ({ ...f, id: String(f.id) }));`
    : ""
}
const svg = Plot.plot(chart.spec(rows, { width, features }) as Plot.PlotOptions);
svg.classList.add("chart-svg");
slot.append(svg);
`,
  );
  await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outfile: join(dir, "chart.js"),
    logLevel: "error",
    absWorkingDir: process.cwd(),
    nodePaths: [resolve("node_modules")],
  });
  rmSync(entry);
  const staticHtml = readFileSync(join(root, "embed", id, version, "index.html"), "utf8");
  // Both renderings (narrow and wide), or the one of a chart drawn once.
  const graphics = /(?:<div class="chart-graphic[^"]*">[\s\S]*?<\/svg><\/div>\s*)+/;
  if (!graphics.test(staticHtml)) throw new Error(`no inline SVGs found in the ${id} embed page`);
  writeFileSync(
    join(dir, "index.html"),
    staticHtml
      .replace(graphics, '<div class="chart-graphic" id="chart-slot"></div><script type="module" src="chart.js"></script>')
      // Our pages' own policy forbids every script, this page's bundle included.
      .replace(/<meta http-equiv="content-security-policy"[^>]*>/, ""),
  );
  return `/bench-client/${id}/`;
}

/**
 * The floor for a page: the same HTML bytes, delivered the same way, with nothing to style or draw.
 * The page's bytes are kept whole, as raw text inside `<noscript>` (which a browser with scripting
 * on neither parses into elements nor shows), split where its first chart SVG starts; there the
 * floor has a 10 px SVG in a `figure.chart`, so "chart visible" is timed at the same byte. Its icon
 * is a data: URL, so the browser fetches nothing else (our page's 0.2 KB icon counts against ours).
 */
function floorPage(root: string, id: string, version: string): string {
  const dir = join(root, "bench-floor", id);
  mkdirSync(dir, { recursive: true });
  const html = readFileSync(join(root, "embed", id, version, "index.html"), "utf8");
  const at = html.search(/<svg\b/);
  if (at < 0 || /<\/noscript/i.test(html)) throw new Error(`cannot make a floor page for the ${id} embed page`);
  writeFileSync(
    join(dir, "index.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor</title><link rel="icon" href="data:,"></head><body><noscript>${html.slice(0, at)}</noscript>` +
      `<figure class="chart"><svg width="10" height="10"></svg></figure><noscript>${html.slice(at)}</noscript></body></html>`,
  );
  return `/bench-floor/${id}/`;
}

const VISIBLE_OBSERVER = `(() => {
  function check() {
    if (window.__visible !== undefined) return;
    const svg = Array.from(document.querySelectorAll("figure.chart svg")).find((s) => s.getBoundingClientRect().width > 0);
    if (svg) requestAnimationFrame(() => { if (window.__visible === undefined) window.__visible = performance.now(); });
  }
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", check);
})();`;

/** One cold load in a fresh browser context, throttled; times the first frame showing the chart. */
async function load(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, ...NETWORK });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  const types = new Map<string, string>();
  let bytes = 0;
  let jsBytes = 0;
  cdp.on("Network.responseReceived", (e) => types.set(e.requestId, e.type));
  cdp.on("Network.loadingFinished", (e) => {
    bytes += e.encodedDataLength;
    if (types.get(e.requestId) === "Script") jsBytes += e.encodedDataLength;
  });
  // Measurement only (not part of either page): the first animation frame in which a chart SVG has a
  // size. Given as source text: tsx would wrap named functions in a helper the page does not have.
  await page.addInitScript({ content: VISIBLE_OBSERVER });
  await page.goto(url, { waitUntil: "load", timeout: 120_000 });
  await page.waitForFunction(() => (window as unknown as { __visible?: number }).__visible !== undefined, null, { timeout: 120_000 });
  await page.waitForLoadState("networkidle");
  const visibleMs = await page.evaluate(() => (window as unknown as { __visible: number }).__visible);
  await context.close();
  return { visibleMs, bytes, jsBytes };
}

export interface ReaderCost {
  id: string;
  staticLoads: Load[];
  clientLoads: Load[];
  /** The same HTML bytes with nothing to draw: the network's floor for our page. */
  floorLoads: Load[];
}

/**
 * Serves the built site plus the client-rendered and floor pages from one nginx (gzip on, the same
 * for all; the site's CSP is left out because it forbids the client pages' script) and loads each
 * chart's three pages `runs` times, in turn.
 */
export async function readerCost(dist: string, charts: readonly { id: string; version: string }[], runs: number): Promise<ReaderCost[]> {
  const root = join(mkdtempSync(join(tmpdir(), "cl-bench-reader-")), "www");
  cpSync(dist, root, { recursive: true });
  chmodSync(join(root, ".."), 0o755);
  const pages = [];
  for (const c of charts)
    pages.push({ id: c.id, static: `/embed/${c.id}/${c.version}/`, client: await clientPage(root, c.id, c.version), floor: floorPage(root, c.id, c.version) });
  const server = await startNginx(root, { allowScripts: true });
  const browser = await launchChromium();
  try {
    const results: ReaderCost[] = [];
    for (const p of pages) {
      const result: ReaderCost = { id: p.id, staticLoads: [], clientLoads: [], floorLoads: [] };
      await load(browser, `${server.origin}${p.static}`); // warm nginx and the browser once, unmeasured
      for (let i = 0; i < runs; i++) {
        result.staticLoads.push(await load(browser, `${server.origin}${p.static}`));
        result.clientLoads.push(await load(browser, `${server.origin}${p.client}`));
        result.floorLoads.push(await load(browser, `${server.origin}${p.floor}`));
      }
      results.push(result);
    }
    return results;
  } finally {
    await browser.close();
    server.stop();
    rmSync(join(root, ".."), { recursive: true, force: true });
  }
}
