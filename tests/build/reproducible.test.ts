import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, expect, inject, it } from "vitest";
import { buildSite, hermeticEnv } from "../support/build-site";
import { copyProject } from "../../scripts/lib/project-copy";
import { ROOT_SETTINGS } from "../support/shared-builds";

// The shared root build (a fresh copy, TZ=UTC, C.UTF-8) against a second fresh copy of the project:
// no shared Astro cache, a different absolute path, and different machine settings: time zone,
// language and locale.
const shared = inject("rootBuild");
const project = copyProject();
const out = join(project.root, "dist");
const settings = [ROOT_SETTINGS, { TZ: "Pacific/Kiritimati", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8" }];
afterAll(project.remove);

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
  expect(shared.code, shared.stderr).toBe(0);
  expect(project.root).not.toBe(shared.root);
  const result = await buildSite(out, settings[1], project.root);
  expect(result.code, result.stderr).toBe(0);
  const [a, b] = [shared.out, out].map((dir) =>
    files(dir)
      .map((f) => relative(dir, f))
      .sort(),
  );
  expect(a!.length).toBeGreaterThan(50);
  expect(a).toEqual(b);
  const differing = a!.filter((f) => !readFileSync(join(shared.out, f)).equals(readFileSync(join(out, f))));
  expect(differing).toEqual([]);
}, 120_000);
