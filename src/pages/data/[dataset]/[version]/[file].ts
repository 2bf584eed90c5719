import { readFileSync } from "node:fs";
import type { APIRoute, GetStaticPaths } from "astro";
import { loadAllDatasets } from "../../../../data/versions/load-dataset";
import { dataPath } from "../../../../data/files/paths";

/** Publishes every data file byte for byte, so a download is exactly the checksummed file. */
export const getStaticPaths = (() =>
  loadAllDatasets().flatMap((d) =>
    [...d.meta.files.map((f) => f.name), "meta.json", "NOTES.md"].map((file) => ({ params: { dataset: d.id, version: d.version, file } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => new Response(readFileSync(dataPath(process.cwd(), params.dataset!, params.version!, params.file!)));
