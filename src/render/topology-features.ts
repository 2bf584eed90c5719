import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { Dataset } from "../data/schema/dataset";

/** The features of one object of a dataset's TopoJSON file, ids as strings (GSS codes). */
export function topologyFeatures(data: Dataset, file: string, object: string): Feature<Geometry, { name: string }>[] {
  const topology = data.topologies[file];
  const geometries = topology?.objects[object];
  if (!topology || !geometries) throw new Error(`data/${data.id}/${data.version} has no TopoJSON object "${object}" in ${file}.topo.json`);
  return (feature(topology, geometries) as FeatureCollection<Geometry, { name: string }>).features.map((f) => ({ ...f, id: String(f.id) }));
}
