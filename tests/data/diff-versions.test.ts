import { readFileSync, readdirSync } from "node:fs";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { diffVersions, rowName } from "../../src/data/versions/diff-versions";
import { loadDataset } from "../../src/data/versions/load-dataset";
import { HEADLINE_HEADER, makeDataRoot } from "../support/data-fixture";

const DEST_HEADER = "id,area_code,area,rank,value,value_high,qualifier,unit,period,status,sources,note";

/** Two versions of one dataset in one data root: each case below is one kind of difference. */
function fixture() {
  const root = makeDataRoot({
    "headline.csv": `${HEADLINE_HEADER}
linked-total,Londoners linked,4013,,exact,people,research,secondary,S9,
counties,Counties reached,41,,exact,areas,research,primary,P2,A note
dropped,A figure not carried over,5,,exact,people,research,primary,P2,
`,
    "destinations.csv": `${DEST_HEADER}
norfolk,E23000024,Norfolk,1,416,,exact,people,research,secondary,S9 P2,
sussex,E23000033,Sussex,4,,,not-published,people,research,single-source,S9,
`,
  });
  makeDataRoot(
    {
      "headline.csv": `${HEADLINE_HEADER}
linked-total,Londoners linked,3290,,exact,people,research,primary,P2,
counties,Counties reached,41,,exact,areas,research,primary,P2,A reworded note
new-figure,A figure new in this version,59,,exact,percent,research,single-source,S9,
`,
      "destinations.csv": `${DEST_HEADER}
norfolk,E23000024,Norfolk,2,416,,exact,people,research,secondary,P2 S9,
sussex,E23000033,Sussex,4,120,,exact,people,research,single-source,S9,
`,
    },
    { root, version: "2020-09-30" },
  );
  return { before: loadDataset("rescue-and-response", "2019-09-18", root), after: loadDataset("rescue-and-response", "2020-09-30", root), root };
}

describe("diffVersions(before, after)", () => {
  const { before, after } = fixture();
  const diff = diffVersions(before, after);
  const byId = new Map(diff.changes.map((c) => [c.id, c]));

  it("lists changed rows with the fields that differ, then added, then removed", () => {
    expect(diff.changes.map((c) => [c.kind, c.table, c.id])).toEqual([
      ["changed", "headline", "linked-total"],
      ["changed", "destinations", "norfolk"],
      ["changed", "destinations", "sussex"],
      ["added", "headline", "new-figure"],
      ["removed", "headline", "dropped"],
    ]);
    expect(byId.get("linked-total")!.fields).toEqual(["value", "status", "sources"]);
    expect(byId.get("linked-total")!.before!.value).toBe(4013);
    expect(byId.get("linked-total")!.after!.value).toBe(3290);
  });

  it("sees a rank change, and a gap filled (not published → a value) as value and qualifier changes", () => {
    expect(byId.get("norfolk")!.fields).toEqual(["rank"]);
    expect(byId.get("sussex")!.fields).toEqual(["value", "qualifier"]);
  });

  it("ignores notes (prose) and the order of source ids, and counts the rows that did not change", () => {
    expect(byId.has("counties")).toBe(false);
    expect(diff.unchanged).toBe(1);
  });

  it("compares periods by their dates, not their ids", () => {
    const root2 = makeDataRoot({ "headline.csv": `${HEADLINE_HEADER}\ncounties,Counties reached,41,,exact,areas,research,primary,P2 S9,\n` });
    makeDataRoot(
      { "headline.csv": `${HEADLINE_HEADER}\ncounties,Counties reached,41,,exact,areas,year-2,primary,P2 S9,\n` },
      { root: root2, version: "2020-09-30", meta: (m) => (m.periods = [{ id: "year-2", label: "Research period", start: "2018-01-01", end: "2019-03-31" }]) },
    );
    makeDataRoot(
      { "headline.csv": `${HEADLINE_HEADER}\ncounties,Counties reached,41,,exact,areas,research,primary,P2 S9,\n` },
      { root: root2, version: "2021-09-30", meta: (m) => (m.periods = [{ id: "research", label: "Research period", start: "2019-05-01", end: "2020-04-30" }]) },
    );
    const load = (v: string) => loadDataset("rescue-and-response", v, root2);
    expect(diffVersions(load("2019-09-18"), load("2020-09-30")).changes).toEqual([]);
    expect(diffVersions(load("2019-09-18"), load("2021-09-30")).changes.map((c) => c.fields)).toEqual([["period"]]);
  });

  it("refuses to compare different datasets", () => {
    const other = makeDataRoot(
      { "headline.csv": `${HEADLINE_HEADER}\nlines,Lines,2000,,about,lines,research,primary,P2 S9,\n` },
      { dataset: "national", version: "2019-01-30" },
    );
    expect(() => diffVersions(before, loadDataset("national", "2019-01-30", other))).toThrow(
      "cannot compare versions of different datasets (rescue-and-response, national)",
    );
  });

  it("names rows for readers by their own label or place", () => {
    expect(rowName(byId.get("norfolk")!.after!)).toBe("Norfolk");
    expect(rowName(byId.get("new-figure")!.after!)).toBe("A figure new in this version");
  });
});

describe("the real Year 1 → Year 2 diff", () => {
  /** Row ids per table, read straight from the published CSV files (not through the loader). */
  const ids = (version: string) =>
    new Set(
      readdirSync(`data/rescue-and-response/${version}`)
        .filter((f) => f.endsWith(".csv"))
        .flatMap((f) => csvParse(readFileSync(`data/rescue-and-response/${version}/${f}`, "utf8")).map((r) => `${f.replace(/\.csv$/, "")}/${r.id}`)),
    );
  const diff = diffVersions(loadDataset("rescue-and-response", "2019-09-18"), loadDataset("rescue-and-response", "2020-09-30"));
  const key = (c: { table: string; id: string }) => `${c.table}/${c.id}`;

  it("lists as added exactly the rows only Year 2 has, and as removed exactly the rows only Year 1 has", () => {
    const [y1, y2] = [ids("2019-09-18"), ids("2020-09-30")];
    const listed = (kind: "added" | "removed") =>
      diff.changes
        .filter((c) => c.kind === kind)
        .map(key)
        .sort();
    expect(listed("added")).toEqual([...y2].filter((id) => !y1.has(id)).sort());
    expect(listed("removed")).toEqual([...y1].filter((id) => !y2.has(id)).sort());
  });

  it("finds the rows published in both years that changed, with the fields that differ", () => {
    // Read off the two CSVs by hand: every row in both years is restated for the Year 2 period with
    // Year 2's sources; linked-total 4013 secondary → 3290 primary; Hampshire 369 rank 2 → 413 rank 1
    // (single-source both years); Norfolk 416 rank 1 secondary → 198 unranked single-source; Suffolk 238
    // rank 6 secondary → 113 unranked single-source; Norwich 167 exact secondary → not published,
    // single-source; counties 41 both years.
    const changed = Object.fromEntries(diff.changes.filter((c) => c.kind === "changed").map((c) => [key(c), c.fields]));
    expect(changed).toEqual({
      "headline/linked-total": ["value", "period", "status", "sources"],
      "headline/counties": ["period", "sources"],
      "destinations/hampshire": ["value", "rank", "period", "sources"],
      "destinations/norfolk": ["value", "rank", "period", "status", "sources"],
      "destinations/suffolk": ["value", "rank", "period", "status", "sources"],
      "towns/norwich": ["value", "qualifier", "period", "status", "sources"],
    });
    expect(diff.unchanged).toBe(0);
  });
});
