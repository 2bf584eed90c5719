import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findTrendWords } from "../../src/data/words/trend-words";
import { listDatasets, listVersions } from "../../src/data/versions/list-versions";

const words = (text: string) => findTrendWords(text).map((m) => m.word);

describe("trend words: words that state a direction of change between versions or periods", () => {
  it.each([
    ["The count rose.", "rose"],
    ["A rise in referrals.", "rise"],
    ["The count rises in Year 2.", "rises"],
    ["A rising count.", "rising"],
    ["The count has risen.", "risen"],
    ["The rate fell from 88 to 87 percent.", "fell"],
    ["The count has fallen.", "fallen"],
    ["A falling count.", "falling"],
    ["Norwich shows a fall.", "fall"],
    ["An increase of 5 percent.", "increase"],
    ["A decrease in referrals.", "decrease"],
    ["Referrals grew.", "grew"],
    ["Growth in referrals.", "Growth"],
    ["The count dropped to 3,290.", "dropped"],
    ["Hampshire climbed to first.", "climbed"],
    ["Referrals surged.", "surged"],
    ["Referrals plummeted.", "plummeted"],
    ["Referrals jumped.", "jumped"],
    ["The count more than doubled.", "doubled"],
    ["The count halved.", "halved"],
    ["Hampshire overtook Norfolk.", "overtook"],
    ["Year 2 replaced Year 1.", "replaced"],
    ["3,290, up from 2,900.", "up from"],
    ["3,290, down from 4,013.", "down from"],
    ["Hampshire now first (413).", "now first"],
    ["A year-on-year count.", "year-on-year"],
    ["The count went down.", "went down"],
  ])("%j uses %j", (text, word) => {
    expect(words(text)).toEqual([word]);
  });

  it("matches any case, and a phrase across any run of spaces, giving the words as written", () => {
    expect(findTrendWords("Referrals ROSE; 3,290, Down  From 4,013")).toEqual([
      { word: "ROSE", index: 10 },
      { word: "Down  From", index: 23 },
    ]);
  });

  it.each([
    ["Year 2 holds 3,290; Year 1 held 4,013, over a longer window.", "two counts side by side"],
    ["Hampshire is first among areas; Brighton is the top town.", "first and top"],
    ["The lower of the two reported values is kept.", "a comparison of sources"],
    ["The figures, broken down from the total by borough.", "broken down from: a breakdown"],
    ["The total is made up from three boroughs.", "made up from: what a total holds"],
    ["A high-rise estate and a drop-in centre.", "hyphenated words are whole words"],
    ["The dispute gave rise to two rows.", "gave rise to: a cause"],
    ["The date falls within Year 2.", "falls within: where a date lies"],
    ["To avoid double counting, across the two halves of the year.", "double and halves"],
    ["Referrals declined by the programme; 88% reducing or stopping.", "measures in these data"],
    ["The two are not a trend.", "the standard itself"],
    ["Young people who grew up in London.", "grew up"],
    ["Primrose and Roseberry.", "a word inside another word"],
  ])("%j has none (%s)", (text) => {
    expect(words(text)).toEqual([]);
  });

  it("keeps the first of two overlapping phrases", () => {
    expect(words("The total went down from 4,013.")).toEqual(["went down"]);
  });

  it("finds them in one published changes text only: Year 2's, corrected by 2020-09-30-c1 (published versions are not checked again)", () => {
    const found = listDatasets().flatMap((dataset) =>
      listVersions(dataset).flatMap((version) => {
        const { changes } = JSON.parse(readFileSync(`data/${dataset}/${version}/meta.json`, "utf8")) as { changes: string };
        const used = words(changes);
        return used.length ? [`${dataset}/${version}: ${used.join(", ")}`] : [];
      }),
    );
    expect(found).toEqual(["rescue-and-response/2020-09-30: down from, now first"]);
  });
});
