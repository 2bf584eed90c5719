import { z } from "zod";

/** A real calendar date written YYYY-MM-DD (no 30 February, no month 13): zod's own ISO date check. */
const realDay = z.iso.date();
const isRealDay = (s: string) => realDay.safeParse(s).success;
/** A date as precise as the source gives it: YYYY-MM-DD, or YYYY-MM or YYYY when only that is known. */
const isoDate = z.string().refine((s) => isRealDay(s) || /^\d{4}(?:-(?:0[1-9]|1[0-2]))?$/.test(s), {
  error: (i) => `expected a real date as YYYY-MM-DD (or YYYY-MM, YYYY when only that is known), got ${JSON.stringify(i.input)}`,
});
const fullDate = z.string().refine(isRealDay, { error: (i) => `expected a real date as YYYY-MM-DD, got ${JSON.stringify(i.input)}` });
/**
 * A version folder name: the ISO date of the source release (`2019-09-18`), or for a correction the
 * corrected version plus `-c1`, `-c2`… (`2019-09-18-c1`), so a correction sorts right after what it corrects.
 */
export const VERSION_PATTERN = /^(\d{4}-\d{2}-\d{2})(?:-c[1-9]\d*)?$/;
/** The versions a correction corrects, oldest first: "2019-09-18-c2" → ["2019-09-18", "2019-09-18-c1"]. */
export function correctedVersions(version: string): string[] {
  const m = /^(.*)-c(\d+)$/.exec(version);
  if (!m) return [];
  return [m[1]!, ...Array.from({ length: Number(m[2]) - 1 }, (_, i) => `${m[1]}-c${i + 1}`)];
}
const versionName = z.string().refine((s) => VERSION_PATTERN.test(s) && isRealDay(VERSION_PATTERN.exec(s)![1]!), {
  error: (i) => `expected a version name: the release date as YYYY-MM-DD, or a correction such as 2019-09-18-c1, got ${JSON.stringify(i.input)}`,
});
const text = z.string().trim().min(1, { error: "must not be empty" });
/** Source links are shown to readers, so only web links are allowed (never `javascript:` and friends). */
const webUrl = z.string().refine(
  (s) => {
    try {
      return ["http:", "https:"].includes(new URL(s).protocol);
    } catch {
      return false;
    }
  },
  { error: (i) => `expected an http(s) URL, got ${JSON.stringify(i.input)}` },
);

/** meta.json: what a dataset version holds, where every figure comes from, and the file checksums. */
export const metaSchema = z
  .object({
    /** Dataset folder name, e.g. "rescue-and-response". */
    dataset: text,
    /** Version folder name: the ISO date of the source release, or a correction of it (`…-c1`). */
    version: versionName,
    title: text,
    description: text,
    /** When this version was published: the source release for a first version, the correction date for a correction. */
    published: fullDate,
    /** Time windows the rows refer to (the rows' `period` column). */
    periods: z
      .array(
        z
          .object({
            id: text,
            label: text,
            start: isoDate.optional(),
            end: isoDate.optional(),
            note: z.string().optional(),
            sources: z.array(z.string()).optional(),
          })
          .strict(),
      )
      .min(1),
    /** Everywhere a figure in this version was published. Rows cite these ids. */
    sources: z
      .array(
        z
          .object({
            id: z.string().regex(/^[A-Z][A-Z0-9]*\d$/),
            title: text,
            publisher: text,
            date: isoDate,
            url: webUrl,
            licence: text,
            note: z.string().optional(),
          })
          .strict(),
      )
      .min(1),
    /** Plain-English definitions of the terms the rows use. */
    definitions: z.array(z.object({ term: text, text }).strict()),
    /** Every data file in the folder, with the sha256 of its bytes. */
    files: z
      .array(
        z
          .object({
            name: z.string().regex(/^[a-z0-9-]+\.(?:csv|topo\.json)$/, { error: "expected a kebab-case file name ending .csv or .topo.json" }),
            title: text,
            description: text,
            sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: "expected 64 lower-case hex digits (run sha256sum on the file)" }),
          })
          .strict(),
      )
      .min(1),
    /** What changed since the previous version, and why. */
    changes: text,
  })
  .strict();

export type Meta = z.output<typeof metaSchema>;
export type Source = Meta["sources"][number];
