import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { formatProblem, projectValidator, validatePage } from '../../scripts/lib/html-validate.ts';
import { articleIds, listFiles, readPage } from '../support/site.ts';

const distDir = inject('distDir');
const contentDir = inject('contentDir');
const root = path.resolve(import.meta.dirname, '../..');
const xml = new XMLParser({ ignoreAttributes: false });

let files: string[];
let pages: string[];
let ids: string[];
let entityIds: string[];

beforeAll(async () => {
  files = await listFiles(distDir);
  pages = files.filter((f) => f.endsWith('.html'));
  ids = await articleIds(contentDir);
  entityIds = files.filter((f) => /^entities\/[^/]+\/index\.html$/.test(f)).map((f) => f.split('/')[1]!);
});

const read = (file: string) => readFile(path.join(distDir, file), 'utf8');

describe('web conventions', () => {
  it('ships robots.txt pointing at the sitemap, a favicon and an Arabic RTL web manifest', async () => {
    expect(await read('robots.txt')).toMatch(/^Sitemap: https?:\/\/.+\/sitemap-index\.xml$/m);
    expect(files).toContain('favicon.svg');
    const manifest = JSON.parse(await read('manifest.webmanifest'));
    expect(manifest).toMatchObject({ lang: 'ar', dir: 'rtl', start_url: '/' });
    expect(manifest.icons.length).toBeGreaterThan(0);
  });

  it('lists every article and entity page in the sitemap', async () => {
    const index = xml.parse(await read('sitemap-index.xml'));
    const sitemaps = [index.sitemapindex.sitemap].flat().map((s: { loc: string }) => new URL(s.loc).pathname.slice(1));
    const urls = new Set<string>();
    for (const file of sitemaps) {
      for (const u of [xml.parse(await read(file)).urlset.url].flat()) urls.add(new URL((u as { loc: string }).loc).pathname);
    }
    for (const id of ids) expect(urls).toContain(`/articles/${id}/`);
    for (const id of entityIds) expect(urls).toContain(`/entities/${id}/`);
    expect(urls).not.toContain('/404/');
  });

  it('publishes an RSS feed of the articles and one per entity', async () => {
    const feed = xml.parse(await read('rss.xml')).rss.channel;
    expect(feed.language).toBe('ar');
    const items = [feed.item].flat();
    expect(items.map((i: { link: string }) => new URL(i.link).pathname).sort()).toEqual(ids.map((id) => `/articles/${id}/`).sort());
    const putin = xml.parse(await read('entities/vladimir-putin/rss.xml')).rss.channel;
    expect([putin.item].flat().length).toBeGreaterThan(0);
  });

  it('gives every page a canonical URL, Open Graph and Twitter tags (the 404 page none of its own)', async () => {
    for (const page of pages) {
      const head = (await readPage(distDir, page)).querySelector('head')!;
      const canonical = head.querySelector('link[rel="canonical"]')?.getAttribute('href');
      if (page === '404.html') {
        expect(canonical, page).toBeUndefined();
        continue;
      }
      expect(canonical, page).toMatch(/^https?:\/\//);
      for (const p of ['og:title', 'og:type', 'og:url', 'og:locale']) {
        expect(head.querySelector(`meta[property="${p}"]`), `${page} ${p}`).not.toBeNull();
      }
      expect(head.querySelector('meta[name="twitter:card"]'), page).not.toBeNull();
    }
  });

  it('describes articles as schema.org NewsArticle mentioning people, places and organizations', async () => {
    let withWikidata = 0;
    for (const id of ids) {
      const page = await readPage(distDir, `articles/${id}/index.html`);
      const data = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.text);
      expect(data['@type']).toBe('NewsArticle');
      expect(data.headline).toBe(page.querySelector('h1')!.text.trim());
      expect(data.mentions.length).toBeGreaterThan(3);
      const types = new Set(data.mentions.map((m: { '@type': string }) => m['@type']));
      expect(types).toContain('Person');
      expect(types).toContain('Place');
      withWikidata += data.mentions.filter((m: { sameAs?: string }) => m.sameAs?.startsWith('https://www.wikidata.org/wiki/Q')).length;
      expect(data.about.length).toBeGreaterThan(0);
    }
    expect(withWikidata).toBeGreaterThan(0);
  });
});

describe('integrity of the built site', () => {
  it("has no HTML validation errors (html-validate, the project's .htmlvalidate.json)", async () => {
    // The test build lives outside the project, where no config file would be found: the
    // project's own config is handed over; check that its rules are the ones that run.
    const validator = await projectValidator();
    const rules = (await validator.getConfigFor(path.join(distDir, 'index.html'))).getRules();
    expect(rules.get('long-title')).toEqual([2, expect.objectContaining({ maxlength: 120 })]);
    expect(rules.get('element-permitted-order')?.[0]).toBe(2);
    const problems: string[] = [];
    for (const page of pages) problems.push(...(await validatePage(validator, distDir, page)).map(formatProblem));
    expect(problems).toEqual([]);
  });

  it('runs no inline script and no inline style (a strict CSP holds)', async () => {
    for (const page of pages) {
      const root = await readPage(distDir, page);
      for (const script of root.querySelectorAll('script')) {
        const type = script.getAttribute('type');
        if (type === 'application/ld+json') continue;
        expect(script.getAttribute('src'), `${page}: inline script`).toBeTruthy();
      }
      expect(root.querySelectorAll('style').length, page).toBe(0);
      expect(root.querySelectorAll('[style]').length, page).toBe(0);
    }
  });

  it('ships a Content-Security-Policy for static hosts and nginx', async () => {
    const headers = await read('_headers');
    const csp = /Content-Security-Policy: (.+)/.exec(headers)?.[1] ?? '';
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-inline'");
    expect(await readFile(path.join(root, 'docs/deploy/nginx.conf'), 'utf8')).toContain(csp);
  });
});
