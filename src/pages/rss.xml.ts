import rss from "@astrojs/rss";
import type { APIContext } from "astro";
import { allCorrections } from "../stories/corrections";
import { publishedStories } from "../stories/published-stories";
import { withBase } from "../components/with-base";

/** The feed: every story, and every correction as its own dated item, newest first. */
export async function GET(context: APIContext) {
  const stories = await publishedStories();
  const items = [
    ...stories.map((story) => ({
      title: story.data.title,
      description: story.data.standfirst,
      pubDate: story.data.published,
      link: withBase(`stories/${story.id}/`),
    })),
    ...allCorrections(stories).map(({ story, correction, index }) => ({
      title: `Correction: ${story.data.title}`,
      description: correction.text,
      pubDate: correction.date,
      link: withBase(`stories/${story.id}/#corrections`),
      customData: `<guid isPermaLink="false">${story.id}-correction-${index + 1}</guid>`,
    })),
  ].sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.title.localeCompare(b.title));
  return rss({
    title: "County lines explained",
    description: "Explainers on London's county lines drug networks, every number sourced. Includes corrections.",
    site: new URL(withBase("/"), context.site).href,
    items,
    // Our links already end in "/" or a #fragment; the default would append "/" after the fragment.
    trailingSlash: false,
  });
}
