/**
 * Prefixes a site path with the configured base, so links work at a domain root and under a
 * sub-path such as /news/county-lines/.
 * @example withBase("data/") // "/news/county-lines/data/" when BASE_PATH=/news/county-lines/
 */
export function withBase(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, "/");
  return `${base}${path.replace(/^\//, "")}`;
}
