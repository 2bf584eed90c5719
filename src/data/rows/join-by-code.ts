/**
 * Joins rows to map features by GSS code, never by name ("Hammersmith and Fulham" vs "& Fulham").
 * Returns the joined pairs and every row whose code has no feature, so a caller can refuse to draw a
 * map that silently drops data.
 * @example joinByCode([{area_code: "E23000024"}], features, (r) => r.area_code) // {joined: Map {"E23000024" => row}, unmatched: []}
 */
export function joinByCode<R, F extends { id?: string | number }>(
  rows: readonly R[],
  features: readonly F[],
  codeOf: (row: R) => string,
): { joined: Map<string, R>; unmatched: R[] } {
  const ids = new Set(features.map((f) => String(f.id)));
  const joined = new Map<string, R>();
  const unmatched: R[] = [];
  for (const row of rows) {
    const code = codeOf(row);
    if (ids.has(code)) joined.set(code, row);
    else unmatched.push(row);
  }
  return { joined, unmatched };
}

/** Like {@link joinByCode} but throws, listing the unmatched codes: for build-time use. */
export function joinAllByCode<R, F extends { id?: string | number }>(
  rows: readonly R[],
  features: readonly F[],
  codeOf: (row: R) => string,
  what: string,
): Map<string, R> {
  const { joined, unmatched } = joinByCode(rows, features, codeOf);
  if (unmatched.length) throw new Error(`${what}: no boundary for code${unmatched.length > 1 ? "s" : ""} ${unmatched.map(codeOf).join(", ")}`);
  return joined;
}
