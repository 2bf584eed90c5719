import { relative } from "node:path";
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROMIUM_FLAGS, chromiumPath } from "../serve/chromium";
import { startNginx } from "../serve/nginx";
import { row } from "./report";

/**
 * Lighthouse (mobile: emulated Moto G Power, slow 4G, 4× CPU) on Debian's Chromium against nginx,
 * for each page: prints a row of the four category scores per page and returns every score.
 * @param out the built site
 * @param pages the pages' index.html files inside `out`
 */
export async function lighthouseScores(out: string, pages: readonly string[]): Promise<number[]> {
  row("page", "performance", "accessibility", "best practices", "SEO");
  row("---", "---", "---", "---", "---");
  const server = await startNginx(out);
  const chrome = await launch({ chromePath: chromiumPath(), chromeFlags: CHROMIUM_FLAGS });
  const scores: number[] = [];
  try {
    for (const page of pages) {
      const path = `/${relative(out, page).replace(/index\.html$/, "")}`;
      const result = await lighthouse(`${server.origin}${path}`, {
        port: chrome.port,
        logLevel: "error",
        output: "json",
        onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      });
      const c = result!.lhr.categories;
      const s = [c.performance, c.accessibility, c["best-practices"], c.seo].map((x) => Math.round((x?.score ?? 0) * 100));
      scores.push(...s);
      row(path, ...s);
    }
  } finally {
    chrome.kill();
    server.stop();
  }
  return scores;
}
