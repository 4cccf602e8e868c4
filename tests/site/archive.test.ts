/**
 * A site built from records shaped like real news (tests/ingest/fixtures/records/saudi-style.json:
 * several outlets and days, datelines, records with no publication date but a collection time),
 * ingested by the real CLI and built by the real build.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../src/ingest/index.ts';
import { buildSite, projectRoot } from '../../scripts/lib/build.ts';
import { articleIds, readPage } from '../support/site.ts';

const RECORDS = path.join(projectRoot, 'tests', 'ingest', 'fixtures', 'records', 'saudi-style.json');

let work: string;
let content: string;
let dist: string;
let ids: string[];
const frontmatter = new Map<string, Record<string, unknown>>();

describe('a site of real-shaped news records', () => {
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'marsad-archive-'));
    content = path.join(work, 'content');
    dist = path.join(work, 'dist');
    await cp(path.join(projectRoot, 'content', 'entities'), path.join(content, 'entities'), { recursive: true });
    const run = spawnSync(process.execPath, [path.join(projectRoot, 'src', 'cli', 'ingest.ts'), '--out', path.join(content, 'articles'), RECORDS], { encoding: 'utf8' });
    // Two records of the fixture are no articles (empty, English only), one repeats another.
    expect(run.stdout).toMatch(/: 9 written, 0 unchanged, 1 duplicate, 0 kept, 2 rejected$/m);
    ids = await articleIds(content);
    for (const id of ids) frontmatter.set(id, readFrontmatter(await readFile(path.join(content, 'articles', `${id}.mdx`), 'utf8')) ?? {});
    await buildSite({ contentDir: content, outDir: dist, cacheDir: path.join(work, 'cache') });
  }, 300_000);

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('dates every article, from the record, the text, the URL or the day it was collected', () => {
    expect(ids).toHaveLength(9);
    const from = [...frontmatter.values()].map((f) => f.publishedFrom);
    expect(from.every((f) => f !== undefined)).toBe(true);
    for (const f of frontmatter.values()) expect(f.published).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(from).toContain('collected');
    expect(from.filter((f) => f !== 'collected').length).toBeGreaterThan(0);
  });

  it('shows a collection date as «… أو قبله» and a publication date as it is', async () => {
    for (const id of ids) {
      const page = await readPage(dist, `articles/${id}/index.html`);
      const meta = page.querySelector('article header [data-published-from]');
      const f = frontmatter.get(id)!;
      expect(meta, id).not.toBeNull();
      expect(meta!.querySelector('time')!.getAttribute('datetime')).toBe(String(f.published).slice(0, 10));
      expect(meta!.getAttribute('data-published-from')).toBe(f.publishedFrom);
      const approximate = meta!.text.includes('أو قبله');
      expect(approximate, id).toBe(f.publishedFrom === 'collected');
      if (approximate) expect(meta!.querySelector('time')!.getAttribute('title')).toMatch(/تاريخ جمع الخبر/);
      // Search results show the same date, with the same caveat.
      const searchDate = page.querySelector('[data-pagefind-meta="date"]')!.text;
      expect(searchDate.endsWith('أو قبله')).toBe(f.publishedFrom === 'collected');
    }
  });

  it('dates every article in the JSON-LD, and never prints an unknown outlet', async () => {
    for (const id of ids) {
      const html = await readFile(path.join(dist, 'articles', id, 'index.html'), 'utf8');
      const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!) as { datePublished?: string };
      expect(ld.datePublished).toBe(String(frontmatter.get(id)!.published).slice(0, 10));
      expect(html).not.toContain('غير معروف');
    }
  });
});
