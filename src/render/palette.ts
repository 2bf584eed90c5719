/**
 * Every colour of the site, declared once, per scheme. The CSS custom properties the stylesheet and
 * the charts use (`var(--fg)`, `var(--map-3)`…) are generated from this (`paletteCss`, served to
 * the page as the stylesheet `virtual:palette.css`), and images that cannot use CSS (share images,
 * PNG fallbacks) take the light scheme from here too.
 */
const colours = {
  /** The default scheme, and everything that is drawn outside a page. */
  light: {
    "--bg": "#ffffff",
    "--fg": "#1a1a1a",
    "--muted": "#595959",
    "--rule": "#d0d0d0",
    "--link": "#0b57a4",
    "--panel": "#f3f3f1",
    "--focus": "#b3005e",
    "--chart-accent": "#b3311d",
    "--chart-muted": "#595959",
    // Maps: a ramp of the accent hue, a neutral "no figure" grey off the ramp, and London.
    "--map-none": "#e4e4e1",
    "--map-edge": "#767676",
    "--map-origin": "#3d3d3d",
    "--map-1": "#f6c8b8",
    "--map-2": "#ec8e72",
    "--map-3": "#d35636",
    "--map-4": "#9b2a14",
  },
  /** On screens whose reader prefers dark: every colour above, for a dark page. */
  dark: {
    "--bg": "#121212",
    "--fg": "#ececec",
    "--muted": "#b0b0b0",
    "--rule": "#444444",
    "--link": "#8cc4ff",
    "--panel": "#1f1f1f",
    "--focus": "#ff7ab8",
    "--chart-accent": "#ff8a70",
    "--chart-muted": "#b0b0b0",
    "--map-none": "#3a3a3a",
    "--map-edge": "#8c8c8c",
    "--map-origin": "#d9d9d9",
    "--map-1": "#5c2a1f",
    "--map-2": "#8f3b26",
    "--map-3": "#cc5a3b",
    "--map-4": "#ff9d80",
  },
  /** On paper: the light scheme with black text and links, whatever the screen's scheme. */
  print: {
    "--bg": "#fff",
    "--fg": "#000",
    "--muted": "#333",
    "--link": "#000",
    "--chart-accent": "#a32a17",
  },
} as const;

const declarations = (scheme: Readonly<Record<string, string>>) =>
  Object.entries(scheme)
    .map(([name, value]) => `${name}: ${value};`)
    .join(" ");

/** The stylesheet declaring the colours: light on :root, dark on screens that prefer it, and print. */
export function paletteCss(): string {
  return [
    `:root { color-scheme: light dark; ${declarations(colours.light)} }`,
    `@media screen and (prefers-color-scheme: dark) { :root { ${declarations(colours.dark)} } }`,
    `@media print { :root { color-scheme: light; ${declarations(colours.print)} } }`,
  ].join("\n");
}

/** The light scheme's custom properties, for images that cannot use CSS. */
export function lightPalette(): Map<string, string> {
  return new Map(Object.entries(colours.light));
}

/** The dark scheme's custom properties, for images drawn for readers who prefer dark (the dark embed SVG). */
export function darkPalette(): Map<string, string> {
  return new Map(Object.entries(colours.dark));
}

/**
 * Replaces `var(--name)` and `currentColor` in SVG markup with light-scheme colours, so the SVG
 * renders the same outside a page (in sharp/librsvg, which knows no custom properties); text that
 * inherited the page's font gets `fontFamily` (by default the fonts the build machine rasterises with).
 */
export function inlineColors(svg: string, palette = lightPalette(), fontFamily = "DejaVu Sans, Liberation Sans, Arial, sans-serif"): string {
  return svg
    .replace(/var\((--[\w-]+)\)/g, (match, name: string) => palette.get(name) ?? match)
    .replaceAll("currentColor", palette.get("--fg") ?? "#000")
    .replace(/font-family="inherit"/g, `font-family="${fontFamily}"`);
}
