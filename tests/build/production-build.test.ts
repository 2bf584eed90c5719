import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { storyFiles, storySlug } from "../../src/stories/story-files";
import { catalog } from "../../src/data/versions/catalog";
import { ALL_EMBEDS } from "../support/expected-embeds";
import { nuCheck } from "../support/nu-checker";

/** The shared root build (tests/support/shared-builds.ts). */
const result = inject("rootBuild");
const out = result.out;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Story slugs (their paths under content/stories without .mdx). */
const stories = storyFiles().map(storySlug);
const text = (html: string) =>
  html
    .replace(/<svg[\s\S]*?<\/svg>/g, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/\s+/g, " ");

describe("the production build", () => {
  it("succeeds", () => {
    expect(result.stderr + result.stdout).not.toMatch(/Build failed/);
    expect(result.code).toBe(0);
  });

  it("writes a page for every story, the home page, about, data and 404 pages", () => {
    for (const story of stories) {
      const draft = /^draft:\s*true\s*$/m.test(readFileSync(`content/stories/${story}.mdx`, "utf8"));
      const page = join(out, "stories", story, "index.html");
      expect(existsSync(page), page).toBe(!draft);
    }
    for (const page of ["index.html", "about/index.html", "data/index.html", "404.html"]) expect(statSync(join(out, page)).isFile()).toBe(true);
  });

  it("ships no JavaScript: no .js file, and no script on any page but JSON-LD data blocks, which browsers never run", () => {
    const all = files(out);
    expect(all.filter((f) => /\.m?js$/.test(f)).map((f) => relative(out, f))).toEqual([]);
    let blocks = 0;
    for (const html of all.filter((f) => f.endsWith(".html"))) {
      const source = readFileSync(html, "utf8");
      const scripts = [...source.matchAll(/<script\b([^>]*)>/gi)].map((m) => m[1]!);
      // Exactly the data-block type, nothing else on the tag: no src, no event handler, no module.
      expect(
        scripts.filter((attrs) => attrs !== ' type="application/ld+json"'),
        relative(out, html),
      ).toEqual([]);
      expect(source, relative(out, html)).not.toMatch(/\son[a-z]+=/i);
      blocks += scripts.length;
    }
    // Four stories and the Data page.
    expect(blocks).toBe(5);
  });

  it("gives every page its whole policy in a meta tag: no script, and the hashes of exactly its own inline styles", () => {
    const pages = files(out).filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      const html = readFileSync(file, "utf8");
      const name = relative(out, file);
      // The CSS is inline: no stylesheet to fetch before a chart can show.
      expect(html, name).not.toMatch(/<link[^>]+rel="stylesheet"/);
      const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
      expect(styles.length, name).toBe(1);
      const metas = [...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)">/g)];
      expect(metas.length, name).toBe(1);
      // Before the first style, or the style would be parsed under no policy.
      expect(metas[0]!.index, name).toBeLessThan(html.indexOf("<style>"));
      const hash = (css: string) => `'sha256-${createHash("sha256").update(css).digest("base64")}'`;
      expect(metas[0]![1]!.split("; "), name).toEqual([
        "default-src 'none'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "script-src 'none'",
        `style-src ${styles.map(hash).join(" ")}`,
      ]);
    }
  });

  it("states every figure of the original coverage in the main story's text", () => {
    // The prose alone: figures (charts, their tables and embed code), footnote markers and the source
    // list repeat numbers, so they are taken out; each figure must then stand as a whole number.
    const html = readFileSync(join(out, "stories", "county-lines-london", "index.html"), "utf8");
    const article = /<article[\s\S]*<\/article>/.exec(html)?.[0] ?? "";
    const story = text(
      article
        .replace(/<figure[\s\S]*?<\/figure>/g, " ")
        .replace(/<sup[\s\S]*?<\/sup>/g, " ")
        .replace(/<(section|footer)[^>]*class="[^"]*sources[\s\S]*?<\/\1>/g, " "),
    );
    expect(story.length).toBeGreaterThan(2000);
    expect(story).not.toMatch(/<svg|iframe/);
    const figures = [
      "4,013",
      "46%",
      "29%",
      "34%",
      "89%",
      "90%",
      "15%",
      "41",
      "11",
      "62",
      "Norfolk",
      "Hampshire",
      "Essex",
      "Sussex",
      "Thames Valley",
      "416",
      "369",
      "336",
      "251",
      "568",
      "243",
      "about 33",
      "about 2,000",
      "£800,000",
      "720",
    ];
    const whole = (figure: string) => new RegExp(`(?<![\\w£.,])${figure.replace(/[.*+?^${}()|[\]\\£]/g, "\\$&")}(?![\\w%]|[.,]\\d)`);
    for (const figure of figures) expect(story, figure).toMatch(whole(figure));
  });

  it("passes html-validate (recommended rules, config in .htmlvalidate.json) on every page", async () => {
    // Installed by `npm test` (pretest) in tests/tools; see tests/tools/README.md for why it lives there.
    interface Report {
      results: { messages: { ruleId: string; line: number; column: number; message: string }[] }[];
    }
    const { HtmlValidate } = (await import(join(process.cwd(), "tests/tools/node_modules/html-validate/dist/esm/index.js"))) as {
      HtmlValidate: new (config: object) => { validateFile(path: string): Promise<Report>; validateString(html: string): Promise<Report> };
    };
    // The config is passed explicitly: dist/ is in a temporary folder, where no config file would be found.
    const validator = new HtmlValidate(JSON.parse(readFileSync(".htmlvalidate.json", "utf8")) as object);
    const sample = await validator.validateString('<!doctype html><html lang="en"><head><title>t</title></head><body><p style="color:red">x</p></body></html>');
    expect(sample.results.flatMap((r) => r.messages.map((m) => m.ruleId))).toContain("no-inline-style"); // the rules are really on
    const pages = files(out).filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const report = await validator.validateFile(page);
      const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`));
      expect(messages, relative(out, page)).toEqual([]);
    }
  });

  it("passes the W3C Nu HTML Checker with no error on every page", () => {
    const pages = files(out).filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(10);
    // Control: a page with the error the checker once found here (Plot's font-variant on a <g>).
    const control = join(out, "..", "nu-control");
    mkdirSync(control, { recursive: true });
    writeFileSync(
      join(control, "bad.html"),
      '<!doctype html><html lang="en"><head><title>x</title></head><body><svg><g font-variant="tabular-nums"></g></svg></body></html>',
    );
    const report = nuCheck([control, out]);
    expect(report.errors.filter((e) => e.startsWith(control))).toEqual([
      `${join(control, "bad.html")}:1:72: Bad value “tabular-nums” for attribute “font-variant” on element “g”.`,
    ]);
    expect(report.checked.filter((f) => f.startsWith(out)).sort()).toEqual(pages.sort());
    expect(report.errors.filter((e) => !e.startsWith(control))).toEqual([]);
  }, 120_000); // One Java process validates every page: 10-25 s, longer on a loaded machine.

  it("links every CSV download to a file in the build that is byte-identical to data/", () => {
    const pages = files(out).filter((f) => f.endsWith(".html"));
    const links = new Set(pages.flatMap((p) => [...readFileSync(p, "utf8").matchAll(/href="([^"]+\.csv)"/g)].map((m) => m[1]!)));
    expect(links.size).toBeGreaterThanOrEqual(5);
    for (const link of links) {
      expect(link).toMatch(/^\/data\/[a-z-]+\/\d{4}-\d{2}-\d{2}(?:-c\d+)?\/[a-z0-9-]+\.csv$/);
      expect(readFileSync(join(out, link)).equals(readFileSync(link.slice(1))), link).toBe(true);
    }
  });

  it("keeps the Year 1 stories on Year 1 values now that Year 2 is the site's current version", () => {
    // The test means something only while the catalog has moved on from Year 1.
    expect(catalog["rescue-and-response"]).not.toBe("2019-09-18");
    const facts = (story: string) => {
      const html = readFileSync(join(out, "stories", story, "index.html"), "utf8");
      return [...html.matchAll(/<span class="fact"(?: id="[^"]+")? data-fact="([^"]+)" data-version="([^"]+)"[^>]*>([^<]+)</g)].map((m) => ({
        id: m[1],
        version: m[2],
        text: m[3],
      }));
    };
    const main = facts("county-lines-london");
    // Pinned to the corrected Year 1 (2019-09-18-c1), whose 4,013 is unchanged.
    expect(main.find((f) => f.id === "linked-total")).toEqual({ id: "linked-total", version: "2019-09-18-c1", text: "4,013" });
    expect(main.filter((f) => f.version?.startsWith("2020-09-30"))).toEqual([]);
    const html = readFileSync(join(out, "stories", "county-lines-london", "index.html"), "utf8");
    // The destinations chart still draws Year 1 (Norfolk 416 first), and says which version.
    expect(html).toContain("rescue-and-response, version 2019-09-18-c1");
    expect(text(html)).toMatch(/1\. Norfolk\s*416/);
    // The comparison story reads both versions, each Fact naming its own.
    const changed = facts("what-changed-in-year-two").filter((f) => f.id === "linked-total");
    expect(changed).toEqual([
      { id: "linked-total", version: "2020-09-30-c1", text: "3,290" },
      { id: "linked-total", version: "2019-09-18-c1", text: "4,013" },
    ]);
  });

  it("lists, under each story, exactly the sources the page cites, numbered in order of first use", () => {
    for (const story of stories) {
      const html = readFileSync(join(out, "stories", story, "index.html"), "utf8");
      const list = [
        ...(/<ol class="source-list">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? "").matchAll(/<li id="source-(\d+)"[^>]*>\s*<span class="source-id">\[(\w+)\]/g),
      ].map((m) => ({ n: Number(m[1]), id: m[2]! }));
      expect(list.length, story).toBeGreaterThan(3);
      expect(
        list.map((l) => l.n),
        story,
      ).toEqual(list.map((_, i) => i + 1));
      expect(new Set(list.map((l) => l.id)).size, `${story}: each source once`).toBe(list.length);
      // Where the body uses a source, in page order: a footnote link (#source-N), or a figure's credit line,
      // whose runs ("Sources 1–3") stand for every number in them. A figure's full credit, in its
      // disclosure, names every source of its data, listed or not: it is not a use.
      const body = (/<div class="story-body">([\s\S]*)<section class="story-sources"/.exec(html)?.[1] ?? "").replace(
        /<details class="chart-more">[\s\S]*?<\/details>/g,
        "",
      );
      const idOf = new Map(list.map((l) => [l.n, l.id]));
      const used = [...body.matchAll(/href="#source-(\d+)"(?: aria-label="Sources (\d+)–(\d+)")?/g)].flatMap((m) => {
        const [from, to] = [Number(m[1]), Number(m[3] ?? m[1])];
        return Array.from({ length: to - from + 1 }, (_, i) => idOf.get(from + i));
      });
      const firstUse = used.filter((id, i) => used.indexOf(id) === i);
      expect(firstUse, `${story}: sources in order of first use`).toEqual(list.map((l) => l.id));
    }
  });

  it("quotes, under every source a story lists, the words the page rests on, each linked to where the page uses it", () => {
    // The records' passages, read here straight from data/sources.json (not through the site's code).
    const records = JSON.parse(readFileSync("data/sources.json", "utf8")) as { sources: Record<string, { passages: Record<string, { text: string }> }> };
    let quotes = 0;
    for (const story of stories) {
      const html = readFileSync(join(out, "stories", story, "index.html"), "utf8");
      const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
      const list = /<ol class="source-list">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? "";
      const entries = list.split(/<li id="source-\d+">/).slice(1);
      expect(entries.length, story).toBeGreaterThan(5);
      for (const entry of entries) {
        const id = /<span class="source-id">\[(\w+)\]/.exec(entry)![1]!;
        const quoted = [...entry.matchAll(/<li><q>([^<]*)<\/q> <a href="#([^"]+)">Where we use it<\/a><\/li>/g)];
        expect(quoted.length, `${story} [${id}]: quotes at least one passage`).toBeGreaterThan(0);
        const held = Object.values(records.sources[id]!.passages).map((p) => p.text);
        for (const [, text, target] of quoted) {
          // Word for word one we hold (the page escapes ' as &#39;).
          expect(held, `${story} [${id}]`).toContain(text!.replaceAll("&#39;", "'").replaceAll("&amp;", "&").replaceAll("&quot;", '"'));
          expect(ids.has(target), `${story} [${id}] links to #${target}, which the page has`).toBe(true);
          quotes += 1;
        }
      }
    }
    expect(quotes).toBeGreaterThan(50);
  });

  it("shows the 1 December 2026 corrections on each story, on the corrections page, in the feed and in the Data page changelog", () => {
    const corrections = readFileSync(join(out, "corrections/index.html"), "utf8");
    const rss = readFileSync(join(out, "rss.xml"), "utf8");
    // One item per error, each with the id its story declares (listed here by hand).
    const ids: Record<string, string[]> = {
      "county-lines-london": [
        "essex-towns",
        "national-lines",
        "first-of-its-kind",
        "norfolk-distance",
        "linked-not-dealers",
        "never-published",
        "typed-figures",
        "borough-map",
        "headline",
        "nearly-all-male",
        "mostly-young",
        "age-chart-title",
      ],
      "who-is-drawn-in": ["recruitment", "no-figures", "overwhelmingly-male", "national-male-share", "train-links"],
      "getting-out": ["top-boroughs", "report-order", "overwhelmed", "more-hopeful", "programme-value", "council-rates"],
      "what-changed-in-year-two": ["trend-words", "shorter-window", "never-published", "uncited"],
    };
    const items = [...rss.matchAll(/<item>([\s\S]*?)<\/item>/g)]
      .map((m) => m[1]!)
      .filter((i) => i.includes("<title>Correction: ") && i.includes("<pubDate>Tue, 01 Dec 2026"));
    for (const [story, list] of Object.entries(ids)) {
      const html = readFileSync(join(out, "stories", story, "index.html"), "utf8");
      for (const id of list) {
        const anchor = `correction-2026-12-01-${id}`;
        expect(html, `${story} #${anchor}`).toMatch(new RegExp(`<li id="${anchor}"><time datetime="2026-12-01">1 December 2026</time>: \\S`));
        expect(corrections, `${story} #${anchor}`).toContain(`href="/stories/${story}/#${anchor}"`);
        expect(
          items.filter((i) => i.includes(`<guid isPermaLink="true">https://county-lines.example.org/stories/${story}/#${anchor}</guid>`)),
          `${story} #${anchor} in the feed`,
        ).toHaveLength(1);
      }
    }
    expect(items).toHaveLength(Object.values(ids).flat().length);
    const data = text(readFileSync(join(out, "data", "index.html"), "utf8"));
    expect(data).toContain("Version 2019-09-18-c1: Corrects version 2019-09-18. Southend (36) and Basildon (30) are removed from towns.csv");
    expect(data).toContain("Version 2019-01-30-c1: Corrects version 2019-01-30. The 2017 count of at least 720 lines is marked conflicting");
    expect(data).toContain("Version 2019-01-30-c2 (current): Corrects the wording of version 2019-01-30-c1");
    expect(data).toMatch(/Southend southend\s*towns\s*36† \(Research period\)\s*—\s*No figure in 2019-09-18-c1/);
  });

  it("embeds each chart at the data version of the story that placed it", () => {
    // Exactly the embeds the stories call for, listed by hand (tests/support/expected-embeds.ts), each with its PNG and SVG.
    const built = readdirSync(join(out, "embed")).flatMap((id) =>
      readdirSync(join(out, "embed", id), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => `${id}/${d.name}`),
    );
    expect(built.sort()).toEqual([...ALL_EMBEDS].sort());
    for (const embed of ALL_EMBEDS) {
      expect(existsSync(join(out, "embed", embed, "index.html")), embed).toBe(true);
      for (const ext of [".png", ".svg"]) expect(existsSync(join(out, "embed", `${embed}${ext}`)), `${embed}${ext}`).toBe(true);
    }
    // The kept embed says it has been corrected, and links to the correction.
    const old = readFileSync(join(out, "embed", "destinations", "2019-09-18", "index.html"), "utf8");
    expect(text(old)).toContain("Corrected since. This chart shows rescue-and-response version 2019-09-18, which has been corrected");
    expect(old).toContain('href="/embed/destinations/2019-09-18-c1/"');
    expect(existsSync(join(out, "embed", "year-two-changes", "2020-09-30-c1", "index.html"))).toBe(true);
    const embed = text(readFileSync(join(out, "embed", "year-two-changes", "2020-09-30-c1", "index.html"), "utf8"));
    expect(embed).toContain("Not like for like.");
    // The Year 2 story's charts once read 2020-09-30, whose notes said "Rank not published": kept, marked corrected.
    const kept = text(readFileSync(join(out, "embed", "year-two-changes", "2020-09-30", "index.html"), "utf8"));
    expect(kept).toContain("Corrected since. This chart shows rescue-and-response version 2020-09-30, which has been corrected");
    expect(kept).toContain("Rank not published"); // the kept embed keeps its own version's notes
    // The story now reads the corrected notes: none of the old "not published" wordings is left.
    expect(text(readFileSync(join(out, "stories", "what-changed-in-year-two", "index.html"), "utf8"))).not.toMatch(
      /Rank not published|exact rank was not published|count was not published|borough count published/,
    );
  });

  it("lists every data version with its changelog and a generated table of what changed", () => {
    const data = readFileSync(join(out, "data", "index.html"), "utf8");
    expect(data).toContain('id="changelog"');
    // Every version folder of every dataset, read from data/ itself.
    const versions = readdirSync("data", { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(join("data", d.name)).map((v) => `${d.name}-${v}`));
    expect(versions.length).toBeGreaterThanOrEqual(6);
    for (const version of versions) expect(data).toContain(`href="#${version}"`);
    const diff = /<details class="version-diff" id="diff-rescue-and-response-2019-09-18-c2-2020-09-30">([\s\S]*?)<\/details>/.exec(data)?.[1] ?? "";
    expect(text(diff)).toMatch(
      /Norfolk norfolk\s*destinations\s*416 \(Research period\)\s*198† \(Year 2 analysis period\)\s*Changed: value, rank, period, status, sources/,
    );
    expect(text(diff)).toMatch(/Brighton brighton\s*towns\s*—\s*128† \(Year 2 analysis period\)\s*New in 2020-09-30/);
  });
});
