import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, expect, it } from "vitest";
import { buildSite, hermeticEnv } from "../support/build-site";
import { copyProject } from "../support/project-copy";

// Two fresh copies of the project: no shared Astro cache, different absolute paths, and different
// machine settings: time zone, language and locale.
const projects = [copyProject(), copyProject()];
const outs = projects.map((p) => join(p.root, "dist"));
const settings = [
  { TZ: "UTC", LANG: "C.UTF-8", LC_ALL: "C.UTF-8" },
  { TZ: "Pacific/Kiritimati", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8" },
];
afterAll(() => projects.forEach((p) => p.remove()));

const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));

it("the two machine settings really differ for Node (time zone and default locale)", () => {
  const seen = settings.map((env) =>
    execFileSync(process.execPath, ["-p", "const o = Intl.DateTimeFormat().resolvedOptions(); `${o.timeZone} ${o.locale} ${new Date(0).getHours()}`"], {
      env: { ...hermeticEnv(), ...env },
      encoding: "utf8",
    }).trim(),
  );
  expect(seen[0]).toBe("UTC en-US 0");
  expect(seen[1]).toMatch(/^Pacific\/Kiritimati de-DE (?!0$)\d+$/); // midnight UTC is not midnight there
});

it("two clean builds of the same commit, in different time zones and locales, produce byte-identical dist/ folders", async () => {
  for (const [i, out] of outs.entries()) {
    const result = await buildSite(out, settings[i], projects[i]!.root);
    expect(result.code, result.stderr).toBe(0);
  }
  const [a, b] = outs.map((out) =>
    files(out)
      .map((f) => relative(out, f))
      .sort(),
  );
  expect(a!.length).toBeGreaterThan(50);
  expect(a).toEqual(b);
  const differing = a!.filter((f) => !readFileSync(join(outs[0]!, f)).equals(readFileSync(join(outs[1]!, f))));
  expect(differing).toEqual([]);
}, 120_000);
