/**
 * Prefixes a site path with the configured base, so links work at a domain root and under a
 * sub-path such as /news/county-lines/.
 * @example withBase("data/") // "/news/county-lines/data/" when BASE_PATH=/news/county-lines/
 */
export function withBase(path: string): string {
  return `${__BASE_PATH__}${path.replace(/^\//, "")}`;
}

/** Set by astro.config.mjs from the `base` option (BASE_PATH). */
declare const __BASE_PATH__: string;

/**
 * The public address of a site path: SITE_URL, then the base, then the path (canonical URLs, feeds,
 * citations, structured data).
 * @example siteUrl("stories/x/", new URL("https://news.example.com")) // "https://news.example.com/news/county-lines/stories/x/"
 */
export function siteUrl(path: string, site: URL): string {
  return new URL(withBase(path), site).href;
}
