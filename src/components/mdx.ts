/**
 * The editor surface: the only components a story can use, available in every MDX story
 * without import lines. Their props are listed in editor-components.ts (which the build checks)
 * and documented for editors in content/README.md.
 */
export { default as Aside } from "./Aside.astro";
export { default as Chart } from "./Chart.astro";
export { default as Cite } from "./Cite.astro";
export { default as Fact } from "./Fact.astro";
export { default as PullQuote } from "./PullQuote.astro";
