/**
 * Lists that outgrow one page, on a site built by the real build: the archive in blocks counted
 * from its oldest article (src/site/pagination.ts, archivePages) and an entity's articles. Then one
 * more article is published and the site built again with the same cache: `/archive/` renders
 * again, every numbered archive page is restored from Astro's cache, byte for byte.
 */
import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/lib/build.ts';
import { findBrokenLinks } from '../../src/site/link-check.ts';
import { PAGE_SIZE } from '../../src/site/pagination.ts';
import { outletUrlOf } from '../../src/site-core/urls.ts';
import { listFiles, pageWrite, readPage } from '../support/site.ts';

/** Three full blocks and a few more articles, all mentioning one entity, one a day. */
const COUNT = 3 * PAGE_SIZE + 5;
const hex = (n: number) => n.toString(16).padStart(12, '0');
const day = (i: number) => new Date(Date.UTC(2015, 6, 1 + i)).toISOString().slice(0, 10);
const title = (n: number) => `خبر رقم ${n} عن لقاء في موسكو`;

let work: string;
let content: string;
let dist: string;
let before: string;
let rebuildLog: string;

async function writeArticle(i: number): Promise<void> {
  const frontmatter = {
    title: title(i + 1),
    outlet: 'الجزيرة',
    published: day(i),
    source: { file: `day-${i}.txt`, sha256: 'a'.repeat(64), url: null },
    contentHash: `${hex(i)}${'b'.repeat(52)}`,
  };
  const body = `قال بوتين في اليوم ${i + 1} إن المحادثات مستمرة، وأضاف أن اللقاء المقبل سيكون قريبًا.`;
  await writeFile(path.join(content, 'articles', `${hex(i)}.mdx`), `---\n${stringify(frontmatter)}---\n\n${body}\n`);
}

const titles = (p: Awaited<ReturnType<typeof readPage>>) => p.querySelectorAll('main article h2 a').map((a) => a.text.trim());

describe('lists that outgrow one page', () => {
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'marsad-pages-'));
    content = path.join(work, 'content');
    dist = path.join(work, 'dist');
    before = path.join(work, 'before');
    const cacheDir = path.join(work, 'cache');
    await mkdir(path.join(content, 'articles'), { recursive: true });
    await mkdir(path.join(content, 'entities'), { recursive: true });
    await writeFile(
      path.join(content, 'entities', 'vladimir-putin.json'),
      JSON.stringify({ type: 'person', name: 'فلاديمير بوتين', nameEn: 'Vladimir Putin', aliases: ['بوتين'], description: 'رئيس روسيا.' }),
    );
    for (let i = 0; i < COUNT; i++) await writeArticle(i);
    // Both builds log in full: Astro's log level is part of the config its cache is keyed on.
    await buildSite({ contentDir: content, outDir: dist, cacheDir, log: path.join(work, 'build.log') });
    await cp(dist, before, { recursive: true });
    // One more article, the newest, into the same folder with the same cache (as a newsroom publishes).
    await writeArticle(COUNT);
    const log = path.join(work, 'rebuild.log');
    await buildSite({ contentDir: content, outDir: dist, cacheDir, log });
    rebuildLog = stripVTControlCharacters(await readFile(log, 'utf8'));
  }, 600_000);

  afterAll(() => rm(work, { recursive: true, force: true }));

  it('shows the newest articles on /archive/ and numbers the older blocks from the oldest', async () => {
    const front = await readPage(before, 'archive/index.html');
    const second = await readPage(before, 'archive/2/index.html');
    const first = await readPage(before, 'archive/1/index.html');
    // The newest full block and the five after it; then blocks of PAGE_SIZE, newest first on each page.
    expect(titles(front)).toEqual(Array.from({ length: PAGE_SIZE + 5 }, (_, i) => title(COUNT - i)));
    expect(titles(second)).toEqual(Array.from({ length: PAGE_SIZE }, (_, i) => title(2 * PAGE_SIZE - i)));
    expect(titles(first)).toEqual(Array.from({ length: PAGE_SIZE }, (_, i) => title(PAGE_SIZE - i)));
    expect((await listFiles(before)).filter((f) => /^archive\/\d+\/index\.html$/.test(f)).sort()).toEqual([
      'archive/1/index.html',
      'archive/2/index.html',
    ]);
    // Reading on goes to older articles.
    expect(front.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/archive/2/');
    expect(second.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/archive/1/');
    expect(second.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/archive/');
    expect(first.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/archive/2/');
    expect(first.querySelector('a[rel="next"]')).toBeNull();
    expect(front.querySelector('h1')!.text).toBe('كل المقالات');
    expect(first.querySelector('h1')!.text).toBe(`كل المقالات — الصفحة ${(1).toLocaleString('ar')} من الأقدم`);
    expect((await readPage(before, 'index.html')).querySelectorAll('main article').length).toBeLessThan(PAGE_SIZE);
  });

  it('publishes a new article onto /archive/ and restores every numbered page, byte for byte', async () => {
    expect(titles(await readPage(dist, 'archive/index.html'))).toEqual(
      Array.from({ length: PAGE_SIZE + 6 }, (_, i) => title(COUNT + 1 - i)),
    );
    const written = (page: string) => pageWrite(rebuildLog, page);
    expect(written('/archive/index.html')).toBe('rendered');
    for (const page of ['archive/1/index.html', 'archive/2/index.html']) {
      expect(written(`/${page}`), page).toBe('restored');
      expect(await readFile(path.join(dist, page), 'utf8')).toBe(await readFile(path.join(before, page), 'utf8'));
    }
  });

  it('splits an entity page with many articles into blocks counted from the oldest, keeping every article reachable', async () => {
    const front = await readPage(before, 'entities/vladimir-putin/index.html');
    const [first, second] = await Promise.all([1, 2].map((n) => readPage(before, `entities/vladimir-putin/page/${n}/index.html`)));
    const listed = (p: typeof front) => p.querySelectorAll('main ol > li h3 a').map((a) => a.text.trim());
    // As the archive: the newest full block and the five after it, then blocks from the oldest, newest first on each.
    expect(listed(front)).toEqual(Array.from({ length: PAGE_SIZE + 5 }, (_, i) => title(COUNT - i)));
    expect(listed(second!)).toEqual(Array.from({ length: PAGE_SIZE }, (_, i) => title(2 * PAGE_SIZE - i)));
    expect(listed(first!)).toEqual(Array.from({ length: PAGE_SIZE }, (_, i) => title(PAGE_SIZE - i)));
    expect((await listFiles(before)).filter((f) => f.startsWith('entities/vladimir-putin/page/')).sort()).toEqual([
      'entities/vladimir-putin/page/1/index.html',
      'entities/vladimir-putin/page/2/index.html',
    ]);
    // Each list counts down from its first article's place counted from the oldest.
    expect(front.querySelector('main ol[reversed]')?.getAttribute('start')).toBe(String(COUNT));
    expect(first!.querySelector('main ol[reversed]')?.getAttribute('start')).toBe(String(PAGE_SIZE));
    expect(first!.querySelector('h1')!.text).toBe(`فلاديمير بوتين — المقالات، الصفحة ${(1).toLocaleString('ar')} من الأقدم`);
    // Reading on goes to older articles.
    expect(front.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/entities/vladimir-putin/page/2/');
    expect(second!.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/entities/vladimir-putin/page/1/');
    expect(first!.querySelector('a[rel="next"]')).toBeNull();
    expect(second!.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/entities/vladimir-putin/');
  });

  it('numbers an outlet’s pages from its oldest article too, and restores them after a new article', async () => {
    const front = outletUrlOf('الجزيرة').slice(1);
    const numbered = [1, 2].map((n) => outletUrlOf('الجزيرة', n).slice(1));
    expect((await listFiles(before)).filter((f) => f.startsWith(front) && f !== `${front}index.html`).sort()).toEqual(
      numbered.map((p) => `${p}index.html`),
    );
    expect(titles(await readPage(before, `${numbered[0]}index.html`))).toEqual(
      Array.from({ length: PAGE_SIZE }, (_, i) => title(PAGE_SIZE - i)),
    );
    expect(pageWrite(rebuildLog, `/${front}index.html`)).toBe('rendered');
    expect(titles(await readPage(dist, `${front}index.html`))[0]).toBe(title(COUNT + 1));
    for (const page of numbered.map((p) => `${p}index.html`)) {
      expect(pageWrite(rebuildLog, `/${page}`), page).toBe('restored');
      expect(await readFile(path.join(dist, page), 'utf8')).toBe(await readFile(path.join(before, page), 'utf8'));
    }
  });

  it('publishes a new article onto the entity page and restores its numbered pages, byte for byte', async () => {
    const written = (page: string) => pageWrite(rebuildLog, page);
    expect(written('/entities/vladimir-putin/index.html')).toBe('rendered');
    const front = await readPage(dist, 'entities/vladimir-putin/index.html');
    expect(front.querySelectorAll('main ol > li h3 a')[0]!.text.trim()).toBe(title(COUNT + 1));
    for (const page of ['entities/vladimir-putin/page/1/index.html', 'entities/vladimir-putin/page/2/index.html']) {
      expect(written(`/${page}`), page).toBe('restored');
      expect(await readFile(path.join(dist, page), 'utf8')).toBe(await readFile(path.join(before, page), 'utf8'));
    }
  });

  it('has no broken internal link', () => {
    expect(findBrokenLinks(before)).toEqual([]);
    expect(findBrokenLinks(dist)).toEqual([]);
  });
});
