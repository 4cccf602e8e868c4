import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readFrontmatter } from '../../src/ingest/index.ts';
import { readEntityCard, readPage } from '../support/site.ts';

const distDir = inject('distDir');
const contentDir = inject('contentDir');
const newsDistDir = inject('newsDistDir');
const usesSeeds = path.resolve(contentDir) === path.resolve(import.meta.dirname, '../../content');

const SLUG = 'russia-turkey-syria';
const URL_PATH = `/dossiers/${SLUG}/`;

/** The hrefs of the links under `root` matching `selector`. */
const hrefs = (root: HTMLElement, selector = 'a') => root.querySelectorAll(selector).map((a) => a.getAttribute('href')!);
/** Entity ids of entity-page links. */
const entityIds = (links: string[]) => links.filter((h) => h.startsWith('/entities/')).map((h) => h.split('/')[2]!);
/** A built file for a site path ("/entities/x/" → entities/x/index.html). */
const fileOf = (dist: string, href: string) => path.join(dist, href.replace(/^\//, ''), href.endsWith('/') ? 'index.html' : '');
/** «مقالة واحدة» → 1, «مقالتان» → 2, «5 مقالات» → 5. */
const countOf = (phrase: string) => (/مقالة واحدة/.test(phrase) ? 1 : /مقالتان/.test(phrase) ? 2 : Number(/(\d+)/.exec(phrase)![1]));

describe.runIf(usesSeeds)('the worked dossier (seed site)', () => {
  let source: string;
  let front: { title: string; description: string; entities: string[] };
  let page: HTMLElement;

  beforeAll(async () => {
    source = await readFile(path.join(contentDir, 'dossiers', `${SLUG}.mdx`), 'utf8');
    front = readFrontmatter(source) as typeof front;
    page = await readPage(distDir, `dossiers/${SLUG}/index.html`);
  });

  /** The JSON value of one prop of each `<tag …>` in the source, in order (undefined where absent). */
  const propsOf = (tag: string, prop: string): unknown[] =>
    [...source.matchAll(new RegExp(`<${tag}\\b([^>]*?)/?>`, 'g'))].map((m) => {
      const value = new RegExp(`\\b${prop}=(?:"([^"]*)"|\\{(\\[[^\\]]*\\])\\})`).exec(m[1]!);
      return value ? (value[1] ?? JSON.parse(value[2]!)) : undefined;
    });

  it('is an Arabic, right-to-left page at /dossiers/<slug>/ with its title, standfirst, subjects and structured data', async () => {
    const html = page.querySelector('html')!;
    expect(html.getAttribute('lang')).toBe('ar');
    expect(html.getAttribute('dir')).toBe('rtl');
    expect(page.querySelector('article h1')!.text).toBe(front.title);
    expect(page.querySelector('meta[name="description"]')!.getAttribute('content')).toBe(front.description);
    expect(page.querySelector('link[rel="canonical"]')!.getAttribute('href')).toMatch(new RegExp(`${URL_PATH}$`));
    expect(entityIds(hrefs(page, 'article header [data-dossier-subjects] a'))).toEqual(front.entities);
    const ld = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.text);
    expect(ld).toMatchObject({ '@type': 'Article', headline: front.title, inLanguage: 'ar' });
    expect(ld.about.map((t: { url: string }) => t.url.split('/')[4])).toEqual(front.entities);
    // Heading ids (for links to a section) hold letters, digits, "-" and "_" only: no tashkeel.
    const ids = page.querySelectorAll('.dossier-body h2').map((h) => h.getAttribute('id')!);
    expect(ids.length).toBeGreaterThanOrEqual(5);
    for (const id of ids) expect(id).toMatch(/^[\p{L}\p{N}_-]+$/u);
    expect(ids).toContain('خلاف-لم-يحسم');
  });

  it('is linked from the index of dossiers, the header, the front page, the sitemap and the dossiers feed', async () => {
    const index = await readPage(distDir, 'dossiers/index.html');
    expect(index.querySelector(`[data-dossier-item="${SLUG}"] h2 a`)!.text).toBe(front.title);
    expect(hrefs(index, 'main a')).toContain(URL_PATH);
    const home = await readPage(distDir, 'index.html');
    expect(hrefs(home, 'main a')).toContain(URL_PATH);
    expect(hrefs(home, 'header nav a')).toContain('/dossiers/');
    expect(await readFile(path.join(distDir, 'sitemap-0.xml'), 'utf8')).toContain(`${URL_PATH}</loc>`);
    const feed = await readFile(path.join(distDir, 'dossiers', 'rss.xml'), 'utf8');
    expect(feed).toContain(`<title>${front.title}</title>`);
    expect(feed).toMatch(new RegExp(`<link>[^<]*${URL_PATH}</link>`));
    expect(hrefs(index, 'link[rel="alternate"][type="application/rss+xml"]')).toContain('/dossiers/rss.xml');
  });

  it('is listed on the pages of the entities it is about, and on no other', async () => {
    const pages = (await readdir(path.join(distDir, 'entities'), { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    const listing: string[] = [];
    for (const id of pages) {
      const entity = await readPage(distDir, `entities/${id}/index.html`);
      if (hrefs(entity, 'main a').includes(URL_PATH)) listing.push(id);
    }
    expect(listing.sort()).toEqual([...front.entities].sort());
  });

  it('shows its chronology: each event at the date the file gives, with its entities and the real headlines of the articles it cites', async () => {
    const dates = propsOf('Event', 'date') as string[];
    const entities = propsOf('Event', 'entities') as (string[] | undefined)[];
    const articles = propsOf('Event', 'articles') as (string[] | undefined)[];
    const events = page.querySelectorAll('ol.chronology > li.chronology-event');
    expect(events.length).toBe(dates.length);
    expect(events.length).toBeGreaterThanOrEqual(5);
    for (const [i, event] of events.entries()) {
      expect(event.querySelector('time')!.getAttribute('datetime')).toBe(dates[i]);
      expect(event.querySelector('time')!.text).toMatch(new RegExp(dates[i]!.slice(0, 4)));
      expect(event.querySelector('.chronology-text')!.text.trim().length, dates[i]).toBeGreaterThan(20);
      expect(entityIds(hrefs(event, '.chronology-entities a')), dates[i]).toEqual(entities[i] ?? []);
      const cited = event.querySelectorAll('.chronology-articles a');
      expect(
        cited.map((a) => a.getAttribute('href')),
        dates[i],
      ).toEqual((articles[i] ?? []).map((id) => `/articles/${id}/`));
      for (const a of cited) {
        const article = await readPage(distDir, `${a.getAttribute('href')!.slice(1)}index.html`);
        expect(a.text).toBe(article.querySelector('article h1')!.text);
      }
    }
  });

  it('draws the relation graph of exactly the chosen entities, each node linking to its page', () => {
    const [chosen] = propsOf('RelationGraph', 'entities') as string[][];
    const figure = page.querySelector('[data-dossier-graph]')!;
    const nodes = figure.querySelectorAll('svg.pic g.pic-node').map((g) => g.getAttribute('data-entity')!);
    expect(nodes.sort()).toEqual([...chosen!].sort());
    expect(figure.querySelectorAll('svg.pic line.pic-edge').length).toBeGreaterThanOrEqual(chosen!.length - 1);
    expect(entityIds(hrefs(figure, 'svg.pic-links a')).sort()).toEqual([...chosen!].sort());
    expect(figure.querySelector('svg.pic')!.getAttribute('role')).toBe('img');
    expect(figure.querySelector('svg.pic title')!.text).toMatch(/^شبكة العلاقات بين /);
    expect(figure.querySelector('.sr-only')!.querySelectorAll('li').length).toBeGreaterThan(chosen!.length);
  });

  it('maps exactly the chosen places, the focus in bold', () => {
    const [places] = propsOf('LocatorMap', 'places') as string[][];
    const [focus] = propsOf('LocatorMap', 'focus') as string[];
    const figure = page.querySelector('[data-dossier-map]')!;
    const marked = new Set(figure.querySelectorAll('svg.pic [data-entity]').map((el) => el.getAttribute('data-entity')!));
    expect([...marked].sort()).toEqual([...places!].sort());
    expect(figure.querySelectorAll('svg.pic .pic-center').map((el) => el.getAttribute('data-entity'))).toContain(focus);
    expect(figure.querySelectorAll('.sr-only li').length).toBe(places!.length);
  });

  it('lists the articles naming Russia, Turkey and Syria: exactly those all three entity pages list', async () => {
    const [chosen] = propsOf('ArticleList', 'entities') as string[][];
    const lists = await Promise.all(
      chosen!.map(
        async (id) =>
          new Set(hrefs(await readPage(distDir, `entities/${id}/index.html`), 'section[aria-labelledby="articles-heading"] h3 a')),
      ),
    );
    const expected = [...lists[0]!].filter((h) => lists.every((l) => l.has(h)));
    const list = page.querySelector('[data-dossier-articles]')!;
    const shown = hrefs(list, 'article h3 a');
    expect(shown.sort()).toEqual(expected.sort());
    expect(shown.length).toBe(5);
    expect(list.querySelector('.dossier-articles-summary')!.text).toBe('5 مقالات تذكر روسيا وتركيا وسوريا معًا.');
  });

  it('shows entity cards that say what the entity link preview says', async () => {
    const cards = page.querySelectorAll('[data-dossier-card]');
    expect(cards.map((c) => c.getAttribute('data-dossier-card'))).toEqual(propsOf('EntityCard', 'id'));
    for (const card of cards) {
      const id = card.getAttribute('data-dossier-card')!;
      const preview = (await readEntityCard(distDir, id))!;
      expect(card.querySelector('.dossier-card-name a')!.text).toBe(preview.name);
      expect(card.querySelector('.dossier-card-name a')!.getAttribute('href')).toBe(`/entities/${id}/`);
      expect(card.querySelector('.dossier-card-type')!.text).toBe(preview.type);
      expect(card.querySelector('.dossier-card-count')!.text).toBe(preview.countText);
      const registry = JSON.parse(await readFile(path.join(contentDir, 'entities', `${id}.json`), 'utf8'));
      expect(card.querySelector('.dossier-card-line')!.text).toBe(registry.description);
      expect(card.querySelectorAll('.dossier-card-related a.entity-chip').length).toBeGreaterThan(0);
    }
  });

  it('links the entities its text names, with the entity link previews of articles, and every link leads to a built page', () => {
    const linked = page.querySelectorAll('.dossier-body a.entity-link').map((a) => a.getAttribute('data-entity'));
    expect(linked).toEqual(propsOf('EntityLink', 'id'));
    expect(page.querySelectorAll('script[type="module"][src*="EntityPreview"]').length).toBe(1);
    const internal = [...new Set(hrefs(page, 'main a'))].filter((h) => h.startsWith('/'));
    expect(internal.length).toBeGreaterThan(30);
    for (const href of internal) expect(existsSync(fileOf(distDir, href.split('#')[0]!)), href).toBe(true);
  });
});

describe('a dossier on dated news (news site)', () => {
  const SLUG_NEWS = 'asir-summer';
  const ENTITY = 'faisal-bin-khalid-bin-abdulaziz-al-saud';
  let page: HTMLElement;
  /** The entity page's articles: href → day. */
  let entityArticles: Map<string, string>;

  beforeAll(async () => {
    page = await readPage(newsDistDir, `dossiers/${SLUG_NEWS}/index.html`);
    const entity = await readPage(newsDistDir, `entities/${ENTITY}/index.html`);
    entityArticles = new Map(
      entity
        .querySelectorAll('section[aria-labelledby="articles-heading"] li')
        .map((li) => [li.querySelector('h3 a')!.getAttribute('href')!, li.querySelector('time')!.getAttribute('datetime')!]),
    );
  });

  it('draws the timeline of the articles naming the entity: every one its page lists, by day', () => {
    const figure = page.querySelector('[data-dossier-timeline]')!;
    const bars = figure.querySelectorAll('svg.pic rect.pic-bar title').map((t) => t.text);
    expect(entityArticles.size).toBe(3);
    expect(bars.reduce((sum, t) => sum + countOf(t.split(':')[1]!), 0)).toBe(entityArticles.size);
    const days = new Set(entityArticles.values());
    expect(bars.length).toBe(days.size);
    expect(figure.querySelector('figcaption')!.text).toMatch(/يوميًّا/);
  });

  it('lists the articles of the days it asks for, oldest first, and no other', () => {
    const list = page.querySelector('[data-dossier-articles]')!;
    const shown = list
      .querySelectorAll('article')
      .map((a) => ({ href: a.querySelector('h3 a')!.getAttribute('href')!, day: a.querySelector('time')!.getAttribute('datetime')! }));
    const expected = [...entityArticles].filter(([, day]) => day === '2015-08-10').map(([href]) => href);
    expect(shown.map((s) => s.href).sort()).toEqual(expected.sort());
    expect(shown.length).toBe(2);
    for (const s of shown) expect(s.day).toBe('2015-08-10');
    expect(list.querySelector('.dossier-articles-summary')!.text).toMatch(/^مقالتان تذكر فيصل بن خالد بن عبدالعزيز في 10 أغسطس 2015\.$/);
  });

  it('shows the day it was updated on its page and in the index', async () => {
    expect(page.querySelector('article header time[datetime="2015-08-13"]')).not.toBeNull();
    const index = await readPage(newsDistDir, 'dossiers/index.html');
    expect(index.querySelector(`[data-dossier-item="${SLUG_NEWS}"] time`)!.getAttribute('datetime')).toBe('2015-08-13');
  });

  it('publishes no draft: no page, no listing, no feed item, no sitemap entry', async () => {
    expect(existsSync(path.join(newsDistDir, 'dossiers', 'unfinished'))).toBe(false);
    const index = await readFile(path.join(newsDistDir, 'dossiers', 'index.html'), 'utf8');
    const feed = await readFile(path.join(newsDistDir, 'dossiers', 'rss.xml'), 'utf8');
    const sitemap = await readFile(path.join(newsDistDir, 'sitemap-0.xml'), 'utf8');
    const entity = await readFile(path.join(newsDistDir, 'entities', ENTITY, 'index.html'), 'utf8');
    for (const text of [index, feed, sitemap, entity]) {
      expect(text).toContain(`/dossiers/${SLUG_NEWS}/`);
      expect(text).not.toContain('/dossiers/unfinished/');
    }
  });
});
