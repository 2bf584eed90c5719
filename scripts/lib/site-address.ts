/**
 * Where the built site will live, read once from the environment: SITE_URL (the public origin) and
 * BASE_PATH (the folder it is served from). astro.config.mjs and scripts/build.ts both read them here,
 * so a mistake in either is one plain sentence before anything is built.
 */

/** The origin a build uses when SITE_URL is not set: fine for a local preview, never for publishing. */
const PLACEHOLDER_SITE_URL = "https://county-lines.example.org";

/** The site's address, as the build uses it. */
export interface SiteAddress {
  /** The public origin, e.g. "https://news.example.com" (no trailing slash, no path). */
  site: string;
  /** The folder the site is served from, "/" or e.g. "/news/county-lines/". */
  base: string;
  /** True when SITE_URL was not given (nor Netlify's URL), so `site` is PLACEHOLDER_SITE_URL. */
  placeholder: boolean;
}

/** A SITE_URL or BASE_PATH that cannot be used; its message says which, what it was and what would do. */
class SettingError extends Error {
  override name = "SettingError";
}

/** Why `value` is not a site origin, or undefined when it is one. */
function originProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "which is not a full web address";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "which does not start with https:// (or http://)";
  if (url.username || url.password || url.pathname !== "/" || url.search || url.hash || value.includes("?") || value.includes("#"))
    return "which has more than a scheme and a host";
  return undefined;
}

/** A folder path: a slash, then any number of `segment/`, each segment made of URL-safe characters and not "." or "..". */
const FOLDER = /^\/(?:(?!\.\.?\/)[\w.~!$&'()*+,;=:@%-]+\/)*$/;

/**
 * The site's address from the environment. SITE_URL defaults to Netlify's own `URL` on Netlify
 * (NETLIFY=true), else to PLACEHOLDER_SITE_URL; an empty variable counts as unset. BASE_PATH defaults to "/".
 * @param env the environment to read (process.env)
 * @throws SettingError naming the variable, its value and an example of a right one
 * @example siteAddress({ SITE_URL: "https://news.example.com", BASE_PATH: "/news/county-lines/" }) // { site: "https://news.example.com", base: "/news/county-lines/", placeholder: false }
 */
export function siteAddress(env: Record<string, string | undefined>): SiteAddress {
  const given = env.SITE_URL || (env.NETLIFY === "true" ? env.URL : undefined) || undefined;
  const name = env.SITE_URL ? "SITE_URL" : "URL (Netlify's, read as SITE_URL)";
  const problem = given === undefined ? undefined : originProblem(given);
  if (problem)
    throw new SettingError(
      `${name} is "${given}", ${problem}: set SITE_URL to the site's public origin, scheme and host only, e.g. SITE_URL=https://news.example.com (a folder goes in BASE_PATH).`,
    );
  const base = env.BASE_PATH || "/";
  if (!FOLDER.test(base))
    throw new SettingError(
      `BASE_PATH is "${base}", which is not a folder path with a slash at both ends: set it to "/" for the root of a domain, or to the folder, e.g. BASE_PATH=/news/county-lines/.`,
    );
  return { site: given === undefined ? PLACEHOLDER_SITE_URL : new URL(given).origin, base, placeholder: given === undefined };
}

/**
 * What a production build prints when SITE_URL is not set: every absolute address in the site then
 * points at the placeholder.
 */
export function placeholderWarning(): string {
  return `Warning: SITE_URL is not set, so canonical URLs, share images, the sitemap, robots.txt, the RSS feed, citations and embed code all point at the placeholder ${PLACEHOLDER_SITE_URL}. That is fine for a look on this machine; to publish, build with the site's address, e.g. SITE_URL=https://news.example.com npm run build (set SITE_URL=${PLACEHOLDER_SITE_URL} to build for the placeholder without this warning).`;
}

/**
 * What a production build for a sub-path prints after "Built …": the two files a host reads only at
 * its root, robots.txt and _headers, and what to do about each.
 * @param address a sub-path address (base other than "/")
 */
export function subPathNotes(address: SiteAddress): string {
  const root = `${address.site}/`;
  const home = `${address.site}${address.base}`;
  return [
    `Built for ${home}. Two files count only at the root of a host:`,
    `- robots.txt: crawlers read only ${root}robots.txt, so that file must carry the lines of this build's robots.txt: "Disallow: ${address.base}embed/" and "Sitemap: ${home}sitemap-index.xml".`,
    `- _headers: this build's _headers is for a host that serves the built folder at its own root (a site of its own, proxied at ${address.base}); if the folder is copied into ${address.base} of a larger site instead, that site's root _headers needs the same rules with ${address.base} before each path (README, "Deploy anywhere").`,
  ].join("\n");
}
