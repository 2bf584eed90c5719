import { createHash } from "node:crypto";

/**
 * The site's Content Security Policy, declared once.
 *
 * Every page carries its whole policy in a `<meta http-equiv="content-security-policy">` (Astro's
 * `security.csp`), so it holds on any host, headers or not: these directives, then `script-src 'none'`
 * and a `style-src` of exactly the hashes of that page's inline `<style>` elements (the site's CSS is
 * inlined so that a chart is one round trip away).
 *
 * A meta tag cannot carry `frame-ancestors`, and it reaches only HTML; the response headers
 * (src/render/response-headers.ts: the built `_headers` file, and `scripts/deploy/nginx.conf`, which a
 * test checks against it) send `HEADER_POLICY` for that, with directives that repeat the meta's word
 * for word. The header has no `default-src` and no `style-src`: both policies are enforced, and
 * a host-wide header cannot list each page's style hashes.
 */
export const PAGE_DIRECTIVES = [
  "default-src 'none'",
  "img-src 'self' data:",
  "font-src 'self'",
  // For auditing tools only (Lighthouse reads robots.txt from inside the page); the site runs no script.
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "script-src 'none'",
] as const;

/** The Content-Security-Policy header: site pages may not be framed; embeds may be framed by anyone. */
export const HEADER_POLICY = {
  site: "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  embed: "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors *",
} as const;

const META = /<meta http-equiv="content-security-policy" content="([^"]*)">/g;
const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;

/** The CSP source expression for a style or script text: `'sha256-…'` of its UTF-8 bytes. */
function cspHash(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/**
 * One built page with its exact policy. Astro's meta tag lists every hash the whole site might need
 * (its island scripts and styles among them, though we ship none) beside `'self'`; this keeps Astro's
 * tag where Astro put it (before any style) and rewrites its content to `PAGE_DIRECTIVES` plus the
 * hashes of this page's own `<style>` elements, each of which Astro must have hashed too.
 * @param html A page as Astro wrote it.
 * @param file Its path, for the error message.
 * @throws {Error} when the page has no policy tag, several, or a style Astro did not hash.
 */
export function withExactPolicy(html: string, file: string): string {
  const metas = [...html.matchAll(META)];
  if (metas.length !== 1) throw new Error(`${file}: expected one content-security-policy meta tag from Astro's security.csp, found ${metas.length}`);
  const [tag, astroPolicy] = [metas[0]![0], metas[0]![1]!];
  const styles = [...html.matchAll(STYLE)].map((m) => cspHash(m[1]!));
  for (const hash of styles) {
    if (!astroPolicy.includes(hash)) throw new Error(`${file}: Astro's policy does not list ${hash}, the hash of one of the page's styles`);
  }
  if (html.indexOf(tag) > html.search(/<style\b/i) && styles.length > 0) throw new Error(`${file}: the content-security-policy meta tag comes after a style`);
  const styleSrc = styles.length > 0 ? `style-src ${[...new Set(styles)].join(" ")}` : "style-src 'none'";
  return html.replace(tag, () => `<meta http-equiv="content-security-policy" content="${[...PAGE_DIRECTIVES, styleSrc].join("; ")}">`);
}
