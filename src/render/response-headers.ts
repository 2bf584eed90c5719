import { HEADER_POLICY } from "./content-security-policy";

/** Headers every response carries: no referrer beyond the origin, no MIME sniffing, no powerful features, always revalidated (the CSS is inline: no long-lived assets). */
const COMMON = {
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Content-Type-Options": "nosniff",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "Cache-Control": "public, max-age=0, must-revalidate",
} as const;

/**
 * The HTTP response headers the site asks a host to send, declared once: the build writes
 * `dist/_headers` from it (Netlify and Cloudflare Pages read that file), and `tests/build/headers.test.ts` checks `scripts/deploy/nginx.conf` against it. Embeds
 * differ only in their Content-Security-Policy: other sites may frame them.
 */
export const RESPONSE_HEADERS = {
  site: { "Content-Security-Policy": HEADER_POLICY.site, ...COMMON },
  embed: { "Content-Security-Policy": HEADER_POLICY.embed, ...COMMON },
} as const;

/**
 * The `_headers` file for a site whose paths start with `base` at the host's root ("/", or e.g.
 * "/news/county-lines/" for the root file of a larger site that holds this one in that folder): every path
 * gets the site's headers, and the embed rule, which comes later, gives what differs. Netlify serves the
 * most specific rule's value; Cloudflare Pages is documented to apply every matching rule, so there an
 * embed's two Content-Security-Policy values may both arrive (not tested here: see the README's hosts).
 * @example headersFile("/") // "…\n/*\n  Content-Security-Policy: …\n\n/embed/*\n  Content-Security-Policy: … frame-ancestors *\n"
 */
export function headersFile(base: string): string {
  const rule = (pattern: string, headers: Record<string, string>) =>
    `${pattern}\n${Object.entries(headers)
      .map(([name, value]) => `  ${name}: ${value}`)
      .join("\n")}\n`;
  const differs = Object.fromEntries(
    Object.entries(RESPONSE_HEADERS.embed).filter(([name, value]) => RESPONSE_HEADERS.site[name as keyof typeof COMMON] !== value),
  );
  const where =
    base === "/"
      ? "# Paths are this folder's own: the file counts where the folder is served at the root of a host."
      : `# Paths start with ${base}: these rules belong in the root _headers of a site that holds this one in ${base}.`;
  return `# Security and caching headers for Netlify and Cloudflare Pages (both read this file at the root they serve).
# Written from src/render/response-headers.ts.
${where}
# Each page carries its whole Content-Security-Policy in a meta tag, so it holds on hosts that ignore this
# file; the header adds what a meta tag cannot carry (frame-ancestors) and covers files that are not HTML.

${rule(`${base}*`, RESPONSE_HEADERS.site)}
${rule(`${base}embed/*`, differs)}`;
}
