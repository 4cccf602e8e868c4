import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, inject } from 'vitest';
import { browserTest as it, hasChromium } from '../support/browser.ts';
import { articleIds, readPage } from '../support/site.ts';

const distDir = inject('distDir');
const contentDir = inject('contentDir');

interface Entity {
  type: string;
  kind?: string;
  coordinates?: { lat: number; lon: number };
}

let entities: Map<string, Entity>;
let entityPages: Map<string, HTMLElement>;
let ids: string[];

beforeAll(async () => {
  const files = (await readdir(path.join(contentDir, 'entities'))).filter((f) => f.endsWith('.json'));
  entities = new Map(
    await Promise.all(
      files.map(
        async (f) => [f.slice(0, -5), JSON.parse(await readFile(path.join(contentDir, 'entities', f), 'utf8'))] as [string, Entity],
      ),
    ),
  );
  // Only entities some article names have a page.
  const withPages = new Set((await readdir(path.join(distDir, 'entities'))).filter((id) => entities.has(id)));
  entityPages = new Map(
    await Promise.all(
      [...withPages].map(async (id) => [id, await readPage(distDir, `entities/${id}/index.html`)] as [string, HTMLElement]),
    ),
  );
  ids = await articleIds(contentDir);
});

/** The pictures of a kind on a page: the drawing (`svg.pic`); graphs and maps hold it with their link layer. */
const pictures = (page: HTMLElement, kind: string) =>
  page.querySelectorAll(`.pic-${kind}`).map((el) => (el.tagName === 'SVG' ? el : el.querySelector('svg.pic')!));
/** The pages a picture links to (its link layer). */
const entityLinks = (svg: HTMLElement) =>
  (svg.parentNode!.querySelector('svg.pic-links')?.querySelectorAll('a') ?? []).map((a) => a.getAttribute('href')!);

/**
 * Every picture: one image with an Arabic accessible name and RTL text; its links, if any, in a
 * layer hidden from assistive technology and out of the tab order, only to existing entity pages.
 */
function expectWellFormed(svg: HTMLElement, where: string) {
  expect(svg.querySelectorAll('a, [tabindex]'), `${where}: nothing interactive inside role=img`).toHaveLength(0);
  const layer = svg.parentNode!.querySelector('svg.pic-links');
  if (layer) {
    expect(layer.getAttribute('aria-hidden'), where).toBe('true');
    expect(
      layer.querySelectorAll('a').every((a) => a.getAttribute('tabindex') === '-1'),
      where,
    ).toBe(true);
    expect(layer.getAttribute('viewBox'), where).toBe(svg.getAttribute('viewBox'));
    expect(layer.toString(), where).not.toMatch(/https?:|\/\/[a-z]|<image|<script|xlink:href|style=/i);
  }
  expect(svg.getAttribute('role'), where).toBe('img');
  const titleId = svg.getAttribute('aria-labelledby')!;
  const title = svg.querySelector(`title#${titleId}`);
  expect(title?.text, where).toMatch(/[\u0621-\u064A]{3}/);
  expect(svg.getAttribute('direction'), where).toBe('rtl');
  expect(svg.getAttribute('viewBox'), where).toMatch(/^0 0 \d+ \d+$/);
  for (const href of entityLinks(svg)) {
    expect(href, where).toMatch(/^\/entities\/[a-z0-9-]+\/$/);
    expect(existsSync(path.join(distDir, href, 'index.html')), `${where} links ${href}`).toBe(true);
  }
  // Nothing is fetched: no external URL, no embedded image or script, no inline style.
  const html = svg.toString();
  expect(html, where).not.toMatch(/https?:|\/\/[a-z]|<image|<script|<foreignObject|xlink:href|style=/i);
  expect(html, where).not.toMatch(/NaN|Infinity|undefined/);
}

describe('entity pages', () => {
  it('show a graph of the related entities, with the entity in the middle', () => {
    let graphs = 0;
    for (const [id, page] of entityPages) {
      const related = page.querySelectorAll('section[aria-labelledby="related-heading"] a.entity-chip').map((a) => a.getAttribute('href'));
      const [graph] = pictures(page, 'graph');
      if (related.length === 0) {
        expect(graph, id).toBeUndefined();
        continue;
      }
      graphs += 1;
      expectWellFormed(graph!, `graph of ${id}`);
      expect(graph!.querySelector('.pic-center')!.getAttribute('data-entity')).toBe(id);
      const nodes = entityLinks(graph!).filter((h) => h !== `/entities/${id}/`);
      expect(nodes.length, id).toBeGreaterThan(0);
      expect(nodes.length, id).toBeLessThanOrEqual(10);
      // The strongest relations in the picture are those listed beside it.
      expect(
        related.slice(0, Math.min(3, nodes.length)).every((h) => nodes.includes(h!)),
        id,
      ).toBe(true);
      // The text alternative names every related entity drawn.
      const alt = graph!.parentNode!.parentNode!.querySelector('.sr-only')!.text;
      for (const line of graph!.querySelectorAll('.pic-node:not(.pic-center) tspan')) expect(alt, id).toContain(line.text);
    }
    expect(graphs).toBeGreaterThan(entityPages.size / 2);
  });

  it('show a timeline exactly when some article about the entity has a date, and count the undated', () => {
    for (const [id, page] of entityPages) {
      const listed = page.querySelectorAll('section[aria-labelledby="articles-heading"] ol > li');
      const dated = listed.filter((li) => li.querySelector('time')).length;
      const [timeline] = pictures(page, 'timeline');
      if (dated === 0) {
        expect(timeline, id).toBeUndefined();
        continue;
      }
      expectWellFormed(timeline!, `timeline of ${id}`);
      const bars = timeline!.querySelectorAll('rect.pic-bar');
      expect(bars.length, id).toBeGreaterThan(0);
      const caption = timeline!.closest('figure')!.querySelector('figcaption')!.text;
      if (dated < listed.length) expect(caption, id).toContain('خارج الرسم');
      else expect(caption, id).not.toContain('خارج الرسم');
    }
  });

  it('show a map of places with coordinates: the place itself, or the places related to the entity', () => {
    let maps = 0;
    for (const [id, page] of entityPages) {
      const [map] = pictures(page, 'map');
      const self = entities.get(id)!;
      if (self.type === 'place' && self.coordinates) expect(map, `${id} is a place with coordinates`).toBeDefined();
      if (!map) continue;
      maps += 1;
      expectWellFormed(map, `map of ${id}`);
      for (const href of entityLinks(map)) {
        const place = entities.get(href.split('/')[2]!)!;
        expect(place.type, href).toBe('place');
        expect(place.coordinates, href).toBeDefined();
      }
      if (self.type === 'place' && self.coordinates) expect(map.querySelector('.pic-center')?.getAttribute('data-entity')).toBe(id);
      expect(map.querySelector('path.pic-land')!.getAttribute('d')!.length, id).toBeGreaterThan(100);
    }
    expect(maps).toBeGreaterThan(entityPages.size / 2);
  });

  it('keep every picture small', async () => {
    for (const [id, page] of entityPages) {
      for (const svg of page.querySelectorAll('svg.pic')) {
        const layer = svg.parentNode!.querySelector('svg.pic-links')?.toString() ?? '';
        expect(svg.toString().length + layer.length, `${id} ${svg.parentNode!.getAttribute('class')}`).toBeLessThan(30_000);
      }
    }
  });
});

describe('article pages', () => {
  it('show a map of the places the article mentions, when any has coordinates', async () => {
    for (const id of ids) {
      const page = await readPage(distDir, `articles/${id}/index.html`);
      const places = page
        .querySelectorAll('aside .entity-chip')
        .map((a) => a.getAttribute('href')!.split('/')[2]!)
        .filter((e) => entities.get(e)?.type === 'place' && entities.get(e)?.coordinates);
      const [map] = pictures(page, 'map');
      if (places.length === 0) {
        expect(map, id).toBeUndefined();
        continue;
      }
      expectWellFormed(map!, `map of article ${id}`);
      const shown = new Set(entityLinks(map!).map((h) => h.split('/')[2]!));
      for (const e of shown) expect(places, `${id} maps ${e}`).toContain(e);
      expect(shown.size / places.length, id).toBeGreaterThan(0.5); // a country far away may fall outside the frame
      expect(map!.parentNode!.toString().length).toBeLessThan(30_000);
    }
  });
});

describe('the relations page', () => {
  it('is linked from the header and shows the whole-site graph with a table of the same entities', async () => {
    const home = await readPage(distDir, 'index.html');
    expect(home.querySelectorAll('header nav a').map((a) => a.getAttribute('href'))).toContain('/relations/');
    const page = await readPage(distDir, 'relations/index.html');
    expect(page.querySelector('h1')!.text).toBe('خريطة العلاقات');
    const graphs = pictures(page, 'graph');
    expect(graphs.length).toBe(2); // wide and narrow layouts
    for (const g of graphs) expectWellFormed(g, 'relations graph');
    const [wide, narrow] = graphs;
    const drawn = new Set(entityLinks(wide!));
    expect(drawn.size).toBeGreaterThan(1);
    expect(drawn.size).toBeLessThanOrEqual(60);
    expect(entityLinks(narrow!).every((h) => drawn.has(h))).toBe(true);
    const rows = page.querySelectorAll('table tbody tr th a').map((a) => a.getAttribute('href'));
    expect(new Set(rows)).toEqual(drawn);
  });
});

describe.runIf(hasChromium)('pictures in Chromium', () => {
  it('pass axe-core on the relations page and around the pictures, in light and dark themes', async ({ browser, site }) => {
    const axePath = path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ bypassCSP: true, colorScheme });
      const page = await context.newPage();
      for (const url of ['/relations/', '/entities/syria/', `/articles/${ids[0]}/`]) {
        await page.goto(`${site.origin}${url}`);
        await page.addScriptTag({ path: axePath });
        const violations = await page.evaluate<{ id: string; nodes: { target: string[] }[] }[]>(
          `axe.run(document).then((r) => r.violations)`,
        );
        for (const v of violations)
          found.push(
            `${colorScheme} ${url}: ${v.id} ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(', ')}`,
          );
      }
      await context.close();
    }
    expect(found).toEqual([]);
  });

  it('keep graph labels apart on a 390 px phone: no label over another label or another mark, measured after the fonts load', {
    timeout: 240_000,
  }, async ({ browser, site }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    const graphs = [...entityPages].filter(([, p]) => p.querySelector('.pic-graph svg.pic')).map(([id]) => `/entities/${id}/`);
    expect(graphs.length).toBeGreaterThan(20);
    const dossiers = existsSync(path.join(distDir, 'dossiers', 'russia-turkey-syria')) ? ['/dossiers/russia-turkey-syria/'] : [];
    /**
     * The collisions in the graphs the page shows at this width (the relations page draws its
     * narrow graph there). A label's box is its ink, as the reader sees it: each line's advance
     * width, and from its baseline up and down by the glyphs' real ascent and descent (canvas
     * metrics of the same font and size), not the font's whole line box, which reaches into the
     * next node's room without a pixel of text there. `plant` first moves the second label onto
     * the first, to show that the measure sees a collision.
     */
    const measure = (plant: boolean) =>
      page.evaluate((plant) => {
        const out: string[] = [];
        let labels = 0;
        const ctx = document.createElement('canvas').getContext('2d')!;
        const ink = (text: SVGTextElement) => {
          ctx.font = getComputedStyle(text).font.replace(/[\d.]+px/, `${text.getAttribute('font-size')}px`);
          const lines = [...text.querySelectorAll('tspan')].map((t) => {
            const metrics = ctx.measureText(t.textContent!);
            const baseline = t.getStartPositionOfChar(0).y;
            const box = t.getBBox();
            return {
              left: box.x,
              right: box.x + box.width,
              top: baseline - metrics.actualBoundingBoxAscent,
              bottom: baseline + metrics.actualBoundingBoxDescent,
            };
          });
          const left = Math.min(...lines.map((l) => l.left));
          const top = Math.min(...lines.map((l) => l.top));
          return new DOMRect(left, top, Math.max(...lines.map((l) => l.right)) - left, Math.max(...lines.map((l) => l.bottom)) - top);
        };
        const hit = (a: DOMRect, b: DOMRect) =>
          a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
        for (const svg of document.querySelectorAll<SVGSVGElement>('.pic-graph svg.pic')) {
          if (svg.getBoundingClientRect().width === 0) continue;
          const groups = [...svg.querySelectorAll<SVGGElement>('g.pic-node')];
          if (plant && groups.length > 1) {
            const [from, to] = [groups[0]!.querySelector('text')!, groups[1]!.querySelector('text')!];
            for (const el of [to, ...to.querySelectorAll('tspan')]) {
              el.setAttribute('x', from.getAttribute('x')!);
              if (el === to) el.setAttribute('y', from.getAttribute('y')!);
            }
          }
          const nodes = groups.map((g) => ({
            name: g.querySelector('text')!.textContent!,
            label: ink(g.querySelector<SVGTextElement>('text.pic-label')!),
            mark: g.querySelector<SVGGraphicsElement>('.pic-mark')!.getBBox(),
          }));
          labels += nodes.length;
          for (const [i, a] of nodes.entries()) {
            if (a.label.height < 5 || a.label.width < 5) out.push(`no ink measured for «${a.name}»`);
            for (const [j, b] of nodes.entries()) {
              if (i < j && hit(a.label, b.label)) out.push(`labels «${a.name}» and «${b.name}»`);
              if (i !== j && hit(a.label, b.mark)) out.push(`label «${a.name}» over the mark of «${b.name}»`);
            }
          }
        }
        return { out, labels };
      }, plant);
    const collisions: string[] = [];
    let measured = 0;
    for (const url of ['/relations/', ...dossiers, ...graphs]) {
      await page.goto(`${site.origin}${url}`);
      await page.evaluate(() => document.fonts.ready);
      const found = await measure(false);
      measured += found.labels;
      collisions.push(...found.out.map((c) => `${url}: ${c}`));
    }
    expect(measured).toBeGreaterThan(200);
    expect(collisions).toEqual([]);
    // The measure is not blind: two labels put on top of each other collide.
    expect((await measure(true)).out.some((c) => c.startsWith('labels '))).toBe(true);
    await context.close();
  });

  it('render without requests off the site, fit phones, and keep labels inside their pictures', async ({ browser, site }) => {
    const [article] = ids;
    for (const width of [375, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const external: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(site.origin) && !r.url().startsWith('data:')) external.push(r.url());
      });
      for (const url of ['/relations/', '/entities/syria/', '/entities/vladimir-putin/', `/articles/${article}/`]) {
        await page.goto(`${site.origin}${url}`, { waitUntil: 'networkidle' });
        await page.evaluate(() => document.fonts.ready);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${url} at ${width}px`).toBeLessThanOrEqual(0);
        // Real text extents (after font loading) stay inside each picture's viewBox.
        const outside = await page.evaluate(() =>
          [...document.querySelectorAll<SVGSVGElement>('svg.pic')]
            .filter((svg) => svg.getBoundingClientRect().width > 0)
            .flatMap((svg) => {
              const { width: w, height: h } = svg.viewBox.baseVal;
              return [...svg.querySelectorAll<SVGTextElement>('text')]
                .map((t) => ({ t: t.textContent, b: t.getBBox() }))
                .filter(({ b }) => b.x < -1 || b.y < -1 || b.x + b.width > w + 1 || b.y + b.height > h + 1)
                .map(({ t }) => t);
            }),
        );
        expect(outside, `${url} at ${width}px`).toEqual([]);
      }
      expect(external).toEqual([]);
      await context.close();
    }
  });
});
