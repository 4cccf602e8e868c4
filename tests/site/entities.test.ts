import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readFrontmatter } from '../../src/ingest/index.ts';
import { findBrokenLinks } from '../../src/site/link-check.ts';
import { articleIds, listFiles, readPage } from '../support/site.ts';

const distDir = inject('distDir');
const contentDir = inject('contentDir');
const usesSeeds = path.resolve(contentDir) === path.resolve(import.meta.dirname, '../../content');

/**
 * A pair the seed fixture counts that no linker can see in the published text: the Russian Foreign
 * Ministry is named only in the English wire caption that ingest removes.
 */
const NOT_IN_PUBLISHED_TEXT = new Set(['001_47fcac9e9e7e3a4e:russian-foreign-ministry']);

let ids: string[];
/** Every entity of the registry. */
let registryIds: string[];
/** Entities some article names (in its text, or as its dateline, credit or outlet). */
let namedIds: Set<string>;
/** article id → entity ids listed in its "في هذه المقالة" box. */
const mentionedIn = new Map<string, Set<string>>();
/** article id → the entities its title and body name (the box's groups by type, not its «مصدر الخبر» group). */
const aboutIn = new Map<string, Set<string>>();

beforeAll(async () => {
  ids = await articleIds(contentDir);
  registryIds = (await readdir(path.join(contentDir, 'entities'))).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
  for (const id of ids) {
    const page = await readPage(distDir, `articles/${id}/index.html`);
    const idOf = (a: { getAttribute: (name: string) => string | undefined }) => a.getAttribute('href')!.split('/')[2]!;
    mentionedIn.set(id, new Set(page.querySelectorAll('aside .entity-chip').map(idOf)));
    aboutIn.set(id, new Set(page.querySelectorAll('aside li:not([data-source-zone]) > .entity-chip').map(idOf)));
  }
  namedIds = new Set([...mentionedIn.values()].flatMap((s) => [...s]));
});

describe('entity links in articles', () => {
  it.runIf(usesSeeds)('every seed article lists exactly the entities a careful reader marks', async () => {
    const expected: Record<string, string[]> = JSON.parse(
      await readFile(path.resolve(import.meta.dirname, '../entities/fixtures/seed-mentions.json'), 'utf8'),
    );
    const seen = new Set<string>();
    for (const id of ids) {
      const fm = readFrontmatter(await readFile(path.join(contentDir, 'articles', `${id}.mdx`), 'utf8')) as { source: { file: string } };
      const stem = fm.source.file.replace(/\.txt$/, '');
      seen.add(stem);
      const want = (expected[stem] ?? []).filter((e) => !NOT_IN_PUBLISHED_TEXT.has(`${stem}:${e}`)).sort();
      expect([...mentionedIn.get(id)!].sort(), stem).toEqual(want);
    }
    expect([...seen].sort()).toEqual(Object.keys(expected).sort());
  });

  it('links each mentioned entity from the article body at most once, and only mentioned ones', async () => {
    let links = 0;
    for (const id of ids) {
      const page = await readPage(distDir, `articles/${id}/index.html`);
      const linked = page.querySelectorAll('.article-body a.entity-link').map((a) => a.getAttribute('data-entity')!);
      links += linked.length;
      expect(new Set(linked).size, id).toBe(linked.length);
      for (const e of linked) expect(mentionedIn.get(id), `${id} links ${e}`).toContain(e);
    }
    expect(links).toBeGreaterThan(ids.length * 5);
  });

  it('keeps the spaces around links in Arabic text', async () => {
    for (const id of ids) {
      const html = await readFile(path.join(distDir, `articles/${id}/index.html`), 'utf8');
      // A link glued to the next Arabic word means the space was lost.
      expect(html, id).not.toMatch(/<\/a>[\u0621-\u064A]/);
    }
  });
});

describe('entity pages', () => {
  it('has a page per entity an article names, per type index and an index of all entities', async () => {
    const files = await listFiles(distDir);
    for (const e of namedIds) expect(files).toContain(`entities/${e}/index.html`);
    for (const t of ['people', 'places', 'organizations', 'events', 'entities']) expect(files).toContain(`${t}/index.html`);
  });

  it('gives a registry entity no article names no page, feed, list entry, sitemap entry or search record', async () => {
    const unnamed = registryIds.filter((e) => !namedIds.has(e));
    expect(unnamed.length).toBeGreaterThan(0);
    const files = await listFiles(distDir);
    const lists = await Promise.all(
      ['entities', 'people', 'places', 'organizations', 'events'].map((t) => readFile(path.join(distDir, `${t}/index.html`), 'utf8')),
    );
    const sitemaps = await Promise.all(files.filter((f) => /^sitemap.*\.xml$/.test(f)).map((f) => readFile(path.join(distDir, f), 'utf8')));
    const graph = JSON.parse(await readFile(path.join(distDir, 'data/graph.json'), 'utf8')) as { entities: { id: string }[] };
    // The names table the search page reads to recognise entities in queries (enriched builds).
    const names = files.includes('search/entities.json')
      ? (JSON.parse(await readFile(path.join(distDir, 'search/entities.json'), 'utf8')) as { names: string[][] }).names
      : [];
    for (const e of unnamed) {
      expect(
        files.filter((f) => f.startsWith(`entities/${e}/`)),
        e,
      ).toEqual([]);
      for (const list of lists) expect(list, e).not.toContain(`/entities/${e}/`);
      for (const sitemap of sitemaps) expect(sitemap, e).not.toContain(`/entities/${e}/`);
      expect(graph.entities.map((x) => x.id)).not.toContain(e);
      const { name } = JSON.parse(await readFile(path.join(contentDir, 'entities', `${e}.json`), 'utf8')) as { name: string };
      expect(
        names.map((row) => row[0]),
        e,
      ).not.toContain(name);
    }
  });

  it('lists exactly the articles whose text mentions the entity, with the mention highlighted', async () => {
    for (const e of namedIds) {
      const page = await readPage(distDir, `entities/${e}/index.html`);
      const listed = page.querySelectorAll('main ol > li h3 a').map((a) => a.getAttribute('href')!.split('/')[2]!);
      const expected = ids.filter((id) => aboutIn.get(id)!.has(e));
      expect(listed.sort(), e).toEqual(expected.sort());
      if (expected.length) expect(page.querySelectorAll('main ol mark').length, e).toBeGreaterThan(0);
    }
  });

  it('lists apart the articles that name the entity only as their source, and says how many', async () => {
    // بي بي سي عربي publishes two seed articles that never name the BBC in their text.
    const sourced = ids.filter((id) => mentionedIn.get(id)!.has('bbc') && !aboutIn.get(id)!.has('bbc'));
    if (!usesSeeds) return;
    expect(sourced.length).toBeGreaterThan(0);
    const page = await readPage(distDir, 'entities/bbc/index.html');
    const section = page.querySelector('#attributed-outlet')!.parentNode!;
    expect(section.querySelector('h2')!.text).toBe('أخبار نشرتها هيئة الإذاعة البريطانية');
    expect(
      section
        .querySelectorAll('li a')
        .map((a) => a.getAttribute('href')!.split('/')[2]!)
        .sort(),
    ).toEqual(sourced.sort());
    expect(page.querySelector('.entity-counts')!.text).toContain(`وهو مصدر`);
  });

  it('ranks related entities by co-occurrence', async () => {
    const page = await readPage(distDir, 'entities/vladimir-putin/index.html');
    const related = page.querySelectorAll('#related-heading + ul a').map((a) => a.getAttribute('href'));
    expect(related.length).toBeGreaterThan(3);
    expect(related.slice(0, 2)).toContain('/entities/recep-tayyip-erdogan/');
  });
});

describe('internal links', () => {
  it('every internal link and asset in dist/ resolves to a file', () => {
    expect(findBrokenLinks(distDir)).toEqual([]);
  });
});
