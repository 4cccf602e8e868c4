import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { indexSite } from '../../src/site/search/index-site.ts';
import type { ShardManifest } from '../../src/search/shards.ts';
import { browserTest as it, hasChromium, serveStatic, type ServedSite } from '../support/browser.ts';
import { articleIds } from '../support/site.ts';

/**
 * The search index in shards (src/site/search/index-site.ts, src/search/shards.ts), on copies of the
 * test site indexed again with two articles per shard: the primary bundle holds the two "newest"
 * articles (the seeds are undated, so the first block of two by id), the entity pages and dossiers a
 * bundle of their own the browser merges before its first search, and older articles are merged
 * only when a search needs them. (How dated articles are cut,
 * and what a rebuild indexes again: tests/search/shard-plan.test.ts, tests/site/search-rebuild.test.ts.)
 */
const distDir = inject('distDir');
const contentDir = inject('contentDir');

let work: string;
/** Two articles per shard; a single result from the first shard is enough. */
let recent: ServedSite;
/** Two articles per shard; the default threshold (10 results), which the seed site never reaches. */
let auto: ServedSite;
let ids: string[];

async function shardedCopy(name: string, minResults?: number): Promise<string> {
  const dir = path.join(work, name);
  await cp(distDir, dir, { recursive: true });
  await rm(path.join(dir, 'pagefind'), { recursive: true, force: true });
  await indexSite(dir, { articlesPerShard: 2, entityBundle: true, ...(minResults ? { minResults } : {}) });
  return dir;
}

/** A fresh page on `server` recording the Pagefind files it requests. */
async function openSearch(
  browser: Browser,
  server: ServedSite,
  params: Record<string, string> = {},
): Promise<{ page: Page; requested: string[] }> {
  const page = await browser.newPage();
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  const query = new URLSearchParams(params).toString();
  await page.goto(`${server.origin}/search/${query ? `?${query}` : ''}`);
  return { page, requested };
}

/** The site's own search (the one the UI runs): result URLs. */
async function search(page: Page, query: string, sort?: Record<string, string>): Promise<string[]> {
  return page.evaluate(
    async ([q, s]) => {
      const found = await window.marsadSearch!.search(q, s ? { sort: s as Record<string, 'asc' | 'desc'> } : {});
      const data = await Promise.all((found?.results ?? []).map((r) => r.data()));
      return data.map((d) => d.url);
    },
    [query, sort ?? null] as const,
  );
}

const articlesOf = (urls: string[]) =>
  urls
    .map((u) => /^\/articles\/([^/]+)\/$/.exec(u)?.[1])
    .filter((id): id is string => Boolean(id))
    .sort();
const olderShards = (requested: string[]) => requested.filter((p) => p.startsWith('/pagefind/older/'));

describe.runIf(hasChromium)('search index in shards, newest articles first', () => {
  beforeAll(async () => {
    ids = await articleIds(contentDir);
    work = await mkdtemp(path.join(os.tmpdir(), 'marsad-shards-'));
    recent = await serveStatic(await shardedCopy('recent', 1));
    auto = await serveStatic(await shardedCopy('auto'));
  });

  afterAll(async () => {
    await Promise.all([recent, auto].map((s) => s?.close()));
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('cuts the index by date: the newest articles and the entity pages first, older articles in bundles of their own', async () => {
    const dir = path.join(work, 'recent');
    const manifest: ShardManifest = JSON.parse(await readFile(path.join(dir, 'pagefind/marsad-shards.json'), 'utf8'));
    const entityPages = (await readdir(path.join(dir, 'entities'), { withFileTypes: true })).filter((d) => d.isDirectory()).length;
    expect(ids).toHaveLength(5);
    // Undated articles are ordered by id (the tests below rely on it).
    const graph = JSON.parse(await readFile(path.join(dir, 'data/graph.json'), 'utf8'));
    expect(graph.articles.every((a: { published: string | null }) => a.published === null)).toBe(true);
    expect(manifest.shards.map((s) => [s.path, s.articles])).toEqual([
      ['/pagefind/', 2],
      ['/pagefind/older/undated-2/', 2],
      ['/pagefind/older/undated-3/', 1],
    ]);
    // The entity pages and the dossiers (undated lists of the archive, edited over time) are a
    // bundle merged with the primary.
    const dossierPages = (await readdir(path.join(dir, 'dossiers'), { withFileTypes: true })).filter((d) => d.isDirectory()).length;
    expect(dossierPages).toBeGreaterThan(0);
    expect(manifest.shards[0]!.pages).toBe(2);
    expect(manifest.companions?.map((c) => [c.path, c.pages])).toEqual([['/pagefind/entities/', entityPages + dossierPages]]);
    expect(manifest.minResults).toBe(1);
    // An older bundle holds only what mergeIndex reads: no second copy of Pagefind's scripts.
    for (const shard of [...manifest.shards.slice(1), ...manifest.companions!]) {
      const files = await readdir(path.join(dir, shard.path));
      expect(files).toContain('pagefind-entry.json');
      expect(files).not.toContain('pagefind.js');
    }
    // No staging folder is left in the site.
    expect(await readdir(dir)).not.toContain('.marsad-search-shards');

    // By default (MARSAD_SEARCH_ENTITY_BUNDLE off) the entity pages and dossiers are in the primary.
    const together = path.join(work, 'together');
    await cp(distDir, together, { recursive: true });
    await rm(path.join(together, 'pagefind'), { recursive: true, force: true });
    await indexSite(together, { articlesPerShard: 2, entityBundle: false });
    const one: ShardManifest = JSON.parse(await readFile(path.join(together, 'pagefind/marsad-shards.json'), 'utf8'));
    expect(one.shards.map((s) => [s.path, s.articles])).toEqual(manifest.shards.map((s) => [s.path, s.articles]));
    expect(one.shards[0]!.pages).toBe(2 + entityPages + dossierPages);
    expect(one.companions).toBeUndefined();
  });

  it('answers from the newest articles alone when they give enough results, and says so with a button for the whole archive', async ({
    browser,
  }) => {
    const { page, requested } = await openSearch(browser, recent, { q: 'اردوغان' });
    const scope = page.locator('#search-scope');
    await scope.waitFor({ state: 'visible' });
    expect(await scope.textContent()).toContain('بحثنا في أحدث المقالات (مقالتان)');
    expect(await page.locator('#search-scope [data-scope-all]').textContent()).toBe('ابحث في الأرشيف كله (3 مقالات أقدم)');
    expect(olderShards(requested)).toEqual([]);
    // The two articles of the first shard (the seeds are undated: the first two ids), and the entity page.
    const first = await search(page, 'اردوغان');
    expect(articlesOf(first)).toEqual(ids.slice(0, 2));
    expect(first).toContain('/entities/recep-tayyip-erdogan/');
    expect(olderShards(requested)).toEqual([]);

    await page.locator('#search-scope [data-scope-all]').click();
    await scope.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).searchParams.get('archive')).toBe('all');
    expect(articlesOf(await search(page, 'اردوغان'))).toEqual(ids);
    expect(olderShards(requested).some((p) => p.endsWith('.pf_meta'))).toBe(true);
    await page.close();
  });

  it('searches the whole archive when the link asks for it (archive=all)', async ({ browser }) => {
    const { page } = await openSearch(browser, recent, { q: 'اردوغان', archive: 'all' });
    expect(articlesOf(await search(page, 'اردوغان'))).toEqual(ids);
    expect(await page.locator('#search-scope').isHidden()).toBe(true);
    await page.close();
  });

  it('goes on into the older archive by itself when the newest articles give few results', async ({ browser }) => {
    const { page, requested } = await openSearch(browser, auto);
    expect(articlesOf(await search(page, 'اردوغان'))).toEqual(ids);
    expect(olderShards(requested).filter((p) => p.endsWith('.pf_meta'))).toHaveLength(2);
    await page.close();
  });

  it('goes on one older shard at a time, newest first, and stops once the results are enough', async ({ browser }) => {
    // «طلبت» is in one article only, the third by id (the second shard), in a sentence past the
    // snippets its entities' pages quote: the first shard has no result. One result is enough here.
    const { page, requested } = await openSearch(browser, recent, { q: 'طلبت' });
    const scope = page.locator('#search-scope');
    await scope.waitFor({ state: 'visible' });
    expect(await scope.textContent()).toContain('بحثنا في أحدث المقالات (4 مقالات)');
    expect(await page.locator('#search-scope [data-scope-all]').textContent()).toBe('ابحث في الأرشيف كله (مقالة واحدة أقدم)');
    expect(articlesOf(await search(page, 'طلبت'))).toContain(ids[2]);
    const metas = olderShards(requested).filter((p) => p.endsWith('.pf_meta'));
    expect(metas).toHaveLength(1);
    expect(metas[0]).toMatch(/^\/pagefind\/older\/undated-2\//);
    await page.close();
  });

  it('finds the entity pages on the first search, first where the one-index site puts them first', async ({ browser, site }) => {
    // Names whose entity page is the site's first result (tests/browser/search-arabic.test.ts).
    const names = ['داعش', 'ادلب', 'الناتو', 'تشاويش أوغلو', 'موتمر استانا', 'اردوغان'];
    const whole = await openSearch(browser, site);
    const { page, requested } = await openSearch(browser, recent);
    for (const name of names) {
      const expected = (await search(whole.page, name))[0];
      expect(expected, name).toMatch(/^\/entities\//);
      const fresh = await openSearch(browser, recent);
      // A cold search: the entity bundle is merged before the first query is answered.
      expect((await search(fresh.page, name))[0], name).toBe(expected);
      expect(
        fresh.requested.some((p) => p.startsWith('/pagefind/entities/') && p.endsWith('.pf_meta')),
        name,
      ).toBe(true);
      await fresh.page.close();
      expect((await search(page, name))[0], name).toBe(expected);
    }
    expect(requested.filter((p) => p.startsWith('/pagefind/entities/') && p.endsWith('.pf_meta'))).toHaveLength(1);
    await Promise.all([page.close(), whole.page.close()]);
  });

  it('searches every shard when results are sorted oldest first', async ({ browser }) => {
    const { page } = await openSearch(browser, recent);
    expect(articlesOf(await search(page, 'اردوغان', { date_oldest: 'asc' }))).toEqual(ids);
    await page.close();
  });

  it('keeps a site of fewer articles than a shard in one index, and never asks for older shards', async ({ browser, site }) => {
    const manifest: ShardManifest = JSON.parse(await readFile(path.join(distDir, 'pagefind/marsad-shards.json'), 'utf8'));
    expect(manifest.shards).toHaveLength(1);
    expect(manifest.shards[0]!.articles).toBe(5);
    expect(manifest.companions).toBeUndefined();
    const { page, requested } = await openSearch(browser, site);
    expect(articlesOf(await search(page, 'اردوغان'))).toEqual(ids);
    expect(olderShards(requested)).toEqual([]);
    await page.close();
  });
});
