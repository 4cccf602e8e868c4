import { articleCount, entityTypeInfo } from './labels.ts';
import type { EntityType } from '../schemas/entity.ts';

/** What an entity link's preview card shows, written once per entity as /entities/<id>/card.json. */
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

/** Longest description a card shows, in characters, before it is clipped at a word. */
export const CARD_LINE_MAX = 140;

/** Clips text to `max` characters at the last space before it, with an ellipsis. */
export function clipLine(text: string, max = CARD_LINE_MAX): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[،,؛;:.\s]+$/u, '')}…`;
}

/** The preview card of an entity named in `count` articles. */
export function entityCard(entity: { name: string; type: EntityType; description: string }, count: number): EntityCard {
  return {
    name: entity.name,
    type: entityTypeInfo[entity.type].one,
    line: clipLine(entity.description),
    count,
    countText: count > 0 ? `ورد في ${articleCount(count)}` : 'لم يرد في مقالة بعد',
  };
}

/** Where an entity's card is served: next to its page. */
export const entityCardUrl = (entityPath: string): string => `${entityPath}card.json`;
