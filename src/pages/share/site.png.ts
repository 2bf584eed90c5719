import type { APIRoute } from "astro";
import { shareImage } from "../../render/share-image";

/** The share image for pages that are not stories. */
export const GET: APIRoute = async ({ site }) =>
  new Response(new Uint8Array(await shareImage({ title: "County lines: London's drug networks, in numbers", site: site?.host ?? "" })), {
    headers: { "Content-Type": "image/png" },
  });
