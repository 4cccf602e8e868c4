import type { RSSFeedItem } from '@astrojs/rss';

/** How many articles a feed lists: the newest ones. */
export const FEED_SIZE = 50;

interface ArticleLike {
  id: string;
  data: { title: string; standfirst?: string | undefined; outlet: string | null; published: Date | null; author: string | null };
}

/** RSS items for articles (already newest first), linking to their pages. */
export function feedItems(articles: readonly ArticleLike[], urlOf: (id: string) => string): RSSFeedItem[] {
  return articles.slice(0, FEED_SIZE).map((a) => ({
    title: a.data.title,
    link: urlOf(a.id),
    ...(a.data.published ? { pubDate: a.data.published } : {}),
    ...(a.data.standfirst ? { description: a.data.standfirst } : {}),
    ...(a.data.author ? { author: a.data.author } : {}),
    ...(a.data.outlet ? { categories: [a.data.outlet] } : {}),
  }));
}
