import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { lostItems, storyInventory, type StoryInventory } from "../support/story-inventory";

// A story page in the layout of commit 47dd73a, cut down to one figure and two sources but written as
// src/components/ChartFigure.astro and src/layouts/StoryLayout.astro write it.
const BBC = "https://www.bbc.co.uk/news/uk-england-london-49751780";
const HANSARD = "https://hansard.parliament.uk/Commons/2018-01-17/debates/CountyLinesExploitationLondon";
const NE = "https://www.naturalearthdata.com/downloads/";
const IFRAME = `&lt;iframe src=&quot;https://county-lines.example.org/embed/map/v1/&quot; title=&quot;A map&quot; width=&quot;100%&quot; height=&quot;720&quot;&gt;&lt;/iframe&gt;`;
const CITE = "The data team. (2019, 19 September). A map [Chart; data: rr, version v1]. In “Example”. County lines explained.";
const BIBTEX = "@misc{county-lines-chart-map-v1,\n  title = {{A map}},\n  version = {v1}\n}\n";

const HEAD = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Example</title><link rel="canonical" href="https://county-lines.example.org/stories/example/"></head>`;

const BEFORE = `${HEAD}<body><main><article class="story">
<section class="corrections" id="corrections"><h2>Correction</h2><ul><li id="correction-1">A correction.</li></ul></section>
<div class="story-body"><p>A fact<sup class="fact-ref"><a href="#source-1" aria-label="Source 1: BBC News">1</a></sup>, another<sup class="fact-ref"><a href="#source-1">1</a>,<a href="#source-2">2</a></sup>.</p>
<figure class="chart" id="chart-map" aria-labelledby="chart-map-title"><h3 class="chart-title" id="chart-map-title">A map</h3><p class="chart-subtitle">Of places</p><div class="chart-graphic"><svg><title>A map</title></svg></div>
<details class="chart-data"><summary>Show the data</summary><table><tr><th>Place</th><td>S1, P14</td></tr></table></details>
<details class="chart-embed"><summary>Embed or download this chart</summary><p>Copy this code into your page:</p><pre class="embed-code"><code>${IFRAME}</code></pre><p><a href="/embed/map/v1/">Standalone page</a> · <a href="/embed/map/v1.png">PNG image</a> · <a href="/embed/map/v1.svg" download>SVG image</a> (vector)</p><div class="cite-this"><p class="cite-label"><strong>Cite this chart</strong></p><p class="cite-text">${CITE}</p><p class="cite-format">BibTeX:</p><pre class="cite-bibtex"><code>${BIBTEX}</code></pre><p class="cite-format"><a href="/cite/county-lines-chart-map-v1.json" download>CSL-JSON file</a> (for reference managers)</p></div></details>
<figcaption class="chart-caption"><p class="chart-notes">Grey areas have no figure.</p><p class="chart-source">Sources (rr, version v1): <span class="source-id">[S1]</span> <a href="${BBC}">BBC News, County Lines: More than 4,000 Londoners</a> (September 2019); <span class="source-id">[P14]</span> <a href="${HANSARD}">Hansard, UK Parliament, County Lines Exploitation: London</a> (17 January 2018). Boundaries: <a href="${NE}">Natural Earth</a> (Public domain. Credit: Made with Natural Earth), <a href="/data/#places-2018">places 2018</a>.</p><p class="chart-version">Data: <a href="/data/#rr-v1">rr, version v1</a> · Download the data: <a href="/data/rr/v1/map.csv" download>map.csv</a></p></figcaption></figure>
</div><section class="story-sources"><h3>Sources</h3><ol class="source-list"><li id="source-1"><span class="source-id">[S1]</span> BBC News, <a href="${BBC}">County Lines: More than 4,000 Londoners</a>, September 2019. <span class="licence">Publisher copyright; figures restated with attribution.</span></li><li id="source-2"><span class="source-id">[P14]</span> Hansard, UK Parliament, <a href="${HANSARD}">County Lines Exploitation: London</a>, 17 January 2018. <span class="licence">Parliamentary copyright.</span></li></ol></section>
</article></main></body></html>`;

// The same story as issue 23 lays it out: corrections at the foot, a one-line credit pointing at the
// numbered list, the full credit (embed code and citation included) in a closed disclosure, links
// written relative to the page, the source list in another order.
const AFTER = `${HEAD}<body><main><article class="story">
<div class="story-body"><p>A fact<sup class="fact-ref"><a href="#source-1">1</a></sup>, another<sup class="fact-ref"><a href="#source-1">1</a>,<a href="#source-2">2</a></sup>.</p>
<figure class="chart" id="chart-map"><h3 class="chart-title">A map</h3><div class="chart-graphic"><svg><title>A map</title></svg></div>
<figcaption class="chart-caption"><p class="chart-credit-line">Sources: <a href="#source-1">1</a>, <a href="#source-2">2</a> (see the list below).</p>
<details class="chart-credit"><summary>Full credit, data and embedding</summary>
<ul><li><span class="source-id">[P14]</span> Hansard, UK Parliament, <a href="${HANSARD}">County Lines Exploitation: London</a> (<time>17 January 2018</time>)</li>
<li><span class="source-id">[S1]</span> BBC News, <a href="${BBC}"><cite>County Lines: More than 4,000 Londoners</cite></a>, September 2019</li></ul>
<p>Map boundaries: <a href="${NE}">Natural Earth</a>: Public domain. Credit: Made with Natural Earth. Dataset <a href="../../data/#places-2018">places 2018</a>.</p>
<p>Data: <a href="../../data/#rr-v1">rr v1</a>; <a href="../../data/rr/v1/map.csv" download>map.csv</a></p>
<pre><code>${IFRAME}</code></pre><p><a href="https://county-lines.example.org/embed/map/v1/">Standalone</a> <a href="../../embed/map/v1.png">PNG</a> <a href="../../embed/map/v1.svg" download>SVG</a></p>
<p>${CITE}</p><pre>${BIBTEX}</pre><a href="../../cite/county-lines-chart-map-v1.json" download>CSL-JSON</a>
</details></figcaption></figure>
</div><section class="story-sources"><ol class="source-list"><li id="source-2"><span class="source-id">[P14]</span> Hansard, UK Parliament, <a href="${HANSARD}">County Lines Exploitation: London</a>, 17 January 2018. <span class="licence">Parliamentary copyright.</span></li><li id="source-1"><span class="source-id">[S1]</span> BBC News, <a href="${BBC}">County Lines: More than 4,000 Londoners</a>, September 2019. <span class="licence">Publisher copyright; figures restated with attribution.</span></li></ol></section>
<section class="corrections" id="corrections"><h2>Correction</h2><ul><li id="correction-1">A correction.</li></ul></section>
</article></main></body></html>`;

/** `html` after `change` has edited its DOM. */
function edited(html: string, change: (doc: Document) => void): string {
  const { document } = parseHTML(html);
  change(document as unknown as Document);
  return document.toString();
}

const allLost = (before: StoryInventory, html: string) => {
  const { sources, footnotes, figures } = lostItems(before, html);
  return [...sources.lost, ...footnotes.lost, ...figures.lost];
};

describe("storyInventory", () => {
  const inventory = storyInventory(BEFORE);

  it("reads the listed sources, splitting publisher from title by the link, a comma in the publisher included", () => {
    expect(inventory.story).toBe("example");
    expect(inventory.sources).toEqual([
      {
        id: "S1",
        publisher: "BBC News",
        title: "County Lines: More than 4,000 Londoners",
        url: BBC,
        date: "September 2019",
        licence: "Publisher copyright; figures restated with attribution.",
      },
      {
        id: "P14",
        publisher: "Hansard, UK Parliament",
        title: "County Lines Exploitation: London",
        url: HANSARD,
        date: "17 January 2018",
        licence: "Parliamentary copyright.",
      },
    ]);
  });

  it("reads the footnotes in order as number → listed source id", () => {
    expect(inventory.footnotes).toEqual([
      { number: "1", sourceId: "S1" },
      { number: "1", sourceId: "S1" },
      { number: "2", sourceId: "P14" },
    ]);
  });

  it("reads every item of a figure's full credit, and nothing from its data table or graphic", () => {
    expect(Object.keys(inventory.figures)).toEqual(["chart-map"]);
    const items = inventory.figures["chart-map"]!;
    expect(items).toHaveLength(13);
    expect(items).toEqual(
      expect.arrayContaining([
        { kind: "source", id: "S1", publisher: "BBC News", title: "County Lines: More than 4,000 Londoners", url: BBC, date: "September 2019" },
        { kind: "source", id: "P14", publisher: "Hansard, UK Parliament", title: "County Lines Exploitation: London", url: HANSARD, date: "17 January 2018" },
        { kind: "boundary", publisher: "Natural Earth", url: NE, licence: "Public domain. Credit: Made with Natural Earth" },
        { kind: "data-link", href: "/data/#places-2018", text: "places 2018" },
        { kind: "data-link", href: "/data/#rr-v1", text: "rr, version v1" },
        { kind: "download", href: "/data/rr/v1/map.csv", text: "map.csv" },
        { kind: "download", href: "/embed/map/v1.svg", text: "SVG image" },
        { kind: "download", href: "/cite/county-lines-chart-map-v1.json", text: "CSL-JSON file" },
        { kind: "embed-link", href: "/embed/map/v1/", text: "Standalone page" },
        { kind: "embed-link", href: "/embed/map/v1.png", text: "PNG image" },
        { kind: "embed-code", src: "https://county-lines.example.org/embed/map/v1/" },
        { kind: "citation", format: "text", text: CITE },
        { kind: "citation", format: "bibtex", text: BIBTEX.trim() },
      ]),
    );
  });

  it("refuses a credit link it cannot place rather than leave it out", () => {
    const html = BEFORE.replace(
      '<p class="chart-notes">Grey areas have no figure.</p>',
      '<p class="chart-notes">See <a href="https://example.com/">this</a>.</p>',
    );
    expect(() => storyInventory(html)).toThrow(/figure #chart-map: a credit link the inventory cannot place: this/);
  });
});

describe("lostItems", () => {
  const before = storyInventory(BEFORE);

  it("finds everything on the page it was read from", () => {
    const lost = lostItems(before, BEFORE);
    expect(lost.sources).toEqual({ checked: 2, lost: [] });
    expect(lost.footnotes).toEqual({ checked: 3, lost: [] });
    expect(lost.figures).toEqual({ checked: 13, lost: [] });
  });

  it("finds everything after the move: credit in a closed disclosure, one-line credit added, relative links, list reordered", () => {
    expect(allLost(before, AFTER)).toEqual([]);
  });

  it("notices each credit link taken out of the moved figure, one at a time", () => {
    const { document } = parseHTML(AFTER);
    const links = document.querySelectorAll("details.chart-credit a").length;
    expect(links).toBe(10);
    for (let i = 0; i < links; i++) {
      const html = edited(AFTER, (doc) => doc.querySelectorAll("details.chart-credit a")[i]!.remove());
      expect(lostItems(before, html).figures.lost, `link ${i}`).toHaveLength(1);
    }
  });

  it("keeps a figure's citation whose date moved to a story's update, and only then", () => {
    // A real citation ends with its address: with the author and date, two parts to know it by.
    const withUrl = (html: string) => html.replaceAll(CITE, `${CITE} https://example.org/embed/map/v1/`);
    const cited = storyInventory(withUrl(BEFORE));
    const redated = withUrl(AFTER).replace("(2019, 19 September)", "(2026, 2 December)");
    expect(lostItems(cited, withUrl(AFTER)).figures.lost).toEqual([]);
    expect(lostItems(cited, redated).figures.lost).toEqual([
      'example: figure #chart-map: citation (text) "The data team. (2019, 19 September). A map [Chart; data: rr,…": this citation (its key, date and addresses) is not in the figure',
    ]);
    expect(lostItems(cited, redated, [], ["2026-12-02"]).figures.lost).toEqual([]);
    expect(lostItems(cited, redated, [], ["2026-12-01"]).figures.lost).toHaveLength(1);
  });

  it("names the story, the figure and the item lost", () => {
    const noCsv = edited(AFTER, (doc) => doc.querySelector('a[href="../../data/rr/v1/map.csv"]')!.remove());
    expect(allLost(before, noCsv)).toEqual([
      'example: figure #chart-map: download "map.csv" /data/rr/v1/map.csv: no link to this address with a download attribute in the figure',
    ]);
    const notDownload = edited(AFTER, (doc) => doc.querySelector('a[href="../../embed/map/v1.svg"]')!.removeAttribute("download"));
    expect(allLost(before, notDownload)).toEqual([
      'example: figure #chart-map: download "SVG image" /embed/map/v1.svg: no link to this address with a download attribute in the figure',
    ]);
    const noDate = AFTER.replace("</cite></a>, September 2019</li>", "</cite></a></li>");
    expect(allLost(before, noDate)).toEqual([
      'example: figure #chart-map: source [S1] BBC News, "County Lines: More than 4,000 Londoners" (September 2019): its link is there, but its entry lacks date "September 2019"',
    ]);
    const noLicence = AFTER.replace(": Public domain. Credit: Made with Natural Earth.", ".");
    expect(allLost(before, noLicence)).toEqual([
      'example: figure #chart-map: boundary credit Natural Earth (Public domain. Credit: Made with Natural Earth): its link is there, but its entry lacks licence "Public domain. Credit: Made with Natural Earth"',
    ]);
    const noCode = AFTER.replace(`<pre><code>${IFRAME}</code></pre>`, "");
    expect(allLost(before, noCode)).toEqual([
      'example: figure #chart-map: embed code <iframe src="https://county-lines.example.org/embed/map/v1/">: no embed code with this iframe src in the figure\'s text',
    ]);
    const noBibtex = AFTER.replace(`<pre>${BIBTEX}</pre>`, "");
    expect(allLost(before, noBibtex)).toEqual([
      expect.stringMatching(
        /^example: figure #chart-map: citation \(bibtex\) "@misc\{county-lines-chart-map-v1,.*: this citation \(its key, date and addresses\) is not in the figure$/,
      ),
    ]);
  });

  it("notices a source gone from the list, a footnote gone, and a figure gone", () => {
    const noSource = edited(AFTER, (doc) => doc.querySelector(".source-list #source-2 a")!.remove());
    expect(lostItems(before, noSource).sources.lost).toEqual([
      `example: source list: [P14] Hansard, UK Parliament, "County Lines Exploitation: London" (${HANSARD}): no link to ${HANSARD} with "County Lines Exploitation: London" in its text`,
    ]);
    const wrongLicence = AFTER.replace("Parliamentary copyright.", "Crown copyright.");
    expect(lostItems(before, wrongLicence).sources.lost).toEqual([
      `example: source list: [P14] Hansard, UK Parliament, "County Lines Exploitation: London" (${HANSARD}): its link is there, but its entry lacks licence "Parliamentary copyright."`,
    ]);
    const oneFootnoteLess = AFTER.replace('A fact<sup class="fact-ref"><a href="#source-1">1</a></sup>', "A fact");
    // A figure's footnote may name fewer sources (those whose words we hold); a source footnoted nowhere is lost.
    expect(lostItems(before, oneFootnoteLess).footnotes.lost).toEqual([]);
    const noS1Footnote = AFTER.replaceAll(/<a href="#source-1">1<\/a>/g, "");
    expect(lostItems(before, noS1Footnote).footnotes.lost).toEqual(["example: footnote → [S1]: 2 before, none now"]);
    const noFigure = edited(AFTER, (doc) => doc.getElementById("chart-map")!.remove());
    expect(lostItems(before, noFigure).figures.lost).toEqual(["example: figure #chart-map is gone, with its 13 credit items"]);
  });
});
