import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/lib/build.ts';
import { findBrokenLinks } from '../../src/site/link-check.ts';
import { PAGE_SIZE } from '../../src/site/pagination.ts';
import { listFiles, readPage } from '../support/site.ts';

/** More articles than one page holds, all mentioning one entity, one a day. */
const COUNT = PAGE_SIZE + 5;
const hex = (n: number) => n.toString(16).padStart(12, '0');
const day = (i: number) => new Date(Date.UTC(2015, 6, 1 + i)).toISOString().slice(0, 10);

let work: string;
let dist: string;

describe('lists that outgrow one page', () => {
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'marsad-pages-'));
    dist = path.join(work, 'dist');
    await mkdir(path.join(work, 'content', 'articles'), { recursive: true });
    await mkdir(path.join(work, 'content', 'entities'), { recursive: true });
    await writeFile(
      path.join(work, 'content', 'entities', 'vladimir-putin.json'),
      JSON.stringify({ type: 'person', name: 'فلاديمير بوتين', nameEn: 'Vladimir Putin', aliases: ['بوتين'], description: 'رئيس روسيا.' }),
    );
    for (let i = 0; i < COUNT; i++) {
      const frontmatter = {
        title: `خبر رقم ${i + 1} عن لقاء في موسكو`,
        outlet: 'الجزيرة',
        published: day(i),
        source: { file: `day-${i}.txt`, sha256: 'a'.repeat(64), url: null },
        contentHash: `${hex(i)}${'b'.repeat(52)}`,
      };
      const body = `قال بوتين في اليوم ${i + 1} إن المحادثات مستمرة، وأضاف أن اللقاء المقبل سيكون قريبًا.`;
      await writeFile(path.join(work, 'content', 'articles', `${hex(i)}.mdx`), `---\n${stringify(frontmatter)}---\n\n${body}\n`);
    }
    await buildSite({ contentDir: path.join(work, 'content'), outDir: dist, cacheDir: path.join(work, 'cache') });
  }, 300_000);

  afterAll(() => rm(work, { recursive: true, force: true }));

  it('splits the archive into pages of PAGE_SIZE, newest first, linked to each other', async () => {
    const first = await readPage(dist, 'archive/index.html');
    const second = await readPage(dist, 'archive/2/index.html');
    const titles = (p: typeof first) => p.querySelectorAll('main article h2 a').map((a) => a.text.trim());
    expect(titles(first)).toHaveLength(PAGE_SIZE);
    expect(titles(second)).toHaveLength(COUNT - PAGE_SIZE);
    expect(titles(first)[0]).toBe(`خبر رقم ${COUNT} عن لقاء في موسكو`);
    expect(titles(second).at(-1)).toBe('خبر رقم 1 عن لقاء في موسكو');
    expect(first.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/archive/2/');
    expect(second.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/archive/');
    expect((await readPage(dist, 'index.html')).querySelectorAll('main article').length).toBeLessThan(PAGE_SIZE);
  });

  it('splits an entity page with many articles, keeping every article reachable', async () => {
    const first = await readPage(dist, 'entities/vladimir-putin/index.html');
    const second = await readPage(dist, 'entities/vladimir-putin/page/2/index.html');
    const links = (p: typeof first) => p.querySelectorAll('main ol > li h3 a').map((a) => a.getAttribute('href'));
    expect(links(first)).toHaveLength(PAGE_SIZE);
    expect(new Set([...links(first), ...links(second)]).size).toBe(COUNT);
    expect(first.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/entities/vladimir-putin/page/2/');
    expect((await listFiles(dist)).some((f) => f.startsWith('entities/vladimir-putin/page/3/'))).toBe(false);
  });

  it('has no broken internal link', () => {
    expect(findBrokenLinks(dist)).toEqual([]);
  });
});
