import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { headlineKey, RELATED_DEFAULTS } from '../../src/entities/related.ts';
import type { Graph } from '../../src/site/graph.ts';
import { listFiles, readPage } from './site.ts';

/** What the related stories of a built site's article pages were checked to be. */
export interface RelatedOnPages {
  /** Article id → the related stories its page lists (ids, in order). */
  listed: Map<string, string[]>;
  /** Articles that share no entity with any other (and list none). */
  alone: string[];
}

/**
 * Checks every article page's «أخبار ذات صلة» against what `data/graph.json` says the articles
 * are about (the entities of their title and body), without ranking anything itself:
 * - each story listed is another article, with another headline, that shares with it an entity
 *   not every article names; its link, outlet and date are right; the section is out of search;
 * - an article that shares no such entity with any other lists none;
 * - an article that shares a specific entity (named by no more articles than the ranking's
 *   `specificFloor`, which is always evidence enough) with others lists at least one story per
 *   such headline, up to the limit.
 */
export async function checkRelatedStories(dist: string): Promise<RelatedOnPages> {
  const graph = JSON.parse(await readFile(path.join(dist, 'data/graph.json'), 'utf8')) as Graph;
  const files = new Set(await listFiles(dist));
  const total = graph.articles.length;
  const articles = new Map(graph.articles.map((a) => [a.id, a]));
  const about = new Map(graph.articles.map((a) => [a.id, new Set(a.entities.filter((e) => e.count > 0).map((e) => e.id))]));
  const naming = (entityId: string) => graph.articles.filter((a) => about.get(a.id)!.has(entityId)).length;
  const result: RelatedOnPages = { listed: new Map(), alone: [] };
  for (const article of graph.articles) {
    const { id } = article;
    const others = graph.articles.filter((o) => o.id !== id && headlineKey(o.title) !== headlineKey(article.title));
    const sharedWith = (other: string) => [...about.get(id)!].filter((e) => about.get(other)!.has(e));
    const sharing = others.filter((o) => sharedWith(o.id).some((e) => naming(e) < total)).map((o) => o.id);
    const specific = others.filter((o) => sharedWith(o.id).some((e) => naming(e) < total && naming(e) <= RELATED_DEFAULTS.specificFloor));
    const page = await readPage(dist, `articles/${id}/index.html`);
    const section = page.querySelector('[data-related-articles]');
    if (sharing.length === 0) {
      expect(section, `${id} shares no entity, yet lists related stories`).toBeNull();
      result.alone.push(id);
      continue;
    }
    const listed: string[] = [];
    for (const card of section?.querySelectorAll('article') ?? []) {
      const href = card.querySelector('h3 a')!.getAttribute('href')!;
      const other = /^\/articles\/([^/]+)\/$/.exec(href)?.[1];
      expect(other, href).toBeDefined();
      expect(files.has(`articles/${other}/index.html`), href).toBe(true);
      expect(sharing, `${id} lists ${other}, which shares no entity with it`).toContain(other);
      const data = articles.get(other!)!;
      expect(card.querySelector('h3 a')!.text).toBe(data.title);
      if (data.outlet) {
        const outlet = card.querySelector('a[href^="/outlets/"]')!;
        expect(outlet.text).toBe(data.outlet);
        expect(files.has(`${outlet.getAttribute('href')!.slice(1)}index.html`)).toBe(true);
      }
      if (data.published) {
        expect(card.querySelector('time')!.getAttribute('datetime')).toBe(data.published);
        expect(card.querySelector('a[href^="/archive/"]')!.getAttribute('href')).toBe(`/archive/${data.published}/`);
      }
      listed.push(other!);
    }
    expect(new Set(listed.map((o) => headlineKey(articles.get(o)!.title))).size, `${id}: one story per headline`).toBe(listed.length);
    expect(listed.length).toBeLessThanOrEqual(RELATED_DEFAULTS.limit);
    const specificHeadlines = new Set(specific.map((o) => headlineKey(o.title)));
    expect(listed.length, `${id} shares specific entities with ${specific.map((o) => o.id).join(', ')}`).toBeGreaterThanOrEqual(
      Math.min(RELATED_DEFAULTS.limit, specificHeadlines.size),
    );
    if (section) {
      expect(section.hasAttribute('data-pagefind-ignore')).toBe(true);
      expect(section.closest('[data-pagefind-body]'), 'inside the article, at its end').not.toBeNull();
      expect(section.querySelector('h2')!.text).toBe('أخبار ذات صلة');
      result.listed.set(id, listed);
    }
  }
  return result;
}
