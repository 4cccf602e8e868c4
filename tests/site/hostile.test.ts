import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleToMdx, ingestBytes } from '../../src/ingest/index.ts';
import { arabicQuotes } from '../../src/render/quotes.ts';
import { readPage } from '../support/site.ts';
import { buildSite } from '../../scripts/lib/build.ts';

/** Article text an attacker or a broken scraper could send. */
const HOSTILE = [
  'عنوان: <script>alert("x")</script> في الخبر',
  '',
  'فقرة أولى فيها <script>document.title="hacked"</script> و{1+1} و<b>غامق</b> و<img src=x onerror=alert(1)>.',
  '',
  'import أخبار from "node:fs"',
  '',
  'export const خبر = 1;',
  '',
  '--- فاصل ---',
  '',
  'فقرة فيها [رابط](javascript:alert(1)) و`كود` و*نجمة* و_شرطة_ و# ليست عنوانًا | وعمود |.',
  '',
  'وقال المتحدث باسم الوزارة في مؤتمر صحفي عقده اليوم إن الحكومة تتابع الوضع عن كثب، وإن الاتصالات مستمرة مع جميع الأطراف المعنية للتوصل إلى حل سياسي شامل ينهي الأزمة.',
  '',
  'وأضاف أن المرحلة المقبلة تتطلب تعاونًا أوسع بين دول المنطقة، مشيرًا إلى أن اللقاءات الثنائية ستتواصل خلال الأسابيع القادمة في أكثر من عاصمة عربية.',
].join('\n');

/** A headline a broken scraper glued a whole page into: about 10,000 characters. */
const LONG_HEADLINE = 'وزير الخارجية يبحث مع نظيره العلاقات الثنائية '.repeat(220).trim();

let work: string;
let dist: string;

describe('hostile article text', () => {
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'marsad-hostile-'));
    dist = path.join(work, 'dist');
    await mkdir(path.join(work, 'content', 'articles'), { recursive: true });
    await mkdir(path.join(work, 'content', 'entities'), { recursive: true });
    const result = ingestBytes(new TextEncoder().encode(HOSTILE), 'hostile.txt');
    if (!result.ok) throw new Error(result.reason);
    await writeFile(path.join(work, 'content', 'articles', 'hostile.mdx'), articleToMdx(result.article));
    const long = ingestBytes(new TextEncoder().encode([LONG_HEADLINE, '', ...HOSTILE.split('\n').slice(12)].join('\n')), 'long.txt');
    if (!long.ok) throw new Error(long.reason);
    await writeFile(path.join(work, 'content', 'articles', 'long.mdx'), articleToMdx(long.article));
    await buildSite({ contentDir: path.join(work, 'content'), outDir: dist, cacheDir: path.join(work, 'cache') });
  }, 300_000);

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('builds, and renders scripts, tags, imports and Markdown as the text they are', async () => {
    const page = await readPage(dist, 'articles/hostile/index.html');
    const article = page.querySelector('article')!;
    expect(article.querySelectorAll('script, b, img, code, em, strong, table').length).toBe(0);
    expect(article.querySelectorAll('a[href^="javascript:"]').length).toBe(0);
    const text = article.text;
    // Headlines, like article text, show paired quotes as Arabic guillemets; the rest verbatim.
    expect(page.querySelector('h1')!.text).toContain(arabicQuotes('<script>alert("x")</script>'));
    for (const fragment of [
      '<script>document.title="hacked"</script>',
      '{1+1}',
      '<img src=x onerror=alert(1)>',
      'import أخبار from "node:fs"',
      'export const خبر = 1;',
      '--- فاصل ---',
      '[رابط](javascript:alert(1))',
      '`كود`',
      '*نجمة*',
      '# ليست عنوانًا | وعمود |',
    ]) {
      // Article text shows paired quotes as Arabic guillemets; everything else is verbatim.
      expect(text).toContain(arabicQuotes(fragment));
    }
    expect(page.querySelector('title')!.text).toContain(arabicQuotes('<script>alert("x")</script>'));
  });

  it('clips a headline of 10,000 characters in the window title and social cards, not on the page', async () => {
    const page = await readPage(dist, 'articles/long/index.html');
    const title = page.querySelector('title')!.text;
    expect([...title].length).toBeLessThanOrEqual(120);
    expect(title).toMatch(/^وزير الخارجية يبحث.*… — /);
    for (const meta of ['meta[property="og:title"]', 'meta[name="twitter:title"]']) {
      expect([...(page.querySelector(meta)!.getAttribute('content') ?? '')].length, meta).toBeLessThanOrEqual(120);
    }
    expect(page.querySelector('h1')!.text.length).toBeGreaterThan(9000);
  });
});
