import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { articleCount, entityTypeInfo } from '../../src/site-core/labels.ts';
import type { EntityCard } from '../../src/site-core/entity-card.ts';
import { listFiles, readPage } from '../support/site.ts';

const distDir = inject('distDir');
const contentDir = inject('contentDir');

let files: string[];
/** Ids of the entities that have a page. */
let entityIds: string[];

beforeAll(async () => {
  files = await listFiles(distDir);
  entityIds = files.map((f) => /^entities\/([^/]+)\/index\.html$/.exec(f)?.[1]).filter((id): id is string => !!id);
});

describe('entity preview cards', () => {
  it('are written for every entity page, and only for them', () => {
    expect(entityIds.length).toBeGreaterThan(10);
    const cards = files.filter((f) => f.endsWith('/card.json'));
    expect(cards.sort()).toEqual(entityIds.map((id) => `entities/${id}/card.json`).sort());
  });

  it("carry the entity's name, Arabic type, clipped description and the count of articles its page lists", async () => {
    for (const id of entityIds) {
      const file = path.join(distDir, 'entities', id, 'card.json');
      expect((await stat(file)).size, id).toBeLessThan(1024);
      const card = JSON.parse(await readFile(file, 'utf8')) as EntityCard;
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
      if (!files.includes(`entities/${id}/page/2/index.html`)) {
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
      const card = JSON.parse(await readFile(path.join(distDir, href, 'card.json'), 'utf8')) as EntityCard;
      expect(card.count, href).toBeGreaterThanOrEqual(n);
    }
  });
});
