import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { articleCount, entityTypeInfo } from '../../src/site-core/labels.ts';
import type { EntityCard } from '../../src/site-core/entity-card.ts';
import { ENTITY_CARD_GROUPS, entityCardGroup, entityCardsUrl } from '../../src/site-core/entity-card-groups.ts';
import { listFiles, readEntityCard, readPage } from '../support/site.ts';

const distDir = inject('distDir');
const contentDir = inject('contentDir');

let files: string[];
/** Ids of the entities that have a page. */
let entityIds: string[];
/** The group files' cards, by group number. */
let groups: Map<number, Record<string, EntityCard>>;

beforeAll(async () => {
  files = await listFiles(distDir);
  entityIds = files.map((f) => /^entities\/([^/]+)\/index\.html$/.exec(f)?.[1]).filter((id): id is string => !!id);
  groups = new Map();
  for (const f of files) {
    const group = /^entity-cards\/(\d+)\.json$/.exec(f)?.[1];
    if (group !== undefined) groups.set(Number(group), JSON.parse(await readFile(path.join(distDir, f), 'utf8')));
  }
});

describe('entity preview cards', () => {
  it('are written in group files, a card for every entity page and only for them, each in its group', () => {
    expect(entityIds.length).toBeGreaterThan(10);
    // No file per entity: the cards are written a group to a file.
    expect(files.filter((f) => f.endsWith('/card.json'))).toEqual([]);
    expect(groups.size).toBeGreaterThan(1);
    expect(groups.size).toBeLessThanOrEqual(ENTITY_CARD_GROUPS);
    const placed = [...groups].flatMap(([group, cards]) => Object.keys(cards).map((id) => ({ id, group })));
    expect(placed.map((p) => p.id).sort()).toEqual([...entityIds].sort());
    for (const { id, group } of placed) expect(entityCardsUrl(entityCardGroup(id)), id).toBe(`/entity-cards/${group}.json`);
  });

  it('spread the entities over the groups, so that a hover fetches a small file', async () => {
    const sizes = [...groups.values()].map((cards) => Object.keys(cards).length);
    // Even enough: no group holds more than three times its share.
    expect(Math.max(...sizes)).toBeLessThanOrEqual((3 * entityIds.length) / ENTITY_CARD_GROUPS + 3);
    for (const group of groups.keys()) {
      const bytes = (await readFile(path.join(distDir, entityCardsUrl(group)))).length;
      expect(bytes / Object.keys(groups.get(group)!).length, `group ${group}`).toBeLessThan(1024);
    }
  });

  it("carry the entity's name, Arabic type, clipped description and the count of articles its page lists", async () => {
    for (const id of entityIds) {
      const card = (await readEntityCard(distDir, id))!;
      expect(card, id).toBeDefined();
      const registry = JSON.parse(await readFile(path.join(contentDir, 'entities', `${id}.json`), 'utf8'));
      const page = await readPage(distDir, `entities/${id}/index.html`);
      expect(card.name, id).toBe(page.querySelector('h1')!.text.trim());
      expect(card.name, id).toBe(registry.name);
      expect(card.type, id).toBe(entityTypeInfo[registry.type as keyof typeof entityTypeInfo].one);
      expect(card.line.length, id).toBeGreaterThan(0);
      expect(card.line.length, id).toBeLessThanOrEqual(141);
      expect(registry.description.replace(/\s+/g, ' ').startsWith(card.line.replace(/…$/, '')), id).toBe(true);
      expect(Number.isInteger(card.count) && card.count >= 0, id).toBe(true);
      expect(card.countText, id).toBe(card.count > 0 ? `ورد في ${articleCount(card.count)}` : 'لم يرد في مقالة بعد');
      // The articles its page lists (in its text, or as its source), when they fit on one page.
      if (!files.includes(`entities/${id}/page/1/index.html`)) {
        const listed = new Set(page.querySelectorAll('main a[href^="/articles/"]').map((a) => a.getAttribute('href')));
        expect(card.count, id).toBe(listed.size);
      }
    }
  });

  it('count at least the articles whose body links to the entity', async () => {
    const linkedFrom = new Map<string, number>();
    for (const f of files.filter((f) => /^articles\/[^/]+\/index\.html$/.test(f))) {
      const hrefs = new Set(
        (await readPage(distDir, f)).querySelectorAll('.article-body a.entity-link').map((a) => a.getAttribute('href')!),
      );
      for (const href of hrefs) linkedFrom.set(href, (linkedFrom.get(href) ?? 0) + 1);
    }
    expect(linkedFrom.size).toBeGreaterThan(5);
    for (const [href, n] of linkedFrom) {
      const card = await readEntityCard(distDir, href);
      expect(card, href).toBeDefined();
      expect(card!.count, href).toBeGreaterThanOrEqual(n);
    }
  });
});
