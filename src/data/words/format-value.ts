import type { Qualifier, Unit } from "../schema/columns";

const whole = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
const pounds = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0 });
const compactPounds = new Intl.NumberFormat("en-GB", {
  style: "currency",
  currency: "GBP",
  notation: "compact",
  minimumFractionDigits: 0,
  maximumFractionDigits: 1,
});

/** Whole numbers up to ten in words, for "nine in ten". */
const TENTHS = ["none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/**
 * Formats a number in its unit, en-GB style.
 * @example formatNumber(4013, "people") // "4,013"
 * @example formatNumber(46, "percent") // "46%"
 * @example formatNumber(800000, "gbp") // "£800,000"
 * @example formatNumber(500000000, "gbp") // "£500m"
 * @example formatNumber(5600000, "gbp") // "£5.6m"
 * @example formatNumber(9, "per-ten") // "nine in ten"
 */
export function formatNumber(value: number, unit: Unit): string {
  switch (unit) {
    case "percent":
      return `${whole.format(value)}%`;
    case "per-ten":
      // House style writes these in words, as the sources and our prose do: "nine in ten".
      return `${TENTHS[value] ?? whole.format(value)} in ten`;
    case "gbp":
      return value >= 1_000_000 ? compactPounds.format(value).replace("M", "m") : pounds.format(value);
    default:
      return whole.format(value);
  }
}

/** The parts a value needs to be written out: the figure plus its qualifier. */
export interface ValueLike {
  readonly value: number | null;
  readonly value_high: number | null;
  readonly qualifier: Qualifier;
  readonly unit: Unit;
}

/**
 * Writes a value as it may be stated in prose: qualifiers kept, ranges kept, gaps named.
 * @example formatValue({value: 2000, value_high: null, qualifier: "about", unit: "lines"}) // "about 2,000"
 * @example formatValue({value: 200, value_high: 300, qualifier: "range", unit: "people"}) // "200–300"
 * @example formatValue({value: null, value_high: null, qualifier: "not-published", unit: "people"}) // "no figure found"
 */
export function formatValue(row: ValueLike): string {
  if (row.qualifier === "not-published" || row.value === null) return "no figure found";
  const n = formatNumber(row.value, row.unit);
  switch (row.qualifier) {
    case "range":
      return `${row.unit === "percent" ? whole.format(row.value) : n}–${formatNumber(row.value_high ?? row.value, row.unit)}`;
    case "about":
      return `about ${n}`;
    case "more-than":
      return `more than ${n}`;
    case "at-least":
      return `at least ${n}`;
    case "up-to":
      return `up to ${n}`;
    default:
      return n;
  }
}

const dates = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const months = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/**
 * Formats an ISO date (YYYY-MM-DD, YYYY-MM or YYYY) for readers.
 * @example formatDate("2019-09-19") // "19 September 2019"
 * @example formatDate("2019-09") // "September 2019"
 */
export function formatDate(iso: string | Date): string {
  if (iso instanceof Date) return dates.format(iso);
  if (/^\d{4}$/.test(iso)) return iso;
  if (/^\d{4}-\d{2}$/.test(iso)) return months.format(new Date(`${iso}-01T00:00:00Z`));
  return dates.format(new Date(`${iso}T00:00:00Z`));
}
