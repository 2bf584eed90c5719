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
