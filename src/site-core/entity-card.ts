import { clipText } from './format.ts';
import { articleCount, entityTypeInfo } from './labels.ts';
import type { EntityType } from '../schemas/entity.ts';

/** What an entity link's preview card shows, written with its group's cards in /entity-cards/<n>.json (entity-card-groups.ts). */
export interface EntityCard {
  name: string;
  /** Arabic label of the entity's type: «شخص», «مكان»… */
  type: string;
  /** The registry's one-line description, clipped. */
  line: string;
  /** Articles that name the entity: in their text, or as their dateline, credit or outlet. */
  count: number;
  /** The same count as an Arabic phrase: «ورد في ٣ مقالات». */
  countText: string;
}

/** Longest description a card shows, in characters, before it is clipped at a word (then «…» follows). */
export const CARD_LINE_MAX = 140;

/** The preview card of an entity named in `count` articles. */
export function entityCard(entity: { name: string; type: EntityType; description: string }, count: number): EntityCard {
  return {
    name: entity.name,
    type: entityTypeInfo[entity.type].one,
    // One line: the registry may wrap a description; clipped after CARD_LINE_MAX characters.
    line: clipText(entity.description.replace(/\s+/g, ' ').trim(), CARD_LINE_MAX + 1),
    count,
    countText: count > 0 ? `ورد في ${articleCount(count)}` : 'لم يرد في مقالة بعد',
  };
}
