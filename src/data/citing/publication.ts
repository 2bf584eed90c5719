/**
 * Who publishes the site, declared once: page titles, the feed, citations and downloads read it.
 * The author is the newsroom's data team, as every story's byline says.
 */
const name = "County lines explained";
const tagline = "London's drug networks, in numbers";

export const publication = {
  /** The site's name, as readers see it and as citations give the publisher. */
  name,
  /** The home page's headline, and the text of the site's share card. */
  headline: `County lines: ${tagline}`,
  /** The site share card's alt text. */
  cardAlt: `${name}: ${tagline}.`,
  /** What the feed says the site is. */
  description: "Explainers on London's county lines drug networks, every number sourced. Includes corrections.",
  /** Credited as author of every story, figure and dataset version. */
  author: "The data team",
  language: "en-GB",
} as const;
