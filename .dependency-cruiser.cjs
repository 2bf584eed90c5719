/**
 * The layers of the site, bottom to top; every import points down (or stays within its group):
 *
 *   src/data                 read, check and version the data; facts, citations and formats for words
 *   src/charts | src/render  side by side, neither importing the other:
 *                            charts: chart definitions, rows in, Plot options and words out (no DOM);
 *                            render: any Plot options to SVG (linkedom), palettes, share images (knows no chart)
 *   src/figures              a figure from a chart id and a version: both widths, words, table, sources
 *   src/components, src/layouts   Astro components and page layouts (one group: layouts use components)
 *   src/stories              story checks (the MDX plugin, frontmatter, citations order) and story lists
 *   src/pages                routes
 *
 * scripts/ may use any layer; nothing in src/ or scripts/ imports tests/. `npm test` runs this.
 * (.astro files are not parsed by dependency-cruiser; `tests/build/layers.test.ts` checks their imports.)
 */
const levels = [["data"], ["charts", "render"], ["figures"], ["components|layouts"], ["stories"], ["pages"]];
const higher = (i) => levels.slice(i + 1).flat();

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
    ...levels.flatMap((level, i) =>
      level
        .map((group) => {
          const forbidden = [...level.filter((g) => g !== group), ...higher(i)];
          return {
            name: `no-upward-from-${group.split("|")[0]}`,
            severity: "error",
            comment: `src/${group} may import only the layers below it${level.length > 1 ? ` (not its sibling ${level.filter((g) => g !== group).join(", ")})` : ""}.`,
            from: { path: `^src/(${group})/` },
            to: { path: `^src/(${forbidden.join("|")})/` },
          };
        })
        .filter((rule) => !rule.to.path.endsWith("()/")),
    ),
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "^(node_modules|dist|\\.astro)/" },
  },
};
