import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'astro/zod';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { queryTermAsWritten } from '../../src/search/analyzer.ts';
import { checkRelatedStories } from '../support/related.ts';
import { articleIds, listFiles, readPage } from '../support/site.ts';

const distDir = inject('distDir');
const contentDir = inject('contentDir');
let files: string[];
let ids: string[];

beforeAll(async () => {
  files = await listFiles(distDir);
  ids = await articleIds(contentDir);
});

describe('built site', () => {
  it('has content to test', () => {
    expect(ids.length).toBeGreaterThanOrEqual(5);
  });

  it('marks every page Arabic and right-to-left', async () => {
    const pages = files.filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(ids.length + 3);
    for (const page of pages) {
      const html = (await readPage(distDir, page)).querySelector('html');
      expect(html?.getAttribute('lang'), page).toBe('ar');
      expect(html?.getAttribute('dir'), page).toBe('rtl');
    }
  });

  it("shows a headline's straight quotes as Arabic ones, as in bodies, on its page and in lists", async () => {
    const quoted: string[] = [];
    for (const id of ids) {
      const source = await readFile(path.join(contentDir, 'articles', `${id}.mdx`), 'utf8');
      const title = /^title: (.*)$/m.exec(source)![1]!;
      if (!/"[^"]+"/.test(title.replace(/^'|'$/g, ''))) continue;
      quoted.push(id);
      const page = await readPage(distDir, `articles/${id}/index.html`);
      expect(page.querySelector('h1')!.text).toMatch(/«[^»]+»/);
      expect(page.querySelector('h1')!.text).not.toContain('"');
      expect(page.querySelector('title')!.text).toMatch(/«[^»]+»/);
      const archive = await readPage(distDir, 'archive/index.html');
      expect(archive.querySelector(`a[href="/articles/${id}/"]`)!.text).toMatch(/«[^»]+»/);
    }
    // The seeds have one: «أنقرة وموسكو تقطعان "شوطا كبيرا" …».
    expect(quoted.length).toBeGreaterThan(0);
  });

  it('builds one page per article, with its title and body marked for search', async () => {
    for (const id of ids) {
      const file = `articles/${id}/index.html`;
      expect(files).toContain(file);
      const page = await readPage(distDir, file);
      const body = page.querySelector('[data-pagefind-body]');
      expect(body, file).not.toBeNull();
      const h1 = body!.querySelector('h1');
      expect(h1?.text.trim().length, file).toBeGreaterThan(5);
      expect(h1?.getAttribute('data-pagefind-meta')).toBe('title');
      expect(page.querySelector('title')?.text).toContain(h1!.text.trim());
      expect(body!.querySelectorAll('.article-body p').length, file).toBeGreaterThanOrEqual(3);
    }
  });

  it('links the newest articles from the home page and every article from the archive', async () => {
    const home = await readPage(distDir, 'index.html');
    const homeLinks = home.querySelectorAll('main a[href^="/articles/"]').map((a) => a.getAttribute('href'));
    expect(homeLinks.length).toBe(Math.min(ids.length, 20));
    const archived = new Set<string>();
    for (const page of files.filter((f) => /^archive\/(\d+\/)?index\.html$/.test(f))) {
      for (const a of (await readPage(distDir, page)).querySelectorAll('main a[href^="/articles/"]')) archived.add(a.getAttribute('href')!);
    }
    expect([...archived].sort()).toEqual(ids.map((id) => `/articles/${id}/`).sort());
  });

  it('ends each article with related stories that share an entity with it, with working links', async () => {
    const { listed } = await checkRelatedStories(distDir);
    expect(listed.size).toBeGreaterThan(0);
  });

  it('has a 404 page and a search page', async () => {
    expect(files).toContain('404.html');
    // The 404 page is served at any missing address: it names no address of its own.
    const notFound = await readPage(distDir, '404.html');
    expect(notFound.querySelector('link[rel="canonical"]')).toBeNull();
    expect(notFound.querySelector('meta[property="og:url"]')).toBeNull();
    expect(notFound.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    const search = await readPage(distDir, 'search/index.html');
    expect(search.querySelector('pagefind-input')).not.toBeNull();
    expect(search.querySelector('pagefind-results')).not.toBeNull();
  });

  it('serves the query data: entity names, and the words whose first letter is no proclitic', async () => {
    const data = JSON.parse(await readFile(path.join(distDir, 'search/entities.json'), 'utf8')) as { names: string[][]; whole: string[] };
    expect(data.names.some((row) => row.includes('فلاديمير بوتين'))).toBe(true);
    // The seeds' headlines and leads write «فلاديمير» and never what is left without «ف»: it stays whole.
    expect(data.whole).toContain(queryTermAsWritten('فلاديمير'));
    // «وتركيا» is و + «تركيا», which the seeds write more often.
    expect(data.whole).not.toContain(queryTermAsWritten('وتركيا'));
  });

  it('writes the Pagefind index with an Arabic language index', async () => {
    expect(files).toContain('pagefind/pagefind.js');
    expect(files).toContain('pagefind/pagefind-component-ui.js');
    const entry = JSON.parse(await readFile(path.join(distDir, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toContain('ar');
    // Articles, the entity pages (entities some article names) and the dossiers, nothing else.
    const entityPages = files.filter((f) => /^entities\/[^/]+\/index\.html$/.test(f));
    const dossierPages = files.filter((f) => /^dossiers\/[^/]+\/index\.html$/.test(f));
    expect(entityPages.length).toBeGreaterThan(10);
    expect(dossierPages.length).toBeGreaterThan(0);
    expect(entry.languages.ar.page_count).toBe(ids.length + entityPages.length + dossierPages.length);
    expect(files.some((f) => f.startsWith('pagefind/fragment/'))).toBe(true);
  });

  it('self-hosts its fonts and loads nothing from another host', async () => {
    expect(files.some((f) => /^_astro\/noto-naskh-arabic-arabic-400.*\.woff2$/.test(f))).toBe(true);
    for (const page of files.filter((f) => f.endsWith('.html'))) {
      const root = await readPage(distDir, page);
      for (const el of root.querySelectorAll('script[src], link[href]:not([rel="canonical"]), img[src], iframe[src]')) {
        const url = el.getAttribute('src') ?? el.getAttribute('href') ?? '';
        expect(url, `${page}: ${el.outerHTML}`).toMatch(/^\/(?!\/)/);
      }
    }
    const css = files.filter((f) => f.endsWith('.css') && f.startsWith('_astro/'));
    for (const file of css) {
      const text = await readFile(path.join(distDir, file), 'utf8');
      expect(text, file).not.toMatch(/url\(\s*["']?(https?:)?\/\//);
    }
  });

  it('exports graph.json listing every article, and every entity an article names with its zones', async () => {
    const zones = z
      .object({ title: z.number(), body: z.number(), dateline: z.number(), credit: z.number(), outlet: z.number() })
      .partial()
      .strict();
    const graphSchema = z.object({
      version: z.literal(1),
      generated: z.string(),
      articles: z.array(
        z.object({
          id: z.string(),
          url: z.string().url(),
          title: z.string().min(1),
          outlet: z.string().nullable(),
          published: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .nullable(),
          entities: z.array(z.object({ id: z.string(), count: z.number().int().nonnegative(), zones: zones })),
        }),
      ),
      entities: z.array(
        z.object({
          id: z.string(),
          articles: z.array(z.object({ id: z.string(), count: z.number().int().nonnegative(), zones: zones })).min(1),
        }),
      ),
    });
    const graph = graphSchema.parse(JSON.parse(await readFile(path.join(distDir, 'data/graph.json'), 'utf8')));
    expect(graph.articles.map((a) => a.id).sort()).toEqual(ids);
    for (const a of graph.articles) {
      expect(new URL(a.url).pathname).toBe(`/articles/${a.id}/`);
      for (const e of a.entities) {
        // The title and body count is the sum of those zones; an entity is listed only if some zone names it.
        expect(e.count, `${a.id} ${e.id}`).toBe((e.zones.title ?? 0) + (e.zones.body ?? 0));
        expect(
          Object.values(e.zones).reduce((x, y) => x + y, 0),
          `${a.id} ${e.id}`,
        ).toBeGreaterThan(0);
      }
    }
  });
});
