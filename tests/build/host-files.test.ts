import { readFileSync } from "node:fs";
import { parse as parseToml } from "smol-toml";
import { expect, it } from "vitest";
import { parse as parseYaml } from "yaml";

const readme = readFileSync("README.md", "utf8");
/** The README's deploy guide: from "## Deploy anywhere" to the next section. */
const guide = /^## Deploy anywhere\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? "";
/** The build command the guide gives for a host, from its bullet ("**Netlify**: … build command `…`"). */
const guideCommand = (host: string) => new RegExp(`^- \\*\\*${host}\\*\\*[\\s\\S]*?build command \`([^\`]+)\``, "m").exec(guide)?.[1];

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  id?: string;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency: { group: string; "cancel-in-progress": boolean };
  jobs: Record<string, { needs?: string; environment?: { name: string }; steps: Step[] }>;
}

it("netlify.toml is valid TOML: Netlify installs, the command only builds as the README says, and dist/ is published", () => {
  const config = parseToml(readFileSync("netlify.toml", "utf8")) as { build: Record<string, unknown> };
  expect(config).toEqual({ build: { command: "npm run build", publish: "dist" } });
  expect(guideCommand("Netlify")).toBe("npm run build");
  expect(guideCommand("Cloudflare Pages")).toBe("npm run build");
});

it(".github/workflows/pages.yml is valid YAML that installs, builds with the Pages site's address and deploys, as the README says", () => {
  const workflow = parseYaml(readFileSync(".github/workflows/pages.yml", "utf8")) as Workflow;
  expect(Object.keys(workflow.on).sort()).toEqual(["push", "schedule", "workflow_dispatch"]);
  // Daily, so that a scheduled story appears on its day (content/README.md, "Scheduling").
  expect(workflow.on.schedule).toEqual([{ cron: "5 0 * * *" }]);
  expect(workflow.permissions).toEqual({ contents: "read", pages: "write", "id-token": "write" });
  expect(workflow.concurrency).toEqual({ group: "pages", "cancel-in-progress": false });
  const build = workflow.jobs.build!.steps;
  const uses = (action: string) => build.find((s) => s.uses?.startsWith(`${action}@`));
  expect(uses("actions/setup-node")?.with?.["node-version-file"]).toBe(".nvmrc");
  expect(build.filter((s) => s.run).map((s) => s.run)).toEqual(["npm ci", "npm run build"]);
  // The address comes from configure-pages' outputs: the origin, and the base path (empty at a domain root) with a slash after it.
  expect(uses("actions/configure-pages")?.id).toBe("pages");
  expect(build.find((s) => s.run === "npm run build")?.env).toEqual({
    SITE_URL: "${{ steps.pages.outputs.origin }}",
    BASE_PATH: "${{ steps.pages.outputs.base_path }}/",
  });
  // Installed before the address is read and the site built, and uploaded after.
  const order = ["actions/checkout", "actions/setup-node", "actions/configure-pages", "npm ci", "npm run build", "actions/upload-pages-artifact"];
  expect(build.map((s) => s.run ?? s.uses!.split("@")[0])).toEqual(order);
  expect(uses("actions/upload-pages-artifact")?.with).toEqual({ path: "dist" });
  const deploy = workflow.jobs.deploy!;
  expect(deploy.needs).toBe("build");
  expect(deploy.environment?.name).toBe("github-pages");
  expect(deploy.steps.map((s) => s.uses?.split("@")[0])).toEqual(["actions/deploy-pages"]);
  // The guide's GitHub Pages steps name the same commands and the one setting.
  const pages = /^- \*\*GitHub Pages\*\*[\s\S]*?(?=^- \*\*|^\S)/m.exec(guide)?.[0] ?? "";
  for (const text of ["`.github/workflows/pages.yml`", "`npm ci`", "`npm run build`", "Source: GitHub Actions", "Custom domain"]) expect(pages).toContain(text);
});
