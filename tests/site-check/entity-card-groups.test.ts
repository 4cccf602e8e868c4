import { describe, expect, it } from 'vitest';
import { ENTITY_CARD_GROUPS, entityCardGroup, entityCardsUrl, entityIdOf } from '../../src/site-core/entity-card-groups.ts';
import { entityUrl } from '../../src/site-core/urls.ts';

describe('entity preview card groups', () => {
  it("find an entity's id in its page's address, relative or absolute, and nothing in other addresses", () => {
    expect(entityIdOf(entityUrl('vladimir-putin'))).toBe('vladimir-putin');
    expect(entityIdOf('https://marsad.example/entities/riyadh/')).toBe('riyadh');
    expect(entityIdOf('/entities/riyadh')).toBe('riyadh');
    expect(entityIdOf('/entities/riyadh/#top')).toBe('riyadh');
    expect(entityIdOf('/entities/%D8%B3/')).toBe('س');
    expect(entityIdOf('/articles/a1b2c3d4e5f6/')).toBeNull();
    expect(entityIdOf('/entities/riyadh/page/2/')).toBeNull();
  });

  it('put every id in one of the groups, the same one every time (FNV-1a of the id)', () => {
    // FNV-1a 32-bit of "a" is 0xe40c292c: the hash is the published one, not a look-alike.
    expect(entityCardGroup('a')).toBe(0xe40c292c % ENTITY_CARD_GROUPS);
    const ids = Array.from({ length: 2000 }, (_, i) => `entity-${i}`);
    const counts = new Array<number>(ENTITY_CARD_GROUPS).fill(0);
    for (const id of ids) {
      const group = entityCardGroup(id);
      expect(Number.isInteger(group) && group >= 0 && group < ENTITY_CARD_GROUPS).toBe(true);
      expect(entityCardGroup(id)).toBe(group);
      counts[group]!++;
    }
    // Spread: no group empty or more than twice its share.
    expect(Math.min(...counts)).toBeGreaterThan(0);
    expect(Math.max(...counts)).toBeLessThan((2 * ids.length) / ENTITY_CARD_GROUPS);
    expect(entityCardsUrl(7)).toBe('/entity-cards/7.json');
  });
});
