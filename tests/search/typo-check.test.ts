/**
 * The site's typo check (src/search/typos.ts `correctedQuery`) against real Pagefind in Chromium:
 * an index built with Pagefind's own Node API from sentences of SaudiNewsNet (2015-07-22) and the
 * hidden terms the site adds to a page (src/search/enrichment.ts), searched
 * with Pagefind's browser API, as the search page searches it. The query is one a reader typed
 * (bench/search/real, «الاحتلال الاسرائلي»: a letter of «الإسرائيلي» dropped).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wordsOf } from '../../src/search/analyzer.ts';
import { searchFields } from '../../src/search/config.ts';
import { enrichmentTerms } from '../../src/search/enrichment.ts';
import { QueryProcessor } from '../../src/search/query.ts';
import { correctedQuery, ownPagesQuery, shownSpelling, vocabularyKey } from '../../src/search/typos.ts';
import { hasChromium, launchChromium, serveStatic } from '../support/browser.ts';

/** Sentences of the day's news about the Israeli occupation and army. */
const ISRAELI = [
  'واعتقلت قوات الاحتلال الإسرائيلي، أمس، مواطنين فلسطينيين من بلدة بني نعيم وطفلا من مدينة الخليل.',
  'قتل شاب فلسطيني متأثرا بإصابته برصاص الجيش الإسرائيلي اليوم الأربعاء في جنين في الضفة الغربية.',
  'صادق الكنيست الإسرائيلي على تعديل قانون العقوبات الذي يشدد العقوبة على راشقي الحجارة على السيارات.',
  'ولم يعقب الجيش الإسرائيلي على هذه التطورات.',
];
/** Sentences of the same day about families («أسرة», «الأسر»): the same first letters, another word. */
const FAMILIES = [
  'ومن الضروري أن يكون رب كل أسرة متيقظا لكل متغيرات مفاجئة في أفراد أسرته.',
  'وأكد الإعلام الموالي أن الفتى يتمتع بأخلاق حميدة، وأنه من أسرة معروفة.',
  'وتابعت "إن فقد شاب مأساة فوق الوصف وأتعاطف مع أسرة هذا الشاب وأصدقائه".',
  'وفرت أمانة الرياض كافة الخدمات والتسهيلات لأكثر من 100 أسرة منتجة مشاركة في فعاليات احتفالاتها بعيد الفطر.',
  'استقطبت أركان الأسر المنتجة أعدادا كبيرة من زوار مواقع احتفالات أمانة الرياض.',
];
const SENTENCES = [...ISRAELI, ...FAMILIES];
const urlOf = (i: number) => `/s${i}/`;
const israeliUrls = ISRAELI.map((_, i) => urlOf(i)).sort();
const familyUrls = FAMILIES.map((_, i) => urlOf(ISRAELI.length + i)).sort();

/** The vocabulary as /search/vocabulary.json keys it: every word's key, with its count. */
const vocabulary = new Map<string, number>();
for (const sentence of SENTENCES) {
  for (const word of wordsOf(sentence)) vocabulary.set(vocabularyKey(word), (vocabulary.get(vocabularyKey(word)) ?? 0) + 1);
}

let dir = '';
let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;
let page: Page;

/** The pages Pagefind's browser API finds for a query, sorted. */
async function found(query: string): Promise<string[]> {
  // A string, not a function: the test runner must not rewrite the browser's dynamic import.
  const urls = await page.evaluate<string[]>(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    const found = await pagefind.search(${JSON.stringify(query)});
    return Promise.all(found.results.map(async (r) => (await r.data()).url));
  })()`);
  return urls.sort();
}

describe.runIf(hasChromium)('the typo check with real Pagefind', () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'marsad-typo-check-'));
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`pagefind did not start: ${errors.join('; ')}`);
    // Each sentence a page, with the hidden search terms the site gives its pages (enrichment.ts).
    for (const [i, content] of SENTENCES.entries()) {
      await index.addCustomRecord({
        url: urlOf(i),
        content,
        language: 'ar',
        meta: { [searchFields.terms]: enrichmentTerms([content]).join(' ') },
      });
    }
    await index.writeFiles({ outputPath: path.join(dir, 'pagefind') });
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><html lang="ar" dir="rtl"><title>بحث</title></html>');
    browser = await launchChromium();
    server = await serveStatic(dir);
    page = await (await browser.newContext()).newPage();
    await page.goto(`${server.origin}/`);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await pagefind.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('corrects «الاحتلال الاسرائلي» although Pagefind finds pages for the typed word (shorter words’)', async () => {
    const prepared = new QueryProcessor().prepare('الاحتلال الاسرائلي');
    const typo = prepared.words.find((w) => w.text === 'الاسرائلي');
    expect(typo).toBeDefined();
    // The trap: Pagefind matches no word to the typo's form, and falls back to «أسرة», «الأسر».
    expect(await found(typo!.written)).toEqual(familyUrls);

    const count = async (query: string) => (await found(query)).length;
    const corrected = await correctedQuery(prepared, count, async () => ({ counts: vocabulary }));
    expect(corrected).toBe(`الاحتلال ال${vocabularyKey('الإسرائيلي')}`);
    // The corrected query is what the reader meant: the occupation, not families.
    expect(await found(corrected!)).toEqual([urlOf(0)]);
    expect(await found(vocabularyKey('الإسرائيلي'))).toEqual(israeliUrls);
  });

  it('corrects the typo alone, «الاسرائلي», to the spelling the pages write', async () => {
    const prepared = new QueryProcessor().prepare('الاسرائلي');
    const spellings = new Map<string, number>();
    for (const sentence of SENTENCES) {
      for (const word of wordsOf(sentence))
        if (vocabularyKey(word) === vocabularyKey('الإسرائيلي')) spellings.set(word, (spellings.get(word) ?? 0) + 1);
    }
    const shown = new Map([[vocabularyKey('الإسرائيلي'), shownSpelling(vocabularyKey('الإسرائيلي'), spellings)]]);
    const count = async (query: string) => (await found(query)).length;
    const corrected = await correctedQuery(prepared, count, async () => ({ counts: vocabulary, shown }));
    expect(corrected).toBe('الإسرائيلي');
    expect(await found(corrected!)).toEqual(israeliUrls);
  });

  it('leaves alone a word the index holds on enough pages, though the vocabulary lacks it and has one a letter away', async () => {
    // «الإسرائيلي» is on four pages; this vocabulary knows only «الإسرائيلية», one letter longer.
    const known = new Map(vocabulary);
    known.delete(vocabularyKey('الإسرائيلي'));
    known.set(vocabularyKey('الإسرائيلية'), 50);
    const prepared = new QueryProcessor().prepare('الجيش الإسرائيلي');
    const count = async (query: string) => (await found(query)).length;
    expect(await correctedQuery(prepared, count, async () => ({ counts: known }))).toBeNull();
    // Counted on no page, the same word would be «corrected»: the count above is what kept it.
    const own = ownPagesQuery(prepared.words.find((w) => w.text === 'الإسرائيلي')!.written);
    const none = async (query: string) => (query === own ? 0 : count(query));
    expect(await correctedQuery(prepared, none, async () => ({ counts: known }))).toBe(`الجيش ال${vocabularyKey('الإسرائيلية')}`);
  });
});
