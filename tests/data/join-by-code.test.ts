import { expect, it } from "vitest";
import { joinAllByCode, joinByCode } from "../../src/data/rows/join-by-code";

const features = [{ id: "E09000022" }, { id: "E09000025" }];

it("joinByCode(rows, features) joins by code and returns the rows whose code has no feature", () => {
  const rows = [
    { code: "E09000022", v: 1 },
    { code: "E09000099", v: 2 },
  ];
  const { joined, unmatched } = joinByCode(rows, features, (r) => r.code);
  expect([...joined.keys()]).toEqual(["E09000022"]);
  expect(unmatched).toEqual([{ code: "E09000099", v: 2 }]);
});

it("joinByCode never matches by name", () => {
  expect(joinByCode([{ code: "Lambeth" }], [{ id: "E09000022", name: "Lambeth" }], (r) => r.code).unmatched).toHaveLength(1);
});

it("joinAllByCode throws listing the unmatched codes", () => {
  expect(() => joinAllByCode([{ code: "E09000099" }, { code: "X" }], features, (r) => r.code, "test map")).toThrow(
    "test map: no boundary for codes E09000099, X",
  );
});
