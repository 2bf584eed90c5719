import { readFileSync } from "node:fs";
import { expect, it } from "vitest";

const readme = readFileSync("README.md", "utf8");
/** The README's first code block: the two commands a newcomer copies. */
const commands = (/^```sh\n([\s\S]*?)\n```$/m.exec(readme)?.[1] ?? "").split("\n").map((line) => line.replace(/\s+#.*$/, "").trim());
const packages = (command: string) => (/apt-get install -y ([^&]+)/.exec(command)?.[1] ?? "").trim().split(/\s+/).filter(Boolean);

it("the README begins with two commands: install exactly and serve the site, install everything and test", () => {
  expect(commands).toHaveLength(2);
  expect(commands[0]).toBe("npm ci && npm start");
  expect(commands[1]).toMatch(/^sudo apt-get update && sudo apt-get install -y [a-z0-9 -]+ && npm ci && npm test$/);
});

it("the test command names every system package the suite asks for when a tool is missing", () => {
  const named = packages(commands[1]!);
  expect(named.length).toBeGreaterThan(0);
  // Each missing-tool error names an install command; its packages must be in the README's command.
  const hints = ["scripts/serve/chromium.ts", "scripts/serve/nginx.ts", "tests/support/nu-checker.ts"].flatMap((f) =>
    [...readFileSync(f, "utf8").matchAll(/apt-get install -y ([a-z0-9 -]+)"/g)].flatMap((m) => m[1]!.split(" ")),
  );
  expect(hints.length).toBeGreaterThanOrEqual(3);
  expect(hints.filter((p) => !named.includes(p))).toEqual([]);
  // Fonts: share images and screenshots are drawn with DejaVu and Liberation.
  expect(named).toEqual(expect.arrayContaining(["chromium", "nginx-light", "default-jre-headless", "fonts-dejavu-core", "fonts-liberation"]));
});

it("CI runs the README's test command itself, with CI=true, and installs with npm ci only", () => {
  const ci = readFileSync(".ci/run", "utf8");
  expect(ci).toMatch(/^export CI=true\b/m);
  expect(ci).toContain("README.md");
  expect(ci).toMatch(/bash -c "\$test_command"/);
  for (const [file, text] of [
    [".ci/run", ci],
    ["README.md", readme],
    ["package.json", readFileSync("package.json", "utf8")],
    ["content/README.md", readFileSync("content/README.md", "utf8")],
  ] as const)
    expect(
      text.split("\n").filter((l) => /npm install\b/.test(l) && !/after changing a\s*$|run `npm install`, read the lockfile diff/.test(l)),
      file,
    ).toEqual([]);
});
