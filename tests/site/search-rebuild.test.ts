/**
 * Publishing into a sharded archive (src/search/shard-plan.ts, src/site/search/index-site.ts, and the
 * cache keys of src/site/data.ts): the site of real-shaped news (tests/support/build-site.ts) built
 * by the real build with a cache of its own and its search cut into shards of two articles, then
 * one article dated today ingested by the real CLI and the site built again with the same cache.
 * The older shards and the entity pages' bundle must be copied, not indexed again, byte for byte
 * (and equal to what Pagefind writes when it indexes the new site afresh); the lists of other days
 * and outlets, and the numbered archive pages, restored from Astro's cache, not rendered again.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSite, projectRoot } from '../../scripts/lib/build.ts';
import { ENTITY_BUNDLE_PATH, indexSite, LAST_RUN, searchCacheDir, type ShardRun } from '../../src/site/search/index-site.ts';
import type { ShardManifest } from '../../src/search/shards.ts';
import { NEWS_SITE_SETTINGS } from '../support/build-site.ts';
import { articleIds, listFiles, pageWrite, readPage } from '../support/site.ts';

const newsContent = inject('newsContentDir');
const PER_SHARD = 2;

let work: string;
let before: string;
let after: string;
let cache: string;
let first: ShardRun[];
let second: ShardRun[];
let added: string;
/** The second build's log: each page written, rendered or `(restored)` from Astro's cache. */
let rebuildLog: string;
const today = new Date().toISOString().slice(0, 10);

const manifest = async (dist: string): Promise<ShardManifest> =>
  JSON.parse(await readFile(path.join(dist, 'pagefind', 'marsad-shards.json'), 'utf8'));

/** Every file of a shard's bundle with its bytes. */
async function bundleFiles(dist: string, urlPath: string): Promise<Map<string, string>> {
  const dir = path.join(dist, urlPath);
  const files = await listFiles(dir);
  return new Map(
    await Promise.all(files.map(async (f) => [f, (await readFile(path.join(dir, f))).toString('base64')] as [string, string])),
  );
}

describe('publishing one article into a sharded archive', () => {
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'marsad-search-rebuild-'));
    const content = path.join(work, 'content');
    before = path.join(work, 'before');
    after = path.join(work, 'after');
    cache = path.join(work, 'cache');
    // The first build: the shared news site's content, its index cut into small shards, a cache of its own.
    await cp(newsContent, content, { recursive: true });
    const env = { ...NEWS_SITE_SETTINGS, MARSAD_SEARCH_SHARD_ARTICLES: String(PER_SHARD), MARSAD_SEARCH_ENTITY_BUNDLE: '1' };
    // Both builds log in full: Astro's log level is part of the config its cache is keyed on.
    await buildSite({ contentDir: content, outDir: after, cacheDir: cache, env, log: path.join(work, 'build.log') });
    first = JSON.parse(await readFile(path.join(searchCacheDir(cache), LAST_RUN), 'utf8')).shards;
    // The site as it was; the rebuild writes into the same folder, as a newsroom's does (into
    // another one, Astro's config differs from the cached build's and every page renders again).
    await cp(after, before, { recursive: true });

    // One more story, dated today, through the ingest CLI; then the real build with the same cache.
    // It names only entities that already have a page (an entity's first page, as «المملكة» or
    // «دول الخليج» would give here, changes the entity bundle: it is then indexed again).
    const record = {
      source: 'sabq',
      url: 'http://sabq.org/Today01',
      date: today,
      title: 'أمير منطقة عسير يفتتح مهرجان أبها للتسوق',
      content:
        'افتتح أمير منطقة عسير الأمير فيصل بن خالد بن عبدالعزيز مساء اليوم مهرجان أبها للتسوق في دورته الجديدة، بحضور عدد من المسؤولين في المنطقة.\n\nوقال الأمير إن المهرجان يستقبل زواره طوال أيام الصيف.',
    };
    await writeFile(path.join(work, 'today.json'), JSON.stringify([record]));
    const idsBefore = await articleIds(content);
    const ingest = spawnSync(
      process.execPath,
      [path.join(projectRoot, 'src/cli/ingest.ts'), '--out', path.join(content, 'articles'), path.join(work, 'today.json')],
      { encoding: 'utf8' },
    );
    expect(ingest.status, ingest.stdout + ingest.stderr).toBe(0);
    added = (await articleIds(content)).find((id) => !idsBefore.includes(id))!;
    const log = path.join(work, 'rebuild.log');
    await buildSite({ contentDir: content, outDir: after, cacheDir: cache, env, log });
    // Colours off: with CI set, Astro's logger colours its lines even into a file.
    rebuildLog = stripVTControlCharacters(await readFile(log, 'utf8'));
    second = JSON.parse(await readFile(path.join(searchCacheDir(cache), LAST_RUN), 'utf8')).shards;
  }, 600_000);

  afterAll(() => rm(work, { recursive: true, force: true }));

  it('cuts the archive into closed shards by date, the entity pages in a bundle merged with the newest', async () => {
    const { shards, companions } = await manifest(before);
    expect(shards.length).toBeGreaterThanOrEqual(4);
    expect(shards[0]!.path).toBe('/pagefind/');
    expect(shards[0]!.pages).toBe(shards[0]!.articles);
    const named = (await listFiles(path.join(before, 'entities'))).filter((f) => /^[^/]+\/index\.html$/.test(f)).length;
    const dossiers = (await listFiles(path.join(before, 'dossiers'))).filter((f) => /^[^/]+\/index\.html$/.test(f)).length;
    expect(named).toBeGreaterThan(0);
    expect(companions).toEqual([{ path: ENTITY_BUNDLE_PATH, pages: named + dossiers, articles: 0, newest: null, oldest: null }]);
    for (const s of shards.slice(1)) {
      expect(s.path).toMatch(/^\/pagefind\/older\/\d{4}-\d{2}-\d{2}(_\d{4}-\d{2}-\d{2})?\/$/);
      expect(s.pages).toBe(s.articles);
    }
    // Newest first, periods apart.
    for (let i = 1; i < shards.length; i++) expect(shards[i]!.newest! < shards[i - 1]!.oldest!).toBe(true);
    expect(first.every((r) => !r.reused)).toBe(true);
  });

  it('indexes again only the newest shard, and the one it leaves behind, after one article dated today', async () => {
    const now = (await manifest(after)).shards;
    expect(now[0]!.newest).toBe(today);
    const indexed = second.filter((r) => !r.reused).map((r) => r.path);
    // The primary, and the periods that were in it before and have left it, now older shards of their own.
    const left = first[0]!.periods.filter((p) => !second[0]!.periods.includes(p));
    expect(indexed).toEqual(['/pagefind/', ...left.map((p) => `/pagefind/older/${p}/`)]);
    for (const run of first.slice(1)) expect(second.find((r) => r.path === run.path)).toMatchObject({ reused: true, digest: run.digest });
  });

  it('keeps the entity pages’ bundle though the pages of the entities the new article names changed', async () => {
    // The new article names entities the site has pages for: their counts and lists of articles
    // changed, what search reads of them (names, descriptions, search terms) did not, and no
    // entity gained its first page.
    const pages = async (dist: string) => (await listFiles(path.join(dist, 'entities'))).filter((f) => /^[^/]+\/index\.html$/.test(f));
    const was = await pages(before);
    expect(await pages(after)).toEqual(was);
    const changed: string[] = [];
    for (const page of was) {
      const file = `entities/${page}`;
      if ((await readFile(path.join(before, file), 'utf8')) !== (await readFile(path.join(after, file), 'utf8'))) changed.push(file);
    }
    const named = (await readPage(after, `articles/${added}/index.html`))
      .querySelectorAll('a[href^="/entities/"]')
      .map((a) => `${a.getAttribute('href')!.slice(1)}index.html`)
      .filter((f) => was.includes(f.slice('entities/'.length)));
    expect(named.length).toBeGreaterThan(0);
    expect(changed).toEqual(expect.arrayContaining(named));
    expect(second.find((r) => r.path === ENTITY_BUNDLE_PATH)).toMatchObject({
      reused: true,
      digest: first.find((r) => r.path === ENTITY_BUNDLE_PATH)!.digest,
    });
  });

  it('copies from the cache exactly what Pagefind writes when it indexes the site afresh', async () => {
    const fresh = path.join(work, 'fresh');
    await cp(after, fresh, { recursive: true });
    await rm(path.join(fresh, 'pagefind'), { recursive: true, force: true });
    await indexSite(fresh, { articlesPerShard: PER_SHARD, entityBundle: true });
    const { shards, companions } = await manifest(after);
    expect(await manifest(fresh)).toEqual(await manifest(after));
    for (const bundle of [...shards, ...(companions ?? [])]) {
      const files = await bundleFiles(after, bundle.path);
      // The primary's folder holds the other bundles too: each is compared on its own.
      if (bundle.path === '/pagefind/') for (const f of files.keys()) if (/^(older|entities)\//.test(f)) files.delete(f);
      const made = await bundleFiles(fresh, bundle.path);
      if (bundle.path === '/pagefind/') for (const f of made.keys()) if (/^(older|entities)\//.test(f)) made.delete(f);
      expect(made, bundle.path).toEqual(files);
    }
  }, 120_000);

  it('leaves every older shard and the entity bundle of the first build byte for byte as it was', async () => {
    const { shards, companions } = await manifest(before);
    const older = [...shards.slice(1), ...(companions ?? [])];
    expect(older.map((s) => s.path)).toContain(ENTITY_BUNDLE_PATH);
    for (const shard of older) {
      const was = await bundleFiles(before, shard.path);
      expect(was.size).toBeGreaterThan(0);
      expect(await bundleFiles(after, shard.path)).toEqual(was);
    }
  });

  it('keeps a shard whose articles now list the new story among their related ones', async () => {
    // The new story is related to older ones on the same person: their pages changed, not what search reads of them.
    const reused = second.filter((r) => r.reused && r.path !== '/pagefind/');
    const graph = JSON.parse(await readFile(path.join(after, 'data/graph.json'), 'utf8')) as {
      articles: { id: string; published: string | null }[];
    };
    const listing: string[] = [];
    for (const a of graph.articles) {
      if (a.id === added) continue;
      const page = await readPage(after, `articles/${a.id}/index.html`);
      if (page.querySelector(`[data-related-articles] a[href="/articles/${added}/"]`)) listing.push(a.published!);
    }
    expect(listing.length).toBeGreaterThan(0);
    const shards = (await manifest(after)).shards;
    const shardOf = (day: string) => shards.find((s) => s.oldest! <= day && day <= s.newest!)!.path;
    expect(listing.some((day) => reused.some((r) => r.path === shardOf(day)))).toBe(true);
  });

  it('renders again the lists the new article is in, and restores the other days and outlets', async () => {
    const written = (page: string) => pageWrite(rebuildLog, page);
    const graph = JSON.parse(await readFile(path.join(after, 'data/graph.json'), 'utf8')) as {
      articles: { id: string; published: string | null; outlet: string | null }[];
    };
    const link = `a[href="/articles/${added}/"]`;
    // Today's day and month, and the outlet of the new article: rendered, with the new article.
    expect(written(`/archive/${today}/index.html`)).toBe('rendered');
    expect((await readPage(after, `archive/${today}/index.html`)).querySelector(link)).not.toBeNull();
    expect(written(`/archive/${today.slice(0, 7)}/index.html`)).toBe('rendered');
    const outletPage = (await readPage(after, `articles/${added}/index.html`))
      .querySelectorAll('a')
      .map((a) => a.getAttribute('href'))
      .find((href) => href?.startsWith('/outlets/') && href !== '/outlets/')!;
    expect(written(`${outletPage}index.html`)).toBe('rendered');
    expect((await readPage(after, `${outletPage.slice(1)}index.html`)).querySelector(link)).not.toBeNull();
    // Every other day's page but the one now followed by today (its link to the next day changed),
    // and every other outlet's page: restored, as they were.
    const days = [...new Set(graph.articles.filter((a) => a.id !== added && a.published).map((a) => a.published!.slice(0, 10)))].sort();
    expect(days.length).toBeGreaterThan(2);
    for (const day of days.slice(0, -1)) expect(written(`/archive/${day}/index.html`), day).toBe('restored');
    expect(written(`/archive/${days.at(-1)}/index.html`)).toBe('rendered');
    const outlets = rebuildLog.match(/─ \/outlets\/[^/ ]+\/index\.html/g)!.map((l) => l.slice(2, -'index.html'.length));
    expect(outlets.length).toBeGreaterThan(2);
    for (const outlet of outlets.filter((o) => o !== outletPage)) expect(written(`${outlet}index.html`), outlet).toBe('restored');
    // The archive's front page shows the new article; its numbered pages (counted from the oldest,
    // tests/site/pagination.test.ts) hold older blocks and are restored.
    expect(written('/archive/index.html')).toBe('rendered');
    for (const page of rebuildLog.match(/─ \/archive\/\d+\/index\.html/g) ?? []) expect(written(page.slice(2)), page).toBe('restored');
  });

  it('checks the links of the pages it wrote, not of every page, when it deleted nothing', async () => {
    const read = /no broken internal links \((\d+) page\(s\) written by this build read; nothing was deleted\)/.exec(rebuildLog);
    expect(read).not.toBeNull();
    const pages = (await listFiles(after)).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/')).length;
    const rendered = (rebuildLog.match(/├─ \S+\.html(?! \((?:restored|cached)\))/g) ?? []).length;
    expect(Number(read![1])).toBe(rendered);
    expect(Number(read![1])).toBeLessThan(pages / 2);
  });
});
