import type { APIRoute, GetStaticPaths } from 'astro';
import { getEntities, getMentionIndex, type EntityEntry } from '../../../site/data.ts';
import { entityCard } from '../../../site-core/entity-card.ts';

export const getStaticPaths = (async () =>
  [...(await getEntities()).values()].map((entity) => ({ params: { id: entity.id }, props: { entity } }))) satisfies GetStaticPaths;

/** The small card an entity link's preview shows (src/browser/entity-preview.ts), fetched on hover only. */
export const GET: APIRoute = async ({ props }) => {
  const { entity } = props as { entity: EntityEntry };
  const index = await getMentionIndex();
  // Articles that name it in their text or as their dateline, credit or outlet (as its feed).
  const articles = new Set(
    [...(index.byEntity.get(entity.id) ?? []), ...(index.attributions.get(entity.id) ?? [])].map((m) => m.articleId),
  );
  const card = entityCard(entity.data, articles.size);
  return new Response(JSON.stringify(card), { headers: { 'Content-Type': 'application/json' } });
};
