import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { expect, it } from "vitest";

/**
 * dependency-cruiser (npm run lint:deps, part of npm test) checks the layers of every .ts module;
 * it cannot parse .astro files, so their imports are checked here against the same order.
 */
const LAYERS = ["data", "charts", "render", "figures", "components|layouts", "stories", "pages"];
const layerOf = (path: string) => LAYERS.findIndex((l) => l.split("|").some((name) => path.startsWith(`src/${name}/`)));
const astroFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? astroFiles(join(dir, d.name)) : d.name.endsWith(".astro") ? [join(dir, d.name)] : [],
  );

it("every .astro file imports only from its own layer or the layers below it", () => {
  const files = astroFiles("src");
  expect(files.length).toBeGreaterThan(15);
  const upward: string[] = [];
  let checked = 0;
  for (const file of files) {
    for (const [, spec] of readFileSync(file, "utf8").matchAll(/^import[^"']*["'](\.{1,2}\/[^"']+)["']/gm)) {
      const target = normalize(join(dirname(file), spec!));
      checked++;
      if (layerOf(target) > layerOf(file)) upward.push(`${file} → ${target}`);
    }
  }
  expect(checked).toBeGreaterThan(40);
  expect(upward).toEqual([]);
});
