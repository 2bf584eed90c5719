/**
 * The editor surface: the only components a story can use, available in every MDX story
 * without import lines. See content/README.md for each one with an example.
 */
export { default as Aside } from "./Aside.astro";
export { default as Chart } from "./Chart.astro";
export { default as Fact } from "./Fact.astro";
