/**
 * `npm run proof`: every content check the build makes (data, frontmatter, story text), without
 * building pages, listing every problem at once as file:line:column and the fix. Exits 1 when there
 * is any problem.
 *
 * Usage: npm run proof
 */
import { proof } from "../src/stories/proof";

const started = performance.now();
const { problems, versions, stories, skipped, scheduled } = proof();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
for (const problem of problems) console.error(problem);
for (const line of scheduled) console.log(line);
if (skipped) console.error(skipped);
const checked = `${stories} ${stories === 1 ? "story" : "stories"} and ${versions} dataset versions in ${seconds} s`;
if (problems.length > 0) {
  console.error(`\n${problems.length} ${problems.length === 1 ? "problem" : "problems"} found (checked ${checked}). Nothing was built.`);
  process.exitCode = 1;
} else console.log(`No problems: checked ${checked}. Build with npm run build, or preview with npm run dev.`);
