import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject } from 'vitest';
import { browserTest as it, hasChromium } from '../support/browser.ts';
import { articleIds, readPage } from '../support/site.ts';
import { readVocabulary, vocabularyKey, type VocabularyFile } from '../../src/search/typos.ts';

/**
 * The Arabic search of the built site in a real browser: the hard cases through the site's
 * own search (`window.marsadSearch`: Pagefind plus this site's query processing), entity pages
 * first, the search page UI, and highlighting on the page a result opens. Expected articles are
 * read from the content with regular expressions covering every spelling the case is about.
 */

const distDir = inject('distDir');
const contentDir = inject('contentDir');

let page: Page;
let texts: Map<string, string>;
let sources: Map<string, string>;

/** Article ids whose text (title and body) matches `pattern`. */
function articlesMatching(pattern: RegExp): string[] {
  return [...texts]
    .filter(([, text]) => pattern.test(text))
    .map(([id]) => id)
    .sort();
}

interface Found {
  /** Article ids found, sorted. */
  articles: string[];
  /** Article ids in rank order. */
  ranked: string[];
  /** URL of the first result. */
  first: string | undefined;
  /** Every result's URL, in rank order. */
  urls: string[];
}

/** Runs a query through the site's search, as the search page does. */
async function search(query: string): Promise<Found> {
  // A string, not a function: the test runner must not rewrite the browser's dynamic imports.
  const urls = await page.evaluate<string[]>(`(async () => {
    const found = await window.marsadSearch.search(${JSON.stringify(query)});
    const data = await Promise.all(found.results.map((r) => r.data()));
    return data.map((d) => d.url);
  })()`);
  const articles = urls.map((u) => /^\/articles\/([^/?#]+)\//.exec(u)?.[1]).filter((id): id is string => Boolean(id));
  return { articles: [...articles].sort(), ranked: articles, first: urls[0], urls };
}

describe.runIf(hasChromium)('Arabic search in a real browser', () => {
  it.beforeAll(async ({ browser, site }) => {
    texts = new Map();
    sources = new Map();
    for (const id of await articleIds(contentDir)) {
      const mdx = await readFile(path.join(contentDir, 'articles', `${id}.mdx`), 'utf8');
      sources.set(id, mdx);
      const title = /^title: (.*)$/m.exec(mdx)?.[1] ?? '';
      texts.set(id, `${title}\n${mdx.split(/^---$/m).slice(2).join('---')}`);
    }
    page = await browser.newPage();
    await page.goto(`${site.origin}/search/`);
    await page.waitForFunction('window.marsadSearch !== undefined');
  });

  describe('the issue’s hard cases return the right articles', () => {
    it('a word finds its forms with the article and proclitics: وزير, الوزير, لوزير', async () => {
      const expected = articlesMatching(/وزير/);
      expect(expected.length).toBe(2);
      expect((await search('وزير')).articles).toEqual(expected);
      expect((await search('الوزير')).articles).toEqual(expected);
    });

    it('a bare word finds it written only with proclitics: منتجع → بمنتجع, حكومة → للحكومة', async () => {
      const resort = articlesMatching(/منتجع/);
      expect(resort.length).toBe(3);
      expect((await search('منتجع')).articles).toEqual(resort);
      const government = articlesMatching(/حكوم/);
      expect(government.length).toBe(2);
      expect((await search('حكومة')).articles).toEqual(government);
    });

    it('a plural finds as many articles as its definite form: علاقات = العلاقات', async () => {
      const expected = articlesMatching(/علاق/);
      expect(expected.length).toBe(5);
      expect((await search('علاقات')).articles).toEqual(expected);
      expect((await search('العلاقات')).articles).toEqual(expected);
    });

    it('hamza seats do not matter: مسؤول = مسئول', async () => {
      const expected = articlesMatching(/مس[ؤئ]ول/);
      expect(expected.length).toBe(3);
      expect((await search('مسئول')).articles).toEqual(expected);
      expect((await search('مسؤول')).articles).toEqual(expected);
      expect((await search('مَسْؤُولٌ')).articles).toEqual(expected);
    });

    it('a final ى finds the ي spelling: سوتشى, التركى', async () => {
      const sochi = articlesMatching(/سوتش[يى]/);
      expect(sochi.length).toBe(3);
      expect((await search('سوتشى')).articles).toEqual(sochi);
      const turkish = articlesMatching(/التركي/);
      expect(turkish.length).toBe(5);
      expect((await search('التركى')).articles).toEqual(turkish);
    });

    it('داعش finds the articles that say تنظيم الدولة الإسلامية', async () => {
      const expected = articlesMatching(/داعش|تنظيم الدولة|الدولة الإسلامية/);
      expect(expected.length).toBe(3);
      expect(articlesMatching(/داعش/).length).toBe(1);
      expect((await search('داعش')).articles).toEqual(expected);
      expect((await search('تنظيم الدولة الإسلامية')).articles).toEqual(expected);
    });

    it('جاويش أوغلو finds تشاويش أوغلو, and the other way round', async () => {
      const expected = articlesMatching(/(جاويش|تشاويش) أوغلو/);
      expect(expected.length).toBe(2);
      expect((await search('جاويش أوغلو')).articles).toEqual(expected);
      expect((await search('تشاويش أوغلو')).articles).toEqual(expected);
    });

    it('Arabic-Indic digits, tashkeel and tatweel: ٢٠١٥, إِدْلِب, الكـرملين', async () => {
      expect((await search('٢٠١٥')).articles).toEqual(articlesMatching(/2015/));
      expect((await search('إِدْلِب')).articles).toEqual(articlesMatching(/[اإ]دلب/));
      expect((await search('الكـرملين')).articles).toEqual(articlesMatching(/الكرملين|الكريلمن|الرئاسة الروسية/));
    });

    it('stays precise: a word only an alias contains finds no article', async () => {
      expect(articlesMatching(/العراق/)).toEqual([]);
      expect((await search('العراق')).articles).toEqual([]);
      expect((await search('الحكومة الروسية')).articles).toEqual(articlesMatching(/حكوم/));
    });
  });

  it('ranks the entity page first when the query is one of its names', async () => {
    expect((await search('داعش')).first).toBe('/entities/islamic-state/');
    expect((await search('تشاويش أوغلو')).first).toBe('/entities/mevlut-cavusoglu/');
    expect((await search('ادلب')).first).toBe('/entities/idlib/');
    expect((await search('الناتو')).first).toBe('/entities/nato/');
  });

  it('reads a name typed without its hamza’s seat as the name: «الرياسة التركية», «موتمر استانا»', async () => {
    const presidency = await search('الرياسة التركية');
    expect(presidency.first).toBe('/entities/turkish-presidency/');
    expect(presidency.articles).toEqual((await search('الرئاسة التركية')).articles);
    expect((await search('موتمر استانا')).first).toBe('/entities/astana-talks/');
  });

  it('finds the entity a nickname stands for, which no article calls so: «العم سام» is the United States', async () => {
    expect(articlesMatching(/العم سام/)).toEqual([]);
    const named = (await search('الولايات المتحدة')).articles;
    expect(named.length).toBeGreaterThan(0);
    const nickname = await search('العم سام');
    expect(nickname.urls).toContain('/entities/united-states/');
    expect(nickname.articles).toEqual(expect.arrayContaining(named));
  });

  it('finds a dossier by its words and by the entities it is about, as «ملف», its lists not indexed', async () => {
    // The dossier's own words: its title's «إسقاط المقاتلة» is the 2015 downing it recounts.
    const dossier = '/dossiers/russia-turkey-syria/';
    const kinds = async (query: string) =>
      page.evaluate<[string, string | undefined][]>(`(async () => {
        const found = await window.marsadSearch.search(${JSON.stringify(query)});
        const data = await Promise.all(found.results.map((r) => r.data()));
        return data.map((d) => [d.url, d.filters['النوع']?.[0]]);
      })()`);
    const byTitle = await kinds('اسقاط المقاتله');
    expect(byTitle).toContainEqual([dossier, 'ملف']);
    // A subject's name finds it, in a spelling the dossier never writes (its entities' tokens),
    // the entity's own page still first.
    expect(await readFile(path.join(contentDir, 'dossiers', 'russia-turkey-syria.mdx'), 'utf8')).not.toMatch(/[أا]ردوجان/);
    const subject = await kinds('أردوجان');
    expect(subject[0]?.[0]).toBe('/entities/recep-tayyip-erdogan/');
    expect(subject.map(([url]) => url)).toContain(dossier);
    // The headlines it lists are the articles' words, not the dossier's: the page's index holds none.
    const html = await readPage(distDir, 'dossiers/russia-turkey-syria/index.html');
    const lists = html.querySelectorAll('[data-dossier-articles], .chronology-articles, [data-dossier-card]');
    expect(lists.length).toBeGreaterThan(0);
    for (const list of lists) expect(list.closest('[data-pagefind-ignore]')).not.toBeNull();
    // Nor the header's date line and subject chips, which would open every excerpt (the date is
    // the result's own line; the subjects are searched through their names' tokens).
    const header = html.querySelectorAll('[data-dossier-subjects], header time');
    expect(header.length).toBeGreaterThan(1);
    for (const part of header) expect(part.closest('[data-pagefind-ignore]')).not.toBeNull();
    const excerpt = await page.evaluate<string>(`(async () => {
      const found = await window.marsadSearch.search('أردوجان');
      const data = await Promise.all(found.results.map((r) => r.data()));
      return data.find((d) => d.url === ${JSON.stringify(dossier)}).content;
    })()`);
    expect(excerpt).not.toMatch(/^نُشر في|عن: روسيا/);
  });

  it('keeps the hidden search terms out of the page text and the excerpts', async () => {
    const [id] = [...texts.keys()];
    const article = await readPage(distDir, `articles/${id}/index.html`);
    const terms = article.querySelector('[data-pagefind-meta="terms"]');
    expect(terms?.text.length).toBeGreaterThan(100);
    expect(terms?.closest('[hidden][data-pagefind-ignore]')).not.toBeNull();
    const data = await page.evaluate<{ content: string; excerpt: string; meta: Record<string, string> }[]>(`(async () => {
      const found = await window.marsadSearch.search('داعش');
      return Promise.all(found.results.map((r) => r.data()));
    })()`);
    for (const d of data) {
      expect(d.content).not.toMatch(/zq[0-9a-z]{7}/);
      expect(d.excerpt).not.toMatch(/zq[0-9a-z]{7}/);
    }
    expect(data.some((d) => /zq[0-9a-z]{7}/.test(d.meta.entities ?? ''))).toBe(true);
  });

  describe('the search page', () => {
    it('shows each result with what it is, its outlet, and an excerpt with the matched words marked', async ({ site }) => {
      await page.goto(`${site.origin}/search/?q=${encodeURIComponent('مسئول')}`);
      const result = page.locator('pagefind-results li.pf-result', { hasText: 'المسؤول' }).first();
      await result.waitFor({ timeout: 15_000 });
      expect(await page.locator('pagefind-input input').inputValue()).toBe('مسئول');
      const marks = await result.locator('.pf-result-excerpt mark').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      for (const mark of marks) expect(mark).toMatch(/مس[ؤئ]ول/);
      const meta = await page.locator('pagefind-results .marsad-result-meta').allTextContents();
      expect(meta.some((m) => m.startsWith('مقالة · '))).toBe(true);
      // The count, in Arabic with number agreement, for what was typed.
      const shown = await page.locator('pagefind-results li.pf-result').count();
      const summary = await page.locator('#search-summary').textContent();
      expect(summary).toMatch(/لـ«مسئول»$/);
      expect(summary).toContain(
        shown === 1 ? 'نتيجة واحدة' : shown === 2 ? 'نتيجتان' : `${shown.toLocaleString('ar')} ${shown <= 10 ? 'نتائج' : 'نتيجة'}`,
      );
      // The matched words are marked visibly (a background, as on entity pages), not only in weight.
      const background = await result
        .locator('.pf-result-excerpt mark')
        .first()
        .evaluate((m) => getComputedStyle(m).backgroundColor);
      expect(background).not.toMatch(/^(?:transparent|rgba\(0, 0, 0, 0\))$/);
    });

    it('corrects a word the site does not know, and says so: «بوتبن» → «بوتين»', async ({ site }) => {
      await page.goto(`${site.origin}/search/?q=${encodeURIComponent('بوتبن')}`);
      const correction = page.locator('#search-correction');
      await correction.waitFor({ state: 'visible', timeout: 15_000 });
      expect(await correction.locator('[data-correction]').textContent()).toBe('بوتين');
      expect(await correction.textContent()).toMatch(/^\s*هل تقصد:/);
      // The built page has no space between «؟» and the note: the note keeps its distance itself.
      expect(await correction.locator('[data-correction-note]').evaluate((el) => getComputedStyle(el).marginInlineStart)).not.toBe('0px');
      await expect
        .poll(() => page.locator('pagefind-results a.pf-result-link').first().getAttribute('href'), { timeout: 10_000 })
        .toBe('/entities/vladimir-putin/');
      expect((await search('بوتبن')).articles).toEqual(articlesMatching(/بوتين/));
    });

    it('corrects a typo whatever Pagefind finds for it, offering the site’s spelling: «السوربة» → «السورية»', async ({ site }) => {
      // The typed form is on no page; Pagefind alone falls back to a shorter indexed word and finds
      // a page of results for it, which must not stop the check.
      const plain = await page.evaluate<[number, number]>(`(async () => {
        const pagefind = await import('/pagefind/pagefind.js');
        return [(await pagefind.search('السوربة')).results.length, (await pagefind.search('"السوربة"')).results.length];
      })()`);
      expect(plain[0]).toBeGreaterThanOrEqual(10);
      expect(plain[1]).toBe(0);
      await page.goto(`${site.origin}/search/?q=${encodeURIComponent('السوربة')}`);
      const correction = page.locator('#search-correction');
      await correction.waitFor({ state: 'visible', timeout: 15_000 });
      // Offered as the site writes it (hamza, ta marbuta, the article as typed), not as the folded key «سوريه».
      expect(await correction.locator('[data-correction]').textContent()).toBe('السورية');
      // What the search page was given: the key's spelling, and which keys never take the article.
      const table = readVocabulary(JSON.parse(await readFile(path.join(distDir, 'search', 'vocabulary.json'), 'utf8')) as VocabularyFile);
      expect(table.shown?.get(vocabularyKey('السورية'))).toBe('السورية');
      expect(table.neverDefinite?.has(vocabularyKey('بوتين'))).toBe(true);
      expect(table.neverDefinite?.has(vocabularyKey('السورية'))).toBe(false);
      // The corrected query's results first, in its order; then what the typed word found besides.
      const corrected = (await search('السورية')).urls;
      expect(corrected.length).toBeGreaterThan(0);
      expect((await search('السوربة')).urls.slice(0, corrected.length)).toEqual(corrected);
    });

    it('downloads the vocabulary only for a query with a word that looks like a typo', async ({ browser, site }) => {
      const fresh = await browser.newPage();
      try {
        const fetched: string[] = [];
        fresh.on('request', (r) => fetched.push(new URL(r.url()).pathname));
        const vocabularyFetched = () => fetched.filter((p) => p === '/search/vocabulary.json').length;
        await fresh.goto(`${site.origin}/search/?q=${encodeURIComponent('روسيا')}`);
        await fresh.locator('pagefind-results a.pf-result-link').first().waitFor({ timeout: 15_000 });
        await fresh.waitForLoadState('networkidle');
        expect(vocabularyFetched()).toBe(0);
        await fresh.goto(`${site.origin}/search/?q=${encodeURIComponent('السوربة')}`);
        await fresh.locator('#search-correction').waitFor({ state: 'visible', timeout: 15_000 });
        expect(vocabularyFetched()).toBe(1);
      } finally {
        await fresh.close();
      }
    });

    it('gives entity results an excerpt whose fields are not glued together', async () => {
      const data = await page.evaluate<{ url: string; content: string }[]>(`(async () => {
        const found = await window.marsadSearch.search('بوتين');
        return Promise.all(found.results.map((r) => r.data()));
      })()`);
      const entity = data.find((d) => d.url === '/entities/vladimir-putin/')!;
      expect(entity.content).toContain('Vladimir Putin');
      expect(entity.content).not.toMatch(/[\u0621-\u064A][A-Za-z]|[A-Za-z][\u0621-\u064A]/);
      expect(entity.content).not.toMatch(/^شخص|شخصV/);
    });

    it('helps when nothing is found', async ({ site }) => {
      await page.goto(`${site.origin}/search/?q=${encodeURIComponent('قصقصقص زخزخزخ')}`);
      const help = page.locator('#search-help');
      await help.waitFor({ state: 'visible', timeout: 15_000 });
      expect(await help.textContent()).toContain('جرّب');
      expect(await page.locator('#search-summary').textContent()).toMatch(/^[0٠] نتيجة لـ«قصقصقص زخزخزخ»$/);
    });

    it('puts the filters above the results on a phone, folded so the first results still show', async ({ browser, site }) => {
      const phone = await browser.newPage({ viewport: { width: 390, height: 800 } });
      try {
        await phone.goto(`${site.origin}/search/?q=${encodeURIComponent('روسيا')}`);
        const first = phone.locator('pagefind-results a.pf-result-link').first();
        await first.waitFor({ timeout: 15_000 });
        const filters = await phone.locator('#search-filters').boundingBox();
        expect(filters!.y).toBeLessThan((await first.boundingBox())!.y);
        expect(await phone.locator('#search-filters').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
        await phone.locator('#search-filters > summary').click();
        await phone.locator('pagefind-filter-pane input[name="المصدر"]').first().waitFor({ timeout: 5_000 });
      } finally {
        await phone.close();
      }
      expect(await page.locator('#search-filters').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    });

    it('offers every result on the search page from the header’s box', async ({ site }) => {
      await page.goto(`${site.origin}/archive/`);
      await page.locator('pagefind-searchbox input').fill('روسيا');
      const link = page.locator('pagefind-searchbox a.marsad-all-results');
      await link.waitFor({ timeout: 15_000 });
      expect(await link.textContent()).toBe('كل النتائج لـ«روسيا»');
      expect(await link.getAttribute('href')).toBe(`/search/?q=${encodeURIComponent('روسيا')}`);
    });

    it('downloads the filters only where a filter pane shows them', async ({ browser, site }) => {
      const fresh = await browser.newPage();
      try {
        const filterChunks: string[] = [];
        fresh.on('request', (r) => {
          if (/^\/pagefind\/filter\//.test(new URL(r.url()).pathname)) filterChunks.push(r.url());
        });
        // The header's box on a page without a pane: results, and no filter chunk.
        await fresh.goto(`${site.origin}/archive/`);
        await fresh.locator('pagefind-searchbox input').fill('روسيا');
        await fresh.locator('pagefind-searchbox a.marsad-all-results').waitFor({ timeout: 15_000 });
        await fresh.locator('pagefind-searchbox a[href^="/articles/"]').first().waitFor({ timeout: 15_000 });
        await fresh.waitForLoadState('networkidle');
        expect(filterChunks).toEqual([]);
        // The search page's pane lists every filter, with its values.
        await fresh.goto(`${site.origin}/search/?q=${encodeURIComponent('روسيا')}`);
        await fresh.locator('pagefind-filter-pane input[name="المصدر"]').first().waitFor({ timeout: 15_000 });
        expect(filterChunks.length).toBeGreaterThan(0);
      } finally {
        await fresh.close();
      }
    });

    it('highlights the searched words, in every spelling, on the article a result opens', async ({ site }) => {
      await page.goto(`${site.origin}/search/?q=${encodeURIComponent('مسئول')}`);
      const link = page.locator('pagefind-results a.pf-result-link[href^="/articles/"]').first();
      await link.waitFor({ timeout: 15_000 });
      expect(await link.getAttribute('href')).toMatch(/^\/articles\/[^/?]+\/$/);
      await link.click();
      await page.waitForURL(/\/articles\/.*pagefind-highlight=/);
      expect(new URL(page.url()).searchParams.getAll('pagefind-highlight')).toEqual(['مسئول']);
      await page.waitForSelector('html[data-search-highlights]');
      const marks = await page.locator('article mark.pagefind-highlight').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      for (const mark of marks) expect(mark).toMatch(/مس[ؤئ]ول/);
    });

    it('highlights every name of an entity the query named', async ({ site }) => {
      const [id] = articlesMatching(/تنظيم الدولة الإسلامية/);
      await page.goto(`${site.origin}/articles/${id}/?pagefind-highlight=${encodeURIComponent('داعش')}`);
      await page.waitForSelector('html[data-search-highlights]');
      const marks = await page.locator('article mark.pagefind-highlight').allTextContents();
      expect(marks).toContain('تنظيم الدولة الإسلامية');
    });

    it('sorts by date: entity pages leave, every matching article and dossier stays', async ({ site }) => {
      const dossier = await readFile(path.join(contentDir, 'dossiers', 'russia-turkey-syria.mdx'), 'utf8');
      const dated = [
        ...articlesMatching(/روسيا/).map((id) => `/articles/${id}/`),
        ...(/روسيا/.test(dossier) ? ['/dossiers/russia-turkey-syria/'] : []),
      ];
      await page.goto(`${site.origin}/search/?q=${encodeURIComponent('روسيا')}`);
      const links = page.locator('pagefind-results a.pf-result-link');
      await links.first().waitFor({ timeout: 15_000 });
      await page.selectOption('#search-sort', 'newest');
      await page.waitForURL(/sort=newest/);
      // Polled until the re-sorted list is in: an empty list while it redraws is not the answer.
      const shown = async () => (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!.split('?')[0]!))).sort();
      await expect.poll(shown, { timeout: 10_000 }).toEqual(dated.sort());
    });

    it('filters by outlet, type and entity', async ({ site }) => {
      await page.goto(`${site.origin}/search/?q=${encodeURIComponent('روسيا')}`);
      await page.locator('pagefind-results a.pf-result-link').first().waitFor({ timeout: 15_000 });
      const groups = await page
        .locator('pagefind-filter-pane .pf-filter-group')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-filter-name')));
      expect(groups).toEqual(expect.arrayContaining(['المصدر', 'النوع', 'الأشخاص', 'الأماكن', 'المنظمات']));
      await page.locator('pagefind-filter-pane input[name="المصدر"][value="الجزيرة"]').check();
      await expect
        .poll(async () => page.locator('pagefind-results a.pf-result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), {
          timeout: 10_000,
        })
        .toEqual([...sources].filter(([, mdx]) => /^outlet: الجزيرة$/m.test(mdx)).map(([id]) => `/articles/${id}/`));
    });

    it('is keyboard friendly: ↓ from the search box goes to the first result', async ({ site }) => {
      await page.goto(`${site.origin}/search/`);
      const input = page.locator('pagefind-input input');
      await input.fill('ادلب');
      await page.locator('pagefind-results a.pf-result-link').first().waitFor({ timeout: 15_000 });
      await input.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/entities/idlib/');
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toMatch(/^\/articles\//);
    });
  });
});
