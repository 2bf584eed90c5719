/**
 * Who publishes the site, declared once: page titles, the feed, citations and downloads read it.
 * The author is the newsroom's data team, as every story's byline says.
 */
export const publication = {
  /** The site's name, as readers see it and as citations give the publisher. */
  name: "County lines explained",
  /** Credited as author of every story, figure and dataset version. */
  author: "The data team",
  language: "en-GB",
} as const;
