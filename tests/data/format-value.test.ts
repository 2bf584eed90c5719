import { describe, expect, it } from "vitest";
import { formatDate, formatNumber, formatValue } from "../../src/data/words/format-value";

describe("formatNumber(value, unit)", () => {
  it("groups thousands en-GB style and writes units", () => {
    expect(formatNumber(4013, "people")).toBe("4,013");
    expect(formatNumber(46, "percent")).toBe("46%");
    expect(formatNumber(800000, "gbp")).toBe("£800,000");
    expect(formatNumber(500000000, "gbp")).toBe("£500m");
    expect(formatNumber(5600000, "gbp")).toBe("£5.6m");
    expect(formatNumber(9, "per-ten")).toBe("nine in ten");
    expect(formatNumber(1, "per-ten")).toBe("one in ten");
  });
});

describe("formatValue(row)", () => {
  const row = (value: number | null, qualifier: Parameters<typeof formatValue>[0]["qualifier"], value_high: number | null = null) => ({
    value,
    value_high,
    qualifier,
    unit: "people" as const,
  });
  it("keeps every qualifier the source used", () => {
    expect(formatValue(row(2000, "about"))).toBe("about 2,000");
    expect(formatValue(row(4000, "more-than"))).toBe("more than 4,000");
    expect(formatValue(row(720, "at-least"))).toBe("at least 720");
    expect(formatValue(row(10000, "up-to"))).toBe("up to 10,000");
    expect(formatValue(row(4013, "exact"))).toBe("4,013");
  });
  it("writes a range as a range and a gap as a gap", () => {
    expect(formatValue(row(200, "range", 300))).toBe("200–300");
    expect(formatValue({ value: 15, value_high: 17, qualifier: "range", unit: "percent" })).toBe("15–17%");
    expect(formatValue(row(null, "not-published"))).toBe("no figure found");
  });
});

describe("formatDate(iso)", () => {
  it("writes full, month-only and year-only dates for British readers", () => {
    expect(formatDate("2019-09-19")).toBe("19 September 2019");
    expect(formatDate("2019-09")).toBe("September 2019");
    expect(formatDate("2019")).toBe("2019");
  });
});
