import type { Topology } from "topojson-specification";
import { z } from "zod";
import { DataError } from "./data-error";

export type { Topology };

const geometry = z.looseObject({ type: z.string(), id: z.union([z.string(), z.number()]).optional() });
const topologySchema = z.looseObject({
  type: z.literal("Topology"),
  objects: z.record(z.string(), z.looseObject({ type: z.literal("GeometryCollection"), geometries: z.array(geometry) })),
  arcs: z.array(z.array(z.array(z.number()))),
  transform: z.object({ scale: z.tuple([z.number(), z.number()]), translate: z.tuple([z.number(), z.number()]) }).optional(),
});

/**
 * Parses and shape-checks a TopoJSON file: a Topology whose objects are geometry collections.
 * Geometry against the code lists (missing shapes, winding) is checked by check-dataset.ts.
 */
export function parseTopology(bytes: Uint8Array, file: string): Topology {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new DataError(file, `not valid JSON: ${(error as Error).message}`);
  }
  const result = topologySchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new DataError(file, `not a TopoJSON topology: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return result.data as unknown as Topology;
}
