/**
 * `id` the first time it is asked for on the page being rendered, undefined after: two elements may
 * rest on the same passage, and an id names one element.
 * @param locals the page's `Astro.locals`, which holds the ids already given
 * @param id the element id wanted
 */
export function firstUse(locals: App.Locals, id: string): string | undefined {
  locals.anchorsUsed ??= new Set();
  if (locals.anchorsUsed.has(id)) return undefined;
  locals.anchorsUsed.add(id);
  return id;
}
