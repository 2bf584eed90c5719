import rss from "@astrojs/rss";
import type { APIContext } from "astro";
import { allCorrections } from "../stories/corrections";
import { correctionAnchor } from "../components/correction-anchor";
import { publishedStories } from "../stories/published-stories";
import { siteUrl } from "../components/with-base";
import { publication } from "../data/citing/publication";

/**
 * The feed: every story, and every correction as its own dated item, newest first. Links and guids
 * are the pages' canonical URLs, trailing slash included (a correction: its story's URL and the
 * correction's own anchor, made from its date and id, so it never changes), so a click costs no redirect.
 */
export async function GET(context: APIContext) {
  const stories = await publishedStories();
  const url = (path: string) => siteUrl(path, context.site!);
  const items = [
    ...stories.map((story) => ({
      title: story.data.title,
      description: story.data.standfirst,
      pubDate: story.data.published,
      link: url(`stories/${story.id}/`),
    })),
    ...allCorrections(stories).map(({ story, correction }) => ({
      title: `Correction: ${story.data.title}`,
      description: correction.text,
      pubDate: correction.date,
      link: url(`stories/${story.id}/#${correctionAnchor(correction)}`),
    })),
  ].sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.title.localeCompare(b.title));
  return rss({
    title: publication.name,
    description: publication.description,
    site: url("/"),
    // Absolute links are used as given (the library's guid is the link); the channel link gets its "/".
    items,
  });
}
