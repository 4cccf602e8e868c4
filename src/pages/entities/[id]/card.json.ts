import type { APIRoute, GetStaticPaths } from 'astro';
import { getEntities, getMentionIndex, type EntityEntry } from '../../../site/data.ts';
import { entityCard } from '../../../site-core/entity-card.ts';

/** Articles that name an entity in their text or as their dateline, credit or outlet (as its feed). */
async function mentioning(entityId: string): Promise<Set<string>> {
  const index = await getMentionIndex();
  return new Set([...(index.byEntity.get(entityId) ?? []), ...(index.attributions.get(entityId) ?? [])].map((m) => m.articleId));
}

// Incremental builds: the card renders again when its entity or its article count changes.
export const getStaticPaths = (async () =>
  Promise.all(
    [...(await getEntities()).values()].map(async (entity) => ({
      params: { id: entity.id },
      props: { entity },
      cacheKey: `${entity.digest ?? JSON.stringify(entity.data)}:${(await mentioning(entity.id)).size}`,
    })),
  )) satisfies GetStaticPaths;

/** The small card an entity link's preview shows (src/browser/entity-preview.ts), fetched on hover only. */
export const GET: APIRoute = async ({ props }) => {
  const { entity } = props as { entity: EntityEntry };
  const card = entityCard(entity.data, (await mentioning(entity.id)).size);
  return new Response(JSON.stringify(card), { headers: { 'Content-Type': 'application/json' } });
};
