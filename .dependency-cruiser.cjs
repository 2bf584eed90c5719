/**
 * The layers of the site, bottom to top; every import points down (or stays within its layer):
 *
 *   src/data      read, check and version the data; facts, citations and formats for words
 *   src/charts    chart definitions: rows in, Plot options and words out (no DOM)
 *   src/render    Plot options to SVG (linkedom), palettes, share images (knows no chart)
 *   src/figures   a figure from a chart id and a version: both widths, words, table, sources
 *   src/components, src/layouts   Astro components and page layouts
 *   src/stories   story checks (the MDX plugin, frontmatter, citations order) and story lists
 *   src/pages     routes
 *
 * scripts/ may use any layer; nothing in src/ or scripts/ imports tests/. `npm test` runs this.
 * (.astro files are not parsed by dependency-cruiser; `tests/build/layers.test.ts` checks their imports.)
 */
const layers = ["data", "charts", "render", "figures", "components|layouts", "stories", "pages"];
const above = (i) => layers.slice(i + 1).join("|");

/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", comment: "Modules must not import each other in a circle.", from: {}, to: { circular: true } },
    {
      name: "no-tests-in-production",
      severity: "error",
      comment: "src/ and scripts/ never import tests/.",
      from: { path: "^(src|scripts)/" },
      to: { path: "^tests/" },
    },
    ...layers.slice(0, -1).map((layer, i) => ({
      name: `no-upward-from-${layer.split("|")[0]}`,
      severity: "error",
      comment: `src/${layer} may import only the layers below it.`,
      from: { path: `^src/(${layer})/` },
      to: { path: `^src/(${above(i)})/` },
    })),
    {
      name: "render-knows-no-chart",
      severity: "error",
      comment: "src/render turns any Plot options into SVG; it must not know a chart.",
      from: { path: "^src/render/" },
      to: { path: "^src/charts/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "^(node_modules|dist|\\.astro)/" },
  },
};
