import type { APIRoute } from "astro";
import { siteUrl, withBase } from "../components/with-base";

/**
 * Allows everything except the embed pages, which duplicate the stories' charts; names the sitemap by
 * its full address. Crawlers read robots.txt only at a host's root: a build for a sub-path says so in a
 * comment, since its lines must be copied into the root file of the host that serves it.
 */
export const GET: APIRoute = ({ site }) => {
  const atRoot = withBase("") === "/";
  const note = atRoot ? "" : `# Crawlers read only ${new URL("/robots.txt", site).href}: that file must carry the lines below.\n`;
  return new Response(`${note}User-agent: *\nDisallow: ${withBase("embed/")}\n\nSitemap: ${siteUrl("sitemap-index.xml", site!)}\n`, {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
};
