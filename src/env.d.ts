/// <reference types="astro/client" />

/** The site's colours as CSS custom properties, generated from src/render/palette.ts (see astro.config.mjs). */
declare module "virtual:palette.css";

declare namespace App {
  interface Locals {
    /** Data versions pinned by the story being rendered; Chart and Fact read them. */
    versions?: import("./data/rows/facts").Versions;
    /** Further versions the story compares with (frontmatter `compare:`); `<Fact version>` reads them. */
    compare?: import("./data/rows/facts").Versions;
    /** What the story cites, numbered in order of first use (from the story check, src/stories/story-analysis.ts); Fact and Cite link to it. */
    citations?: import("./data/citing/citations").NumberedSource[];
    /** The date the story speaks as of (its update, else its publication), YYYY-MM-DD. */
    asOf?: string;
    /** Element ids already given on the page being rendered: the source list links to the first use of each passage. */
    anchorsUsed?: Set<string>;
    /** How many `<Cite>`s the page has rendered so far: each is numbered, as the story check numbers them. */
    citesSeen?: number;
    /** How a figure at a data version is cited (set by the story page, which knows the stories that place charts). */
    citeFigure?: (id: string, version: string) => import("./data/citing/cite").Citable | undefined;
    /**
     * What a figure's embed page at a data version shows (set by the story page): the words and the
     * versions of the story that placed it first, for the embed codes.
     */
    embedOf?: (
      id: string,
      version: string,
    ) =>
      | {
          words: Omit<import("./figures/standalone-svg").FigureWords, "url">;
          versions: import("./data/rows/facts").Versions;
          compare: import("./data/rows/facts").Versions;
        }
      | undefined;
  }
}
