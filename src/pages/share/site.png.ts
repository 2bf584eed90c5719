import type { APIRoute } from "astro";
import { shareImage } from "../../render/share-image";
import { publication } from "../../data/citing/publication";

/** The share image for pages that are not stories. */
export const GET: APIRoute = async ({ site }) =>
  new Response(new Uint8Array(await shareImage({ title: publication.headline, site: site?.host ?? "" })), {
    headers: { "Content-Type": "image/png" },
  });
