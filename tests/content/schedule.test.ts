import { describe, expect, it } from "vitest";
import { homePageOrder, isScheduled, publishingDay } from "../../src/stories/schedule";

describe("scheduled stories (src/stories/schedule.ts)", () => {
  it("publishes as of SOURCE_DATE_EPOCH's UTC day when it is set", () => {
    expect(publishingDay({ SOURCE_DATE_EPOCH: String(Date.UTC(2026, 11, 2, 23, 59) / 1000) })).toBe("2026-12-02");
    expect(publishingDay({ SOURCE_DATE_EPOCH: "0" })).toBe("1970-01-01");
  });

  it("a story is scheduled only when its date is after the publishing day", () => {
    expect(isScheduled("2027-03-01", "2026-12-02")).toBe(true);
    expect(isScheduled("2026-12-02", "2026-12-02")).toBe(false);
    expect(isScheduled(new Date("2026-12-03"), "2026-12-02")).toBe(true);
  });
});

describe("homePageOrder", () => {
  const story = (id: string, published: string, order?: number) => ({ id, data: { published: new Date(published), order } });
  const ids = (stories: { id: string }[]) => stories.map((s) => s.id);

  it("puts stories newest first when none has an order", () => {
    expect(ids(homePageOrder([story("a", "2019-09-19"), story("c", "2020-10-02"), story("b", "2019-09-26")]))).toEqual(["c", "b", "a"]);
  });

  it("keeps a story with an order at its place, and a new story without one goes right after it", () => {
    const stories = [story("explainer", "2019-09-19", 1), story("year-two", "2020-10-02"), story("drawn-in", "2019-09-26")];
    expect(ids(homePageOrder(stories))).toEqual(["explainer", "year-two", "drawn-in"]);
    expect(ids(homePageOrder([...stories, story("new", "2026-12-02")]))).toEqual(["explainer", "new", "year-two", "drawn-in"]);
    // A place past the end goes last; the same place twice is settled by id.
    expect(ids(homePageOrder([story("x", "2019-01-01", 9), story("y", "2019-01-02")]))).toEqual(["y", "x"]);
    expect(ids(homePageOrder([story("b", "2019-01-01", 1), story("a", "2019-01-02", 1)]))).toEqual(["a", "b"]);
  });
});
