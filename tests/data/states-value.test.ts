import { describe, expect, it } from "vitest";
import { statesValue } from "../../src/data/citing/states-value";

describe("statesValue(text, value): the words we hold state a row's figure", () => {
  it.each([
    ["a total of 4,013 people", 4013],
    ["a total of 4013 people", 4013],
    ["a total of 4 013 people", 4013],
    ["46% of them were aged 15 to 19", 46],
    ["Fourteen of them were from Tower Hamlets.", 14],
    ["the youngest of whom was just eleven-years-old", 11],
    ["around £500 million a year", 500_000_000],
    ["the Mayor's flagship £5.6m Rescue and Response scheme", 5_600_000],
    ["a £1.2bn market", 1_200_000_000],
    ["a £0.5bn market", 500_000_000],
    ["£1.1m and £4.35m", 1_100_000],
    ["£1.1m and £4.35m", 4_350_000],
    ["a total of 4\u00a0013 people", 4013],
    ["In Suffolk, the number dropped from 238 to 113 in this year's report.", 113],
  ])("%j states %d", (text, value) => expect(statesValue(text, value)).toBe(true));

  it.each([
    ["In Suffolk, the number dropped from 238 to 113 in this year's report.", 114],
    ["a total of 4,013 people", 13],
    ["a total of 4,013 people", 4],
    ["a total of 4,013 people", 401],
    ["1.5 times as many", 5],
    ["around £500 million a year", 5_000_000],
    ["no figure here", 0],
    ["a total of 4 013 people", 4],
    ["a total of 4 013 people", 13],
    ["Twenty-one were referred", 1],
    ["Twenty-one were referred", 20],
  ])("%j does not state %d", (text, value) => expect(statesValue(text, value)).toBe(false));
});
