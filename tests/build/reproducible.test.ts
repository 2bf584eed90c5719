import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, expect, it } from "vitest";
import { buildSite } from "../support/build-site";
import { copyProject } from "../support/project-copy";

// Two fresh copies of the project: no shared Astro cache, different absolute paths.
const projects = [copyProject(), copyProject()];
const outs = projects.map((p) => join(p.root, "dist"));
afterAll(() => projects.forEach((p) => p.remove()));

const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));

it("two clean builds of the same commit produce byte-identical dist/ folders", async () => {
  for (const [i, out] of outs.entries()) expect((await buildSite(out, {}, projects[i]!.root)).code).toBe(0);
  const [a, b] = outs.map((out) => files(out).map((f) => relative(out, f)).sort());
  expect(a).toEqual(b);
  const differing = a!.filter((f) => !readFileSync(join(outs[0]!, f)).equals(readFileSync(join(outs[1]!, f))));
  expect(differing).toEqual([]);
  expect(a!.length).toBeGreaterThan(50);
}, 120_000);
