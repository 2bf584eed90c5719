import { createHash } from "node:crypto";

/** The sha256 of some bytes, as 64 lowercase hex digits: how meta.json and the seals record a file. */
export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
