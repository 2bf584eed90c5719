/** The rules of a Netlify/Cloudflare `_headers` file's text, in order: path pattern → headers. */
export function parseHeaders(text: string): { pattern: string; headers: Record<string, string> }[] {
  const rules: { pattern: string; headers: Record<string, string> }[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: {} });
    else {
      const [name, ...value] = line.trim().split(":");
      rules.at(-1)!.headers[name!.trim()] = value.join(":").trim();
    }
  }
  return rules;
}

/** The headers a path gets: later, more specific rules override earlier ones, header by header. */
export function headersFor(rules: ReturnType<typeof parseHeaders>, path: string): Record<string, string> {
  const matches = rules.filter((r) => new RegExp(`^${r.pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`).test(path));
  return Object.assign({}, ...matches.map((r) => r.headers));
}
