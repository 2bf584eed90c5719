import type { APIRoute } from "astro";
import { logoPng } from "../render/logo";

/** The publisher logo named by the structured data: the site's icon as a PNG, made at build time. */
export const GET: APIRoute = async () => new Response(new Uint8Array(await logoPng()), { headers: { "Content-Type": "image/png" } });
