import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  checkSourceRecords,
  creditPhrase,
  earliestDay,
  formatSourceDate,
  isoSourceDate,
  latestDay,
  readSourceRecords,
} from "../../src/data/citing/source-records";
import { numberRuns } from "../../src/figures/figure-credit";
import { loadAllDatasets } from "../../src/data/versions/load-dataset";

const at = (...numbers: number[]) => numbers.map((number) => ({ number, anchor: `source-${number}` }));

describe("the one-line credit under a chart", () => {
  it("writes source numbers as runs, linked to each run's first entry: 1, 2, 5–8, 11", () => {
    const runs = numberRuns(at(8, 1, 6, 2, 5, 7, 11));
    expect(runs.map((r) => (r.first === r.last ? `${r.first}` : `${r.first}–${r.last}`)).join(", ")).toBe("1, 2, 5–8, 11");
    expect(runs.map((r) => r.anchor)).toEqual(["source-1", "source-2", "source-5", "source-11"]);
    expect(numberRuns([])).toEqual([]);
  });

  it("names official sources once each and counts the press by kind", () => {
    const records = readSourceRecords();
    expect(creditPhrase(["P1", "P2", "S2", "S3", "S4", "S5"], records)).toBe("the Rescue and Response assessment, City Hall and four news reports");
    // City Hall's press release and blog are one name; a trade magazine is not a news report.
    expect(creditPhrase(["P2", "P4", "S1", "S22"], records)).toBe("City Hall, a news report and a trade publication");
    expect(() => creditPhrase(["S99"], records)).toThrow('source "S99" has no entry in data/sources.json');
  });
});

describe("dates as exact as we know them", () => {
  it("a source dated only by month or year counts from its latest possible day, and reads as it is known", () => {
    expect([earliestDay("2019-09"), latestDay("2019-09")]).toEqual(["2019-09-01", "2019-09-30"]);
    expect([earliestDay("2019"), latestDay("2019")]).toEqual(["2019-01-01", "2019-12-31"]);
    expect([earliestDay("2019-09/2019-10"), latestDay("2019-09/2019-10")]).toEqual(["2019-09-01", "2019-10-31"]);
    expect(latestDay("2020-02")).toBe("2020-02-29");
    expect(latestDay("2019-09-19")).toBe("2019-09-19");
    // "That year or later" has no last day: it cannot support any story.
    expect(latestDay("2019/..")).toBe("9999-12-31");
    expect(["2019-09-19", "2019-09", "2019", "2019-09/2019-10", "2019-11/2020-01", "2022-07-27/2022-07-28", "2019/.."].map(formatSourceDate)).toEqual([
      "19 September 2019",
      "September 2019",
      "2019",
      "September or October 2019",
      "November 2019 or January 2020",
      "27 or 28 July 2022",
      "2019 or later",
    ]);
  });

  it("schema.org gets a source's date only as far as it is known", () => {
    expect(["2019-09-19", "2019-09", "2022-07-27/2022-07-28", "2019-09/2019-10", "2019-11/2020-01", "2019/.."].map(isoSourceDate)).toEqual([
      "2019-09-19",
      "2019-09",
      "2022-07",
      "2019",
      undefined,
      undefined,
    ]);
  });

  it("the records hold the dossier's dates: S5 September or October 2019, S23 2019 or later, P8 27 or 28 July 2022", () => {
    const records = readSourceRecords();
    expect(records.get("S5")?.date).toBe("2019-09/2019-10");
    expect(records.get("S23")?.date).toBe("2019/..");
    expect(records.get("P2")?.date).toBe("2019-09-19");
    // City Hall's release of July 2022: one outlet dates it 27 July, another 28 July.
    expect(records.get("P8")?.date).toBe("2022-07-27/2022-07-28");
    expect(latestDay(records.get("P8")!.date)).toBe("2022-07-28");
  });
});

describe("sources as records: checked against the data", () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
  /** A copy of data/ whose sources.json `edit` has changed; records are read once per root, so each case has its own. */
  const withRecords = (edit: (json: { sources: Record<string, Record<string, unknown>> }) => void, raw?: (text: string) => string) => {
    const root = mkdtempSync(join(tmpdir(), "cl-records-"));
    roots.push(root);
    cpSync("data", join(root, "data"), { recursive: true });
    const file = join(root, "data/sources.json");
    const json = JSON.parse(readFileSync(file, "utf8")) as { sources: Record<string, Record<string, unknown>> };
    edit(json);
    const text = JSON.stringify(json, null, 2);
    writeFileSync(file, raw ? raw(text) : text);
    return () => checkSourceRecords(loadAllDatasets(), root);
  };
  /** The 1-based line of the first line of `text` that contains `needle`. */
  const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

  it("every source a dataset version declares has a record, and every row with a figure a passage from one of its sources", () => {
    const versions = loadAllDatasets();
    const declared = new Set(versions.flatMap((d) => d.meta.sources.map((s) => s.id)));
    expect(declared.size).toBeGreaterThan(30);
    const records = readSourceRecords();
    expect([...declared].filter((id) => !records.has(id))).toEqual([]);
    expect([...records.values()].reduce((n, r) => n + r.passages.length, 0)).toBeGreaterThan(90);
    expect(() => checkSourceRecords(versions)).not.toThrow();
  });

  it("a source without a record names the meta.json that declares it and what to add", () => {
    expect(withRecords((j) => delete j.sources.S9)).toThrow(
      'data/sources.json: no record for source "S9", which data/rescue-and-response/2019-09-18/meta.json declares: add "S9" under "sources" with its kind, credit, publisher, title, url, date, licence and the passages we hold',
    );
  });

  it("a record that disagrees with a published meta.json is named at its line", () => {
    let line = 0;
    const check = withRecords(
      (j) => (j.sources.S3!.publisher = "ITV News"),
      (text) => ((line = lineOf(text, '"S3": {')), text),
    );
    expect(check).toThrow(
      `data/sources.json:${line}:5: source "S3": publisher "ITV News" differs from data/rescue-and-response/2019-09-18/meta.json ("ITV News Anglia"); published meta.json files never change, so the record must say the same`,
    );
    const earlier = withRecords((j) => (j.sources.S5!.date = "2018"));
    expect(earlier).toThrow(
      /^data\/sources\.json:\d+:5: source "S5": date "2018" starts before data\/rescue-and-response\/2019-09-18\/meta\.json's "2019"; the record may be more exact, never earlier$/,
    );
  });

  it("a figure row without a passage from one of its sources names the CSV line to support", () => {
    // 46% aged 15 to 19: S1, S2 and S9 hold it; take the rows away from all three.
    const check = withRecords((j) => {
      for (const id of ["S1", "S2", "S9"])
        for (const p of Object.values(j.sources[id]!.passages as Record<string, { rows: string[] }>))
          p.rows = p.rows.filter((r) => r !== "rescue-and-response/linked-15-19");
    });
    expect(check).toThrow(
      'data/rescue-and-response/2019-09-18/age-bands.csv:2: row "linked-15-19" has a figure but none of its sources (S1, S2, S9) has a passage in data/sources.json that states it: add the words we hold, with "rows": ["rescue-and-response/linked-15-19"]',
    );
  });

  it("a row whose figure none of its passages states names the CSV line and the passages (a try sealed Suffolk as 114 where the words say 113)", () => {
    const check = withRecords((j) => {
      const passage = (j.sources.S16!.passages as Record<string, { text: string }>).suffolk!;
      expect(passage.text).toBe("In Suffolk, the number dropped from 238 to 113 in this year's report.");
      passage.text = "In Suffolk, the number dropped from 238 to 114 in this year's report.";
    });
    expect(check).toThrow(
      'data/rescue-and-response/2020-09-30/destinations.csv:4: row "suffolk" gives 113, but no passage linked to it states that figure (S16 "suffolk" in data/sources.json): check the figure against the words we hold, or link the passage that states it',
    );
  });

  it("a range's top must be stated too: 200 to 310 does not state a row of 200–300", () => {
    const check = withRecords((j) => {
      const passage = (j.sources.S9!.passages as Record<string, { text: string }>)["top-three-boroughs"]!;
      expect(passage.text).toContain("each with 200 to 300.");
      passage.text = passage.text.replace("200 to 300", "200 to 310");
    });
    expect(check).toThrow(
      /^data\/rescue-and-response\/2019-09-18\/boroughs\.csv:3: row "newham-linked" gives 300, but no passage linked to it states that figure \(S9 "top-three-boroughs" in data\/sources\.json\)/,
    );
  });

  it("a passage naming a row or period that does not exist, or longer than 40 words, is refused", () => {
    const typo = withRecords((j) => ((j.sources.P2!.passages as Record<string, { rows: string[] }>)["top-five"]!.rows = ["rescue-and-response/norfok"]));
    expect(typo).toThrow(/^data\/sources\.json:\d+:5: source "P2", passage "top-five": no data row "rescue-and-response\/norfok" in any version$/);
    const period = withRecords(
      (j) => ((j.sources.P1!.passages as Record<string, { rows: string[] }>)["research-dates"]!.rows = ["rescue-and-response/period:reserch"]),
    );
    expect(period).toThrow(/source "P1", passage "research-dates": no data period "rescue-and-response\/period:reserch" in any version$/);
    const long = withRecords((j) => ((j.sources.P2!.passages as Record<string, { text: string }>)["top-five"]!.text = Array(41).fill("word").join(" ")));
    expect(long).toThrow(
      /^data\/sources\.json:\d+:\d+: sources\.P2\.passages\.top-five\.text: a passage is at most 40 words, word for word from the source \(this one has 41\)$/,
    );
  });
});
