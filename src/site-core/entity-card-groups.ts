/**
 * Entity preview cards (src/site-core/entity-card.ts) are written in groups, one JSON file per
 * group, instead of one file per entity: a site of 600 entities then writes 32 files, not 600,
 * and a reader's first hover fetches a few kilobytes that also hold the cards of the other
 * entities of that group. An entity's group is a hash of its id, so the browser finds it from
 * the link's address alone (src/browser/entity-preview.ts), and an entity keeps its group from
 * build to build. Browser-safe: no imports.
 */

/** Groups the cards are spread over: about 20 cards a group for a registry of 600 entities. */
export const ENTITY_CARD_GROUPS = 32;

/** The group (0 … ENTITY_CARD_GROUPS − 1) of the entity `id`: FNV-1a over its UTF-16 units. */
export function entityCardGroup(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % ENTITY_CARD_GROUPS;
}

/** Address of one group's cards: a JSON object of entity id → card. */
export const entityCardsUrl = (group: number): string => `/entity-cards/${group}.json`;

/** The entity id in an entity page's address (`/entities/<id>/`, relative or absolute), if it is one. */
export function entityIdOf(href: string): string | null {
  const match = /\/entities\/([^/?#]+)\/?(?:[?#].*)?$/.exec(href);
  return match ? decodeURIComponent(match[1]!) : null;
}
