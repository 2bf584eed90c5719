import type { APIRoute, GetStaticPaths } from "astro";
import { dataPackage } from "../../../../data/citing/data-package";
import { loadAllDatasets } from "../../../../data/versions/load-dataset";
import { siteUrl } from "../../../../components/with-base";

/** Each dataset version as a Frictionless Data Package, beside its files: /data/<dataset>/<version>/datapackage.json. */
export const getStaticPaths = (() => loadAllDatasets().map((d) => ({ params: { dataset: d.id, version: d.version }, props: { d } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { d } = props as { d: ReturnType<typeof loadAllDatasets>[number] };
  const metaUrl = siteUrl(`data/${d.id}/${d.version}/meta.json`, site!);
  return new Response(`${JSON.stringify(dataPackage(d, process.cwd(), metaUrl), null, 2)}\n`);
};
