import type { APIRoute } from "astro";
import { siteUrl, withBase } from "../components/with-base";

/** Allows everything except the embed pages, which duplicate the stories' charts; names the sitemap. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nDisallow: ${withBase("embed/")}\n\nSitemap: ${siteUrl("sitemap-index.xml", site!)}\n`, {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
