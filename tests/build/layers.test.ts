import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, normalize, resolve } from "node:path";
import { expect, it } from "vitest";

/**
 * dependency-cruiser (npm run lint:deps, part of npm test) checks the layers of every .ts module;
 * it cannot parse .astro files, so their imports are checked here against the same rules, read from
 * its config (.dependency-cruiser.cjs): every forbidden rule that names a from and a to path.
 */
const { forbidden } = createRequire(import.meta.url)(resolve(".dependency-cruiser.cjs")) as {
  forbidden: { name: string; from: { path?: string }; to: { path?: string } }[];
};
const rules = forbidden.filter((r) => r.from.path && r.to.path).map((r) => ({ name: r.name, from: new RegExp(r.from.path!), to: new RegExp(r.to.path!) }));
const broken = (from: string, to: string) => rules.filter((r) => r.from.test(from) && r.to.test(to)).map((r) => r.name);
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
      for (const rule of broken(file, target)) upward.push(`${file} → ${target} (${rule})`);
    }
  }
  expect(checked).toBeGreaterThan(40);
  expect(rules.length).toBeGreaterThan(5);
  // The rules really apply: a figure importing a page, and a chart importing the renderer, are refused.
  expect(broken("src/figures/x.ts", "src/pages/index.astro")).toEqual(["no-upward-from-figures"]);
  expect(broken("src/charts/x.ts", "src/render/palette.ts")).toEqual(["no-upward-from-charts"]);
  expect(upward).toEqual([]);
});
