import { createHash } from 'node:crypto';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getEntities, getMentionIndex, listsOnly, type EntityEntry } from '../../site/data.ts';
import { entityCard, type EntityCard } from '../../site-core/entity-card.ts';
import { entityCardGroup } from '../../site-core/entity-card-groups.ts';

/** How many articles name an entity in their text or as their dateline, credit or outlet (as its feed). */
async function articleCount(entityId: string): Promise<number> {
  const index = await getMentionIndex();
  return new Set([...(index.byEntity.get(entityId) ?? []), ...(index.attributions.get(entityId) ?? [])].map((m) => m.articleId)).size;
}

/**
 * The entity preview cards, a file per group of entities (src/site-core/entity-card-groups.ts):
 * /entity-cards/<group>.json holds the cards of the group's entities, by id. Incremental builds:
 * a group renders again when one of its entities or its article count changes.
 */
export const getStaticPaths = listsOnly(async () => {
  const groups = Map.groupBy((await getEntities()).values(), (entity) => entityCardGroup(entity.id));
  return Promise.all(
    [...groups].map(async ([group, entities]) => {
      const members = await Promise.all(entities.map(async (entity) => ({ entity, count: await articleCount(entity.id) })));
      const hash = createHash('sha256');
      for (const { entity, count } of members) hash.update(`${entity.id}:${entity.digest ?? JSON.stringify(entity.data)}:${count}\0`);
      return { params: { group: String(group) }, props: { members }, cacheKey: hash.digest('hex').slice(0, 24) };
    }),
  );
}) satisfies GetStaticPaths;

/** The cards an entity link's preview shows (src/browser/entity-preview.ts), fetched on hover only. */
export const GET: APIRoute = ({ props }) => {
  const { members } = props as { members: { entity: EntityEntry; count: number }[] };
  const cards: Record<string, EntityCard> = {};
  for (const { entity, count } of members) cards[entity.id] = entityCard(entity.data, count);
  return new Response(JSON.stringify(cards), { headers: { 'Content-Type': 'application/json' } });
};
