/**
 * The site built from records shaped like real news (tests/support/build-site.ts `buildNewsSite`:
 * several outlets and days, datelines, records with no publication date but a collection time),
 * ingested by the real CLI and built by the real build.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readFrontmatter } from '../../src/ingest/index.ts';
import { formatDay } from '../../src/site-core/format.ts';
import { buildSite } from '../../scripts/lib/build.ts';
import { htmlPages } from '../../scripts/lib/html-validate.ts';
import { checkSiteLinks } from '../../scripts/lib/site-links.ts';
import { checkRelatedStories, type RelatedOnPages } from '../support/related.ts';
import { articleIds, listFiles, readPage } from '../support/site.ts';

const dist = inject('newsDistDir');
const content = inject('newsContentDir');
let ids: string[];
let related: RelatedOnPages;
const frontmatter = new Map<string, Record<string, unknown>>();

describe('a site of real-shaped news records', () => {
  beforeAll(async () => {
    ids = await articleIds(content);
    for (const id of ids) frontmatter.set(id, readFrontmatter(await readFile(path.join(content, 'articles', `${id}.mdx`), 'utf8')) ?? {});
  });

  it('dates every article, from the record, the text, the URL or the day it was collected', () => {
    expect(ids).toHaveLength(12);
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
      // The Gregorian date, its caveat and the Hijri date read apart: «… ٢٠١٥ أو قبله (٢٦ شوال ١٤٣٦ هـ)».
      const line = page.querySelectorAll('article header p').find((p) => p.text.includes('نُشر في'))!;
      expect(line.text.replace(/\s+/g, ' ').trim()).toMatch(/نُشر في \S.*\S \([^()]+\)$/);
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

  it("links each article to its outlet's page, which lists it and the entities that outlet names most", async () => {
    const outlets = await readPage(dist, 'outlets/index.html');
    const listed = outlets.querySelectorAll('section[aria-label="المصادر"] li > a').map((a) => a.getAttribute('href')!);
    const names = new Set([...frontmatter.values()].map((f) => f.outlet));
    expect(listed).toHaveLength(names.size);
    for (const id of ids) {
      const page = await readPage(dist, `articles/${id}/index.html`);
      const link = page.querySelector('article header a[href^="/outlets/"]')!;
      expect(link.text).toBe(frontmatter.get(id)!.outlet);
      expect(listed).toContain(link.getAttribute('href'));
      const outlet = await readPage(dist, `${link.getAttribute('href')!.slice(1)}index.html`);
      expect(outlet.querySelector('h1')!.text).toBe(`مقالات ${link.text}`);
      expect(outlet.querySelectorAll('main article h2 a').map((a) => a.getAttribute('href'))).toContain(`/articles/${id}/`);
      expect(outlet.querySelectorAll('nav[aria-label="مسار التنقل"] a').map((a) => a.getAttribute('href'))).toEqual(['/', '/outlets/']);
    }
    // The entities an outlet's articles name, with counts and links to their pages.
    const files = await listFiles(dist);
    let chips = 0;
    for (const href of listed) {
      for (const chip of (await readPage(dist, `${href.slice(1)}index.html`)).querySelectorAll(
        'main section[aria-labelledby] a.entity-chip',
      )) {
        chips++;
        expect(files).toContain(`${chip.getAttribute('href')!.slice(1)}index.html`);
        expect(
          Number(chip.querySelector('.entity-chip-count')!.text.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660))),
        ).toBeGreaterThan(0);
      }
    }
    expect(chips).toBeGreaterThan(0);
  });

  it("links each article's date to its day, and days to their month, newest first, with older and newer days", async () => {
    const files = await listFiles(dist);
    const days = [...new Set([...frontmatter.values()].map((f) => String(f.published)))].sort().reverse();
    for (const id of ids) {
      const page = await readPage(dist, `articles/${id}/index.html`);
      const day = String(frontmatter.get(id)!.published);
      expect(page.querySelector('article header a[href^="/archive/"]')!.getAttribute('href')).toBe(`/archive/${day}/`);
      const dayPage = await readPage(dist, `archive/${day}/index.html`);
      expect(dayPage.querySelectorAll('main article h2 a').map((a) => a.getAttribute('href'))).toContain(`/articles/${id}/`);
      expect(dayPage.querySelectorAll('nav[aria-label="مسار التنقل"] a').map((a) => a.getAttribute('href'))).toEqual([
        '/',
        '/archive/',
        `/archive/${day.slice(0, 7)}/`,
      ]);
      const at = days.indexOf(day);
      const older = dayPage.querySelector('a[rel="prev"]')?.getAttribute('href');
      const newer = dayPage.querySelector('a[rel="next"]')?.getAttribute('href');
      expect(older).toBe(days[at + 1] ? `/archive/${days[at + 1]}/` : undefined);
      expect(newer).toBe(days[at - 1] ? `/archive/${days[at - 1]}/` : undefined);
    }
    for (const month of new Set(days.map((d) => d.slice(0, 7)))) {
      expect(files).toContain(`archive/${month}/index.html`);
      const page = await readPage(dist, `archive/${month}/index.html`);
      const links = page.querySelectorAll('main section[aria-label="الأيام"] a').map((a) => a.getAttribute('href'));
      expect(links).toEqual(days.filter((d) => d.startsWith(month)).map((d) => `/archive/${d}/`));
    }
    const archive = await readPage(dist, 'archive/index.html');
    expect(archive.querySelectorAll('section[aria-labelledby="by-month"] a').map((a) => a.getAttribute('href'))).toEqual(
      [...new Set(days.map((d) => d.slice(0, 7)))].map((m) => `/archive/${m}/`),
    );
  });

  it("opens on a front page: the newest day's stories by outlet, what is most in the news, the last days", async () => {
    const days = [...new Set([...frontmatter.values()].map((f) => String(f.published)))].sort().reverse();
    const latest = days[0]!;
    const home = await readPage(dist, 'index.html');
    expect(home.querySelector('h1')!.text).toBe(`أخبار ${formatDay(latest)}`);
    const sections = home.querySelectorAll('main section[aria-label]').filter((s) => s.querySelector('h2 a[href^="/outlets/"]'));
    const shown = sections.flatMap((s) => s.querySelectorAll('article h3 a').map((a) => a.getAttribute('href')!.split('/')[2]!));
    expect(shown.sort()).toEqual(ids.filter((id) => String(frontmatter.get(id)!.published) === latest).sort());
    for (const section of sections) {
      const outlet = section.querySelector('h2 a')!.text;
      for (const a of section.querySelectorAll('article h3 a'))
        expect(frontmatter.get(a.getAttribute('href')!.split('/')[2]!)!.outlet).toBe(outlet);
    }
    const files = await listFiles(dist);
    const chips = home.querySelectorAll('aside a.entity-chip');
    expect(chips.length).toBeGreaterThan(0);
    for (const chip of chips) expect(files).toContain(`${chip.getAttribute('href')!.slice(1)}index.html`);
    const week = days.filter((d) => Date.parse(d) > Date.parse(latest) - 7 * 86_400_000);
    expect(
      home
        .querySelectorAll('section[aria-labelledby="by-day"] ul')[0]!
        .querySelectorAll('a')
        .map((a) => a.getAttribute('href')),
    ).toEqual(week.map((d) => `/archive/${d}/`));
  });

  it('ends an article with the stories that share an entity with it, one per headline, and an article that shares none with none', async () => {
    related = await checkRelatedStories(dist);
    expect(related.alone.length).toBeGreaterThan(0);
    // The three stories of the emir of Asir: each lists the others, one per headline.
    const emir = ids.filter(
      (id) => String(frontmatter.get(id)!.title).includes('عسير') || String(frontmatter.get(id)!.title).startsWith('فيصل بن خالد'),
    );
    expect(emir).toHaveLength(3);
    for (const id of emir) {
      const headline = frontmatter.get(id)!.title;
      const others = new Set(emir.filter((o) => frontmatter.get(o)!.title !== headline).map((o) => frontmatter.get(o)!.title));
      expect(
        related.listed
          .get(id)
          ?.map((o) => frontmatter.get(o)!.title)
          .sort(),
        id,
      ).toEqual([...others].sort());
    }
  });

  it('writes an article page again when a story it lists changes (its cache key names them)', async () => {
    // A copy of the shared site's content, built twice with one cache: the other tests keep theirs.
    const work = await mkdtemp(path.join(os.tmpdir(), 'marsad-related-cache-'));
    try {
      const copy = path.join(work, 'content');
      const out = path.join(work, 'dist');
      await cp(content, copy, { recursive: true });
      await buildSite({ contentDir: copy, outDir: out, cacheDir: path.join(work, 'cache') });
      const [id, [other]] = [...related.listed].find(([, list]) => list.length > 0)! as [string, [string]];
      const file = path.join(copy, 'articles', `${other}.mdx`);
      const title = `${String(frontmatter.get(other)!.title)} (محدّث)`;
      await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`));
      await buildSite({ contentDir: copy, outDir: out, cacheDir: path.join(work, 'cache') });
      const page = await readPage(out, `articles/${id}/index.html`);
      expect(page.querySelector(`[data-related-articles] a[href="/articles/${other}/"]`)!.text).toBe(title);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }, 300_000);

  it("passes check:site's reader checks: no broken link, every article dated with its outlet linked", async () => {
    const pages = await htmlPages(dist);
    const report = await checkSiteLinks(dist, pages);
    expect(report.broken).toEqual([]);
    expect(report.urls).toBeGreaterThan(pages.length);
    expect(report.articles).toBe(ids.length);
    expect(report.dated).toBe(ids.length);
    expect(report.approximate).toBe([...frontmatter.values()].filter((f) => f.publishedFrom === 'collected').length);
    expect(report.withOutlet).toBe(ids.length);
    expect(report.withRelated).toBeGreaterThan(0);
  });

  it("check:site's reader checks catch a broken link and an undated article", async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'marsad-links-'));
    try {
      await cp(path.join(dist, 'index.html'), path.join(work, 'index.html'));
      const article = `articles/${ids[0]}/index.html`;
      const html = (await readFile(path.join(dist, article), 'utf8')).replace(/href="\/archive\/[^"]*"/g, 'href="/archive/1999-01-01/"');
      await mkdir(path.dirname(path.join(work, article)), { recursive: true });
      await writeFile(path.join(work, article), html);
      const report = await checkSiteLinks(work, ['index.html', article]);
      expect(report.broken.length).toBeGreaterThan(1);
      expect(report.broken).toContain(`${article} → /archive/1999-01-01/`);
      expect(report.articles).toBe(1);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
