import Aside from "./Aside.astro";
import Chart from "./Chart.astro";
import Cite from "./Cite.astro";
import Fact from "./Fact.astro";
import PullQuote from "./PullQuote.astro";

/**
 * The editor surface: the only components a story can use, available in every MDX story
 * without import lines. Their props are listed in editor-components.ts (which the build checks)
 * and documented for editors in content/README.md.
 */
export const mdxComponents = { Aside, Chart, Cite, Fact, PullQuote };
