import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/lib/build.ts';

const run = promisify(execFile);
const cli = path.join(projectRoot, 'src/cli/search-index.ts');
const temp: string[] = [];

async function folder(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'marsad-index-'));
  temp.push(dir);
  return dir;
}

/** The environment of a CLI run: a cache of its own unless given, never the project's. */
const ownCache = await mkdtemp(path.join(os.tmpdir(), 'marsad-index-cache-'));
temp.push(ownCache);
const env = (extra: Record<string, string> = {}) => ({ ...process.env, MARSAD_CACHE_DIR: ownCache, ...extra });

const page = (body: string) => `<!doctype html><html lang="ar" dir="rtl"><head><title>x</title></head><body>${body}</body></html>`;

/** A built page with a search body (and what follows it in the page). */
async function writePage(dir: string, folderPath: string, body: string, after = ''): Promise<void> {
  await mkdir(path.join(dir, folderPath), { recursive: true });
  await writeFile(path.join(dir, folderPath, 'index.html'), page(`<main data-pagefind-body>${body}${after}</main>`));
}

/** Every file of a folder with its bytes, by relative path. */
async function files(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())) {
    const full = path.join(f.parentPath, f.name);
    out[path.relative(dir, full)] = (await readFile(full)).toString('base64');
  }
  return out;
}

afterAll(async () => {
  for (const dir of temp) await rm(dir, { recursive: true, force: true });
});

describe('npm run search:index', () => {
  it('refuses a folder with no built site, naming it', async () => {
    const dir = await folder();
    const failed = await run(process.execPath, [cli, dir], { env: env() }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain(`${dir}: no built site here`);
  });

  it('indexes the pages of a built folder into pagefind/', async () => {
    const dir = await folder();
    await writeFile(path.join(dir, 'index.html'), page('<main><h1>مرصد</h1></main>'));
    await writePage(dir, 'articles/a1', '<h1>خبر</h1><p>وزير الخارجية في الرياض</p>');
    const { stdout } = await run(process.execPath, [cli, dir], { env: env() });
    expect(stdout).toMatch(/indexed 1 pages in \d+ ms/);
    expect((await readdir(path.join(dir, 'pagefind'))).some((f) => f.endsWith('.pf_meta'))).toBe(true);
  }, 60_000);

  it('cuts a site of more articles than MARSAD_SEARCH_SHARD_ARTICLES into shards, entity pages in a bundle of their own', async () => {
    const dir = await folder();
    await writeFile(path.join(dir, 'index.html'), page('<main><h1>مرصد</h1></main>'));
    for (const id of ['a1', 'a2', 'a3']) await writePage(dir, `articles/${id}`, `<h1>خبر ${id}</h1><p>الرياض</p>`);
    await writePage(dir, 'entities/riyadh', '<h1>الرياض</h1>');
    const { stdout } = await run(process.execPath, [cli, dir], {
      env: env({ MARSAD_SEARCH_SHARD_ARTICLES: '2', MARSAD_SEARCH_ENTITY_BUNDLE: '1' }),
    });
    expect(stdout).toMatch(/indexed 4 pages in 2 shards \(newest articles first, entity pages in a bundle of their own\)/);
    const manifest = JSON.parse(await readFile(path.join(dir, 'pagefind', 'marsad-shards.json'), 'utf8'));
    // No data/graph.json here: undated articles, in blocks by id.
    const rows = (list: { path: string; pages: number; articles: number }[]) => list.map((s) => [s.path, s.pages, s.articles]);
    expect(rows(manifest.shards)).toEqual([
      ['/pagefind/', 2, 2],
      ['/pagefind/older/undated-2/', 1, 1],
    ]);
    // Merged with the primary before the first search (src/browser/search/adapter.ts).
    expect(rows(manifest.companions)).toEqual([['/pagefind/entities/', 1, 0]]);
    expect(await readdir(path.join(dir, 'pagefind/entities'))).not.toContain('pagefind.js');
    // An older shard keeps only what the browser's mergeIndex reads.
    const olderFiles = await readdir(path.join(dir, 'pagefind/older/undated-2'));
    expect(olderFiles).toEqual(expect.arrayContaining(['pagefind-entry.json', 'index', 'fragment']));
    expect(olderFiles.filter((f) => /\.(js|css)$|^wasm\./.test(f))).toEqual([]);
    expect(await readdir(path.join(dir, 'pagefind'))).toEqual(
      expect.arrayContaining(['pagefind.js', 'pagefind-worker.js', 'wasm.ar.pagefind']),
    );
  }, 60_000);

  it('indexes again only the shards whose pages changed, and copies the others byte for byte from the cache', async () => {
    const dir = await folder();
    const cache = await folder();
    await writeFile(path.join(dir, 'index.html'), page('<main><h1>مرصد</h1></main>'));
    // Dated by the site's data export: three days, two articles per shard.
    const days = { a1: '2015-07-21', a2: '2015-07-22', a3: '2015-07-23', a4: '2015-07-24', a5: '2015-07-24' };
    await mkdir(path.join(dir, 'data'), { recursive: true });
    await writeFile(
      path.join(dir, 'data', 'graph.json'),
      JSON.stringify({ articles: Object.entries(days).map(([id, published]) => ({ id, published })) }),
    );
    for (const id of Object.keys(days)) await writePage(dir, `articles/${id}`, `<h1>خبر ${id}</h1><p>الرياض وجدة</p>`);
    const entity = (count: number) =>
      writePage(dir, 'entities/riyadh', '<h1>الرياض</h1>', `<p data-pagefind-ignore>ورد في ${count} مقالات.</p>`);
    await entity(5);
    const options = { env: env({ MARSAD_SEARCH_SHARD_ARTICLES: '2', MARSAD_CACHE_DIR: cache, MARSAD_SEARCH_ENTITY_BUNDLE: '1' }) };
    const first = await run(process.execPath, [cli, dir], options);
    expect(first.stdout).toMatch(/4 bundle\(s\) indexed: .*\/pagefind\/entities\/ \(1 pages\).*; 0 unchanged/);
    const manifest = JSON.parse(await readFile(path.join(dir, 'pagefind', 'marsad-shards.json'), 'utf8'));
    expect(manifest.shards.map((s: { path: string; articles: number }) => [s.path, s.articles])).toEqual([
      ['/pagefind/', 2],
      ['/pagefind/older/2015-07-23/', 1],
      ['/pagefind/older/2015-07-21_2015-07-22/', 2],
    ]);
    const older = ['pagefind/older/2015-07-23', 'pagefind/older/2015-07-21_2015-07-22'];
    const before = await Promise.all(older.map((d) => files(path.join(dir, d))));

    // Nothing changed: nothing is indexed; the closed bundles this folder holds stay where they are
    // (the primary, whose folder holds them, is copied from the cache).
    const same = await run(process.execPath, [cli, dir], options);
    expect(same.stdout).toContain('0 bundle(s) indexed; 4 unchanged (3 kept in place, 1 copied from the cache)');
    expect(await Promise.all(older.map((d) => files(path.join(dir, d))))).toEqual(before);
    // The same site in another folder: the cache's bundles are copied there; this folder's are not claimed.
    const elsewhere = await folder();
    await cp(dir, elsewhere, { recursive: true });
    const copy = await run(process.execPath, [cli, elsewhere], options);
    expect(copy.stdout).toContain('0 bundle(s) indexed; 4 unchanged (0 kept in place, 4 copied from the cache)');
    expect(await Promise.all(older.map((d) => files(path.join(elsewhere, d))))).toEqual(before);
    // The newest article edited, a related story (which Pagefind ignores) added to an old one, and
    // the entity's count (which Pagefind ignores too) raised.
    await entity(6);
    await writePage(dir, 'articles/a5', '<h1>خبر a5</h1><p>الرياض وجدة والدمام</p>');
    await writePage(
      dir,
      'articles/a1',
      '<h1>خبر a1</h1><p>الرياض وجدة</p>',
      '<aside data-pagefind-ignore data-related-articles><a href="/articles/a5/">خبر a5</a></aside>',
    );
    const edited = await run(process.execPath, [cli, dir], options);
    // (The last run was over the other folder: nothing here is claimed, the bundles are copied.)
    expect(edited.stdout).toContain('1 bundle(s) indexed: /pagefind/ (2 articles); 3 unchanged (0 kept in place, 3 copied from the cache)');
    expect(await Promise.all(older.map((d) => files(path.join(dir, d))))).toEqual(before);
    // An old article's indexed text edited: its shard (only) is indexed again.
    await writePage(dir, 'articles/a1', '<h1>خبر a1</h1><p>الرياض والطائف</p>');
    const old = await run(process.execPath, [cli, dir], options);
    expect(old.stdout).toContain(
      '1 bundle(s) indexed: /pagefind/older/2015-07-21_2015-07-22/ (2 articles); 3 unchanged (2 kept in place, 1 copied from the cache)',
    );
    const after = await Promise.all(older.map((d) => files(path.join(dir, d))));
    expect(after[0]).toEqual(before[0]);
    expect(after[1]).not.toEqual(before[1]);
    // An entity page's searchable words changed: the entity bundle (only) is indexed again.
    await writePage(dir, 'entities/riyadh', '<h1>الرياض</h1><p>عاصمة المملكة</p>', '<p data-pagefind-ignore>ورد في 6 مقالات.</p>');
    const named = await run(process.execPath, [cli, dir], options);
    expect(named.stdout).toContain('1 bundle(s) indexed: /pagefind/entities/ (1 pages); 3 unchanged');
  }, 60_000);

  it('reads again only the pages whose file changed, and still sees every change', async () => {
    const dir = await folder();
    const cache = await folder();
    await writeFile(path.join(dir, 'index.html'), page('<main><h1>مرصد</h1></main>'));
    for (const id of ['a1', 'a2', 'a3']) await writePage(dir, `articles/${id}`, `<h1>خبر ${id}</h1><p>الرياض</p>`);
    // Pages as a build left them an hour ago: their digests are recorded by time and size.
    const age = async () => {
      const hourAgo = new Date(Date.now() - 3_600_000);
      for (const id of ['a1', 'a2', 'a3']) await utimes(path.join(dir, 'articles', id, 'index.html'), hourAgo, hourAgo);
    };
    await age();
    const options = { env: env({ MARSAD_SEARCH_SHARD_ARTICLES: '2', MARSAD_CACHE_DIR: cache }) };
    expect((await run(process.execPath, [cli, dir], options)).stdout).toMatch(/2 bundle\(s\) indexed/);
    const recorded = JSON.parse(await readFile(path.join(cache, 'marsad-search', 'page-digests.json'), 'utf8'));
    expect(recorded.pages.map((p: [string]) => p[0]).sort()).toEqual([
      'articles/a1/index.html',
      'articles/a2/index.html',
      'articles/a3/index.html',
    ]);
    expect((await run(process.execPath, [cli, dir], options)).stdout).toContain('0 bundle(s) indexed');
    // An article rewritten with another word of the same size: a new time, so it is read, and its
    // shard (undated articles go in blocks by id: a3 is the older one's) indexed again.
    await writePage(dir, 'articles/a3', '<h1>خبر a3</h1><p>الدمام</p>');
    expect((await run(process.execPath, [cli, dir], options)).stdout).toContain(
      '1 bundle(s) indexed: /pagefind/older/undated-2/ (1 articles)',
    );
  }, 60_000);

  it('refuses an article list whose date is not a day, naming the file and the article', async () => {
    const dir = await folder();
    await writeFile(path.join(dir, 'index.html'), page('<main><h1>مرصد</h1></main>'));
    await writePage(dir, 'articles/a1', '<h1>خبر</h1>');
    await mkdir(path.join(dir, 'data'), { recursive: true });
    await writeFile(path.join(dir, 'data', 'graph.json'), JSON.stringify({ articles: [{ id: 'a1', published: '2015-07' }] }));
    const failed = await run(process.execPath, [cli, dir], { env: env() }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain(`${path.join(dir, 'data', 'graph.json')}: article a1: date "2015-07" is not YYYY-MM-DD`);
  });

  it('refuses a shard size that is not a whole number, naming the setting', async () => {
    const dir = await folder();
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>x</title>');
    const failed = await run(process.execPath, [cli, dir], { env: env({ MARSAD_SEARCH_SHARD_ARTICLES: 'many' }) }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toBe('MARSAD_SEARCH_SHARD_ARTICLES="many" is not valid: expected a whole number ≥ 1\n');
  });
});
