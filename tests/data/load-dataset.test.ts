import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fingerprint, writeSeals } from "../../src/data/files/seals";
import { DataError } from "../../src/data/files/data-error";
import { loadDataset } from "../../src/data/versions/load-dataset";
import { HEADLINE_HEADER, VALID_HEADLINE, makeDataRoot } from "../support/data-fixture";

const FILE = "data/rescue-and-response/2019-09-18/headline.csv";
const META = "data/rescue-and-response/2019-09-18/meta.json";

/** Loads a fixture whose headline.csv has the given body lines under the valid header. */
function loadHeadline(body: string, header = HEADLINE_HEADER) {
  const root = makeDataRoot({ "headline.csv": `${header}\n${body}` });
  return () => loadDataset("rescue-and-response", "2019-09-18", root);
}

function errorOf(load: () => unknown): DataError {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return error as DataError;
  }
  throw new Error("expected the load to fail");
}

describe("loadDataset(dataset, version, root)", () => {
  it("returns typed, frozen rows with numbers parsed and sources split", () => {
    const root = makeDataRoot({ "headline.csv": VALID_HEADLINE.replace(",secondary,S9,", ",secondary,S9 P2,") });
    const data = loadDataset("rescue-and-response", "2019-09-18", root);
    const rows = data.tables.headline!;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id: "linked-total", value: 4013, value_high: null, qualifier: "exact", unit: "people", sources: ["S9", "P2"] });
    expect(rows[1]!.note).toBe("Mostly police force areas, not counties");
    expect(Object.isFrozen(rows)).toBe(true);
    expect(Object.isFrozen(rows[0])).toBe(true);
  });

  it("loads a file with a BOM, CRLF line ends and a quoted cell holding a line break", () => {
    const text = `\uFEFF${HEADLINE_HEADER}\r\nlinked-total,"Londoners, linked",4013,,exact,people,research,secondary,S9,"two\r\nlines"\r\ncounties,Counties,41,,exact,areas,research,primary,P2,\r\n`;
    const rows = loadDataset("rescue-and-response", "2019-09-18", makeDataRoot({ "headline.csv": text })).tables.headline!;
    expect(rows.map((r) => r.id)).toEqual(["linked-total", "counties"]);
    expect(rows[0]!.label).toBe("Londoners, linked");
  });

  it("counts line breaks inside quoted cells when it names a line", () => {
    const load = loadHeadline(`a,"x\ny",1,,exact,people,research,primary,P2,\nb,y,lots,,exact,people,research,primary,P2,\n`);
    expect(errorOf(load).message).toBe(`${FILE}:4:3: column "value": expected a number such as 4013 or 46.5 (got "lots")`);
  });

  const invalid: [string, string, string][] = [
    [
      "a number with a thousands separator",
      `linked-total,Linked,"4,013",,exact,people,research,primary,P2,`,
      `${FILE}:2:3: column "value": expected a number such as 4013 or 46.5; write it without commas, £ or % (got "4,013")`,
    ],
    [
      "a negative count",
      `linked-total,Linked,-5,,exact,people,research,primary,P2,`,
      `${FILE}:2:3: column "value": expected a number such as 4013 or 46.5; counts and shares cannot be negative (got "-5")`,
    ],
    [
      "an empty required value",
      `linked-total,Linked,,,exact,people,research,primary,P2,`,
      `${FILE}:2:3: column "value": the qualifier is "exact", so value is required; use qualifier "not-published" for a gap`,
    ],
    ["a percentage over 100", `male,Male,104,,exact,percent,research,primary,P2,`, `${FILE}:2:3: column "value": a percentage cannot exceed 100 (got 104)`],
    [
      "a value on a not-published row",
      `sussex,Sussex,12,,not-published,people,research,primary,P2,`,
      `${FILE}:2:3: column "value": a "not-published" row must leave value empty; a gap stays a gap`,
    ],
    [
      "a range upside down",
      `newham,Newham,300,200,range,people,research,primary,P2,`,
      `${FILE}:2:4: column "value_high": the top of the range (200) must be above its bottom (300)`,
    ],
    [
      "an unknown status",
      `linked-total,Linked,4013,,exact,people,research,confirmed,P2,`,
      `${FILE}:2:8: column "status": expected one of "primary", "secondary", "single-source", "conflicting" (got "confirmed")`,
    ],
    [
      "an unknown qualifier",
      `linked-total,Linked,4013,,approx,people,research,primary,P2,`,
      `${FILE}:2:5: column "qualifier": expected one of "exact", "about", "more-than", "at-least", "up-to", "range", "not-published" (got "approx")`,
    ],
    [
      "an undeclared source id",
      `linked-total,Linked,4013,,exact,people,research,primary,S99,`,
      `${FILE}:2:9: column "sources": source "S99" is not declared in meta.json "sources" (declared: P2, S9)`,
    ],
    [
      "an undeclared period",
      `linked-total,Linked,4013,,exact,people,year-9,primary,P2,`,
      `${FILE}:2:7: column "period": period "year-9" is not declared in meta.json "periods" (declared: research)`,
    ],
    [
      "a duplicate id",
      `a,A,1,,exact,people,research,primary,P2,\na,B,2,,exact,people,research,primary,P2,`,
      `${FILE}:3:1: column "id": the id "a" is already used in this version, first at ${FILE}:2:1; ids must be unique across its files: give one of the two rows another id`,
    ],
    [
      "a row with a missing comma",
      `linked-total,Linked,4013,,exact,people,research,primary,P2`,
      `${FILE}:2: this row has 9 fields but the header has 10; check for a missing or extra comma (cells with commas must be "quoted")`,
    ],
    ["a blank line", `a,A,1,,exact,people,research,primary,P2,\n\nb,B,2,,exact,people,research,primary,P2,`, `${FILE}:3: blank line; delete it`],
    ["an empty label", `linked-total,,4013,,exact,people,research,primary,P2,`, `${FILE}:2:2: column "label": this cell must not be empty`],
    [
      "an id with spaces",
      `Linked Total,Linked,4013,,exact,people,research,primary,P2,`,
      `${FILE}:2:1: column "id": expected a kebab-case id such as "linked-total" (got "Linked Total")`,
    ],
  ];

  it.each(invalid)("rejects %s, naming file, line and column", (_case, body, message) => {
    expect(errorOf(loadHeadline(`${body}\n`)).message).toBe(message);
  });

  it("rejects an id used in another file of the version, naming where it was first used", () => {
    const root = makeDataRoot({
      "headline.csv": VALID_HEADLINE,
      "sex.csv": "id,cohort,sex,value,value_high,qualifier,unit,period,status,sources,note\ncounties,linked,male,90,,exact,percent,research,primary,P2,\n",
    });
    expect(errorOf(() => loadDataset("rescue-and-response", "2019-09-18", root)).message).toBe(
      `data/rescue-and-response/2019-09-18/sex.csv:2:1: column "id": the id "counties" is already used in this version, first at ${FILE}:3:1; ids must be unique across its files: give one of the two rows another id`,
    );
  });

  it("rejects a header with an extra column", () => {
    const load = loadHeadline(`a,A,1,,exact,people,research,primary,P2,,x\n`, `${HEADLINE_HEADER},comment`);
    expect(errorOf(load).message).toBe(
      `${FILE}:1:11: unexpected column "comment" in the header; the columns are: id, label, value, value_high, qualifier, unit, period, status, sources, note`,
    );
  });

  it("rejects a header missing a column", () => {
    const load = loadHeadline(`a,A,1,,exact,people,research,primary,P2\n`, HEADLINE_HEADER.replace(",note", ""));
    expect(errorOf(load).message).toBe(`${FILE}:1: missing column "note" in the header`);
  });

  it("rejects bytes that are not UTF-8, naming the line", () => {
    const bytes = Buffer.concat([
      Buffer.from(`${HEADLINE_HEADER}\na,A,1,,exact,people,research,primary,P2,fine\nb,`),
      Buffer.from([0xa3]),
      Buffer.from(`5,2,,exact,gbp,research,primary,P2,\n`),
    ]);
    const root = makeDataRoot({ "headline.csv": bytes });
    expect(errorOf(() => loadDataset("rescue-and-response", "2019-09-18", root)).message).toBe(
      `${FILE}:3: the file is not valid UTF-8 text; save it as "CSV UTF-8"`,
    );
  });

  it("rejects a published file whose checksum changed", () => {
    const root = makeDataRoot({ "headline.csv": VALID_HEADLINE }, { meta: (m) => ((m.files as { sha256: string }[])[0]!.sha256 = "0".repeat(64)) });
    // Only a sealed (published) version's checksums are checked: a draft's are written when it is sealed.
    expect(loadDataset("rescue-and-response", "2019-09-18", root).tables.headline).toHaveLength(2);
    writeSeals(root, { "rescue-and-response/2019-09-18": fingerprint(root, "rescue-and-response", "2019-09-18") });
    expect(errorOf(() => loadDataset("rescue-and-response", "2019-09-18", root)).message).toMatch(
      new RegExp(`^${FILE}: checksum mismatch: meta.json records sha256 0{64} but the file's is [0-9a-f]{64}\\. A published file never changes`),
    );
  });

  it("rejects a file in the folder that meta.json does not list", () => {
    const root = makeDataRoot({ "headline.csv": VALID_HEADLINE }, { extra: { "draft.csv": "x\n" } });
    expect(errorOf(() => loadDataset("rescue-and-response", "2019-09-18", root)).message).toBe(
      `data/rescue-and-response/2019-09-18/draft.csv: this file is not listed in meta.json "files"; list it with its sha256, or remove it`,
    );
  });

  /** Line and column of the first line of meta.json that holds `text`, counted here from the file itself. */
  const placeIn = (root: string, text: string) => {
    const lines = readFileSync(join(root, "data/rescue-and-response/2019-09-18/meta.json"), "utf8").split("\n");
    const line = lines.findIndex((l) => l.includes(text));
    expect(line).toBeGreaterThanOrEqual(0);
    return `${line + 1}:${lines[line]!.indexOf(text) + 1}`;
  };

  it("rejects a source URL that is not http(s), at its line and column", () => {
    const root = makeDataRoot({ "headline.csv": VALID_HEADLINE }, { meta: (m) => ((m.sources as { url: string }[])[0]!.url = "javascript:alert(1)") });
    expect(errorOf(() => loadDataset("rescue-and-response", "2019-09-18", root)).message).toBe(
      `${META}:${placeIn(root, '"url": "javascript:')}: sources[0].url: expected an http(s) URL, got "javascript:alert(1)"`,
    );
  });

  it("rejects a source without a title (pointing at the source, in plain words) and a bad date", () => {
    const noTitle = makeDataRoot({ "headline.csv": VALID_HEADLINE }, { meta: (m) => delete (m.sources as Record<string, unknown>[])[1]!.title });
    // The second source object starts on the line after the first one closes: the line of its "{".
    const lines = readFileSync(join(noTitle, "data/rescue-and-response/2019-09-18/meta.json"), "utf8").split("\n");
    const second = lines.findIndex((l, i) => i > 0 && l.trim() === "{" && lines[i - 1]!.trim() === "},");
    expect(errorOf(() => loadDataset("rescue-and-response", "2019-09-18", noTitle)).message).toBe(
      `${META}:${second + 1}:${lines[second]!.indexOf("{") + 1}: sources[1]: "title" is missing; add it`,
    );
    const badDate = makeDataRoot({ "headline.csv": VALID_HEADLINE }, { meta: (m) => ((m.sources as { date: string }[])[0]!.date = "19/09/2019") });
    expect(errorOf(() => loadDataset("rescue-and-response", "2019-09-18", badDate)).message).toBe(
      `${META}:${placeIn(badDate, '"date": "19/09/2019"')}: sources[0].date: expected a real date as YYYY-MM-DD (or YYYY-MM, YYYY when only that is known), got "19/09/2019"`,
    );
  });

  it("names the available versions when asked for one that does not exist", () => {
    const root = makeDataRoot({ "headline.csv": VALID_HEADLINE });
    expect(errorOf(() => loadDataset("rescue-and-response", "2020-01-01", root)).message).toBe(
      `data/rescue-and-response: no version "2020-01-01" of rescue-and-response; available: 2019-09-18`,
    );
  });

  it("rejects a declared source that no row or period cites, and a period citing an undeclared source", () => {
    const uncited = makeDataRoot({ "headline.csv": `${HEADLINE_HEADER}\na,A,1,,exact,people,research,primary,P2,\n` });
    expect(errorOf(() => loadDataset("rescue-and-response", "2019-09-18", uncited)).message).toBe(
      `${META}: sources: "S9" is declared but no row or period cites it; cite it or remove it`,
    );
    const viaPeriod = makeDataRoot(
      { "headline.csv": `${HEADLINE_HEADER}\na,A,1,,exact,people,research,primary,P2,\n` },
      { meta: (m) => ((m.periods as { sources?: string[] }[])[0]!.sources = ["S9"]) },
    );
    expect(loadDataset("rescue-and-response", "2019-09-18", viaPeriod).tables.headline).toHaveLength(1);
    const undeclared = makeDataRoot({ "headline.csv": VALID_HEADLINE }, { meta: (m) => ((m.periods as { sources?: string[] }[])[0]!.sources = ["S99"]) });
    expect(errorOf(() => loadDataset("rescue-and-response", "2019-09-18", undeclared)).message).toBe(
      `${META}: periods: period "research" cites a source that is not declared in "sources" (declared: P2, S9)`,
    );
  });

  it("reads an optional column (rank) as empty when a file leaves it out, and as a number when present", () => {
    const header = "id,town,area_code,value,value_high,qualifier,unit,period,status,sources,note";
    const without = makeDataRoot({ "towns.csv": `${header}\nnorwich,Norwich,E23000024,167,,exact,people,research,secondary,P2 S9,\n` });
    expect(loadDataset("rescue-and-response", "2019-09-18", without).tables.towns![0]!.rank).toBeNull();
    const withRank = makeDataRoot({
      "towns.csv": `id,town,area_code,rank,value,value_high,qualifier,unit,period,status,sources,note\nswansea,Swansea,W15000003,10,,,not-published,people,research,single-source,P2 S9,\n`,
    });
    expect(loadDataset("rescue-and-response", "2019-09-18", withRank).tables.towns![0]!.rank).toBe(10);
  });
});

describe("shares of one cohort", () => {
  const AGE = "id,cohort,band,age_min,age_max,value,value_high,qualifier,unit,period,status,sources,note";
  const load = (rows: string) =>
    loadDataset("rescue-and-response", "2019-09-18", makeDataRoot({ "age-bands.csv": `${AGE}\n${rows}`, "headline.csv": VALID_HEADLINE }));
  const band = (id: string, min: number, max: number, value: number, high = "", qualifier = "exact") =>
    `${id},linked,${min}–${max},${min},${max},${value},${high},${qualifier},percent,research,secondary,S9 P2,\n`;

  it("sums the lower end of each share, so ranges and rounded values that can fit are accepted", () => {
    // 40-70% and 45%: the tops add up to 115, the lower ends to 85.
    expect(load(band("a", 15, 19, 40, "70", "range") + band("b", 20, 25, 45)).tables["age-bands"]).toHaveLength(2);
    // About 51% and 50%: 101, within half a point of rounding each.
    expect(load(band("a", 15, 19, 51, "", "about") + band("b", 20, 25, 50)).tables["age-bands"]).toHaveLength(2);
  });

  it("refuses shares whose lower ends add up past 100, beyond rounding, at the row that does it", () => {
    expect(errorOf(() => load(band("a", 15, 19, 60) + band("b", 20, 25, 45))).message).toBe(
      'data/rescue-and-response/2019-09-18/age-bands.csv:3:6: column "value": these shares of the "linked" cohort add up to at least 105% (the lower end of each, allowing half a point of rounding per share), more than 100% (rows a, b); they cannot all be right',
    );
  });
});

describe("meta.json mistakes in plain words, at their line and column", () => {
  const messageOf = (change: (m: Record<string, unknown>) => void) =>
    errorOf(() => loadDataset("rescue-and-response", "2019-09-18", makeDataRoot({ "headline.csv": VALID_HEADLINE }, { meta: change }))).message;
  it("an unknown field, a wrong type and an empty list", () => {
    expect(messageOf((m) => (m.licence = "x"))).toMatch(
      /^data\/rescue-and-response\/2019-09-18\/meta\.json:\d+:3: unknown field "licence"; check the spelling \(data\/README\.md lists the fields\)$/,
    );
    expect(messageOf((m) => (m.title = 5))).toMatch(/^data\/rescue-and-response\/2019-09-18\/meta\.json:4:3: title: expected text$/);
    expect(messageOf((m) => (m.definitions = {}))).toMatch(/meta\.json:\d+:3: definitions: expected a list \[ … \]$/);
    expect(messageOf((m) => (m.periods = []))).toMatch(/meta\.json:\d+:3: periods: needs at least 1 entry$/);
    for (const m of [messageOf((x) => (x.licence = "x")), messageOf((x) => (x.periods = []))]) expect(m).not.toMatch(/Invalid|Unrecognized|Too small/);
  });
});
