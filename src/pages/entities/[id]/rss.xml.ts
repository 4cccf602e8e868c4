import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import {
  articleUrl,
  entityCacheKey,
  getArticlePositions,
  getArticlesById,
  getEntities,
  getMentionIndex,
  type EntityEntry,
  listsOnly,
} from '../../../site/data.ts';
import { feedItems } from '../../../site/feeds.ts';
import { settings } from '../../../settings.ts';

// Incremental builds (src/site/data.ts): the feed renders again when its entity or the articles
// naming it change, as the entity's page does.
export const getStaticPaths = listsOnly(async () =>
  Promise.all(
    [...(await getEntities()).values()].map(async (entity) => ({
      params: { id: entity.id },
      props: { entity },
      cacheKey: await entityCacheKey(entity.id),
    })),
  ),
) satisfies GetStaticPaths;

/** An entity's own feed: the newest articles that name it (in their text, or as their dateline, credit or outlet). */
export const GET: APIRoute = async ({ site, props }) => {
  const { entity } = props as { entity: EntityEntry };
  const [index, articles, position] = await Promise.all([getMentionIndex(), getArticlesById(), getArticlePositions()]);
  // Both lists are newest first; merged in the site's article order.
  const mentioning = [...(index.byEntity.get(entity.id) ?? []), ...(index.attributions.get(entity.id) ?? [])]
    .sort((a, b) => position.get(a.articleId)! - position.get(b.articleId)!)
    .map((m) => articles.get(m.articleId)!);
  return rss({
    title: `${settings().siteName} — ${entity.data.name}`,
    description: entity.data.description,
    site: site!,
    items: feedItems(mentioning, articleUrl),
    customData: '<language>ar</language>',
  });
};
