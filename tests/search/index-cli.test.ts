import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
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

afterAll(async () => {
  for (const dir of temp) await rm(dir, { recursive: true, force: true });
});

describe('npm run search:index', () => {
  it('refuses a folder with no built site, naming it', async () => {
    const dir = await folder();
    const failed = await run(process.execPath, [cli, dir]).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain(`${dir}: no built site here`);
  });

  it('indexes the pages of a built folder into pagefind/', async () => {
    const dir = await folder();
    const page = (body: string) => `<!doctype html><html lang="ar" dir="rtl"><head><title>x</title></head><body>${body}</body></html>`;
    await writeFile(path.join(dir, 'index.html'), page('<main><h1>مرصد</h1></main>'));
    await mkdir(path.join(dir, 'articles', 'a1'), { recursive: true });
    await writeFile(
      path.join(dir, 'articles', 'a1', 'index.html'),
      page('<main data-pagefind-body><h1>خبر</h1><p>وزير الخارجية في الرياض</p></main>'),
    );
    const { stdout } = await run(process.execPath, [cli, dir]);
    expect(stdout).toMatch(/indexed 1 pages in \d+ ms/);
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(path.join(dir, 'pagefind'))).some((f) => f.endsWith('.pf_meta'))).toBe(true);
  }, 60_000);

  it('cuts a site of more articles than MARSAD_SEARCH_SHARD_ARTICLES into shards, entity pages in the first', async () => {
    const dir = await folder();
    const page = (body: string) => `<!doctype html><html lang="ar" dir="rtl"><head><title>x</title></head><body>${body}</body></html>`;
    await writeFile(path.join(dir, 'index.html'), page('<main><h1>مرصد</h1></main>'));
    for (const id of ['a1', 'a2', 'a3']) {
      await mkdir(path.join(dir, 'articles', id), { recursive: true });
      await writeFile(
        path.join(dir, 'articles', id, 'index.html'),
        page(`<main data-pagefind-body><h1>خبر ${id}</h1><p>الرياض</p></main>`),
      );
    }
    await mkdir(path.join(dir, 'entities', 'riyadh'), { recursive: true });
    await writeFile(path.join(dir, 'entities', 'riyadh', 'index.html'), page('<main data-pagefind-body><h1>الرياض</h1></main>'));
    const { stdout } = await run(process.execPath, [cli, dir], { env: { ...process.env, MARSAD_SEARCH_SHARD_ARTICLES: '2' } });
    expect(stdout).toMatch(/indexed 4 pages in 2 shards/);
    const { readFile } = await import('node:fs/promises');
    const manifest = JSON.parse(await readFile(path.join(dir, 'pagefind', 'marsad-shards.json'), 'utf8'));
    // No data/graph.json here: undated articles, by id.
    expect(manifest.shards.map((s: { path: string; pages: number; articles: number }) => [s.path, s.pages, s.articles])).toEqual([
      ['/pagefind/', 3, 2],
      ['/pagefind/older/1/', 1, 1],
    ]);
  }, 60_000);

  it('refuses a shard size that is not a whole number, naming the setting', async () => {
    const dir = await folder();
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>x</title>');
    const failed = await run(process.execPath, [cli, dir], { env: { ...process.env, MARSAD_SEARCH_SHARD_ARTICLES: 'many' } }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toBe('MARSAD_SEARCH_SHARD_ARTICLES="many" is not valid: expected a whole number ≥ 1\n');
  });
});
