/**
 * The five seed articles (copies in fixtures/seeds, scraping leftovers included) ingest into
 * the MDX a careful editor would write: right title, outlet, headings and captions, no leftovers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Article, articleToMdx, ingestBytes, readFrontmatter } from '../../src/ingest/index.ts';
import { articleSchema } from '../../src/schemas/article.ts';
import { compileLikeAstro, renderMdx, textOf } from './support/render.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'seeds');
/** The MDX the seeds were first ingested to (content/articles as committed): ingest must keep writing exactly this. */
const GOLDEN = path.join(import.meta.dirname, 'fixtures', 'seeds-mdx');

function ingestSeed(name: string): { article: Article; mdx: string } {
  const result = ingestBytes(fs.readFileSync(path.join(FIXTURES, name)), name);
  if (!result.ok) throw new Error(`${name} rejected: ${result.reason}`);
  return { article: result.article, mdx: articleToMdx(result.article) };
}

const of = (article: Article, type: 'paragraph' | 'heading' | 'caption') => article.body.filter((b) => b.type === type);

interface Expected {
  file: string;
  title: string;
  standfirst?: string;
  outlet: string | null;
  dateline?: string;
  headings: string[];
  captions: Array<{ text: string; credit: string | null }>;
  paragraphs: number;
  /** Strings that must not survive anywhere in the MDX. */
  leftovers: string[];
}

const SEEDS: Expected[] = [
  {
    file: '000_60af0b160dcc8caa.txt',
    title: 'روسيا تدعو تركيا إلى اتصالات عسكرية بشأن سوريا',
    outlet: 'بي بي سي عربي',
    headings: [],
    captions: [{ text: 'أول لقاء بين لافروف وجاويش أوغلو منذ تطبيع العلاقات بين بلديهما', credit: 'EPA' }],
    paragraphs: 16,
    leftovers: ['مصدر الصورة', 'Image caption'],
  },
  {
    file: '001_47fcac9e9e7e3a4e.txt',
    title: 'روسيا وتركيا تدرسان التنسيق بالملف السوري',
    outlet: 'الجزيرة',
    headings: ['تطبيع العلاقات'],
    captions: [
      { text: 'لافروف (يمين) مع نظيره التركي تشاويش أوغلو أثناء لقائهما اليوم', credit: 'الأوروبية' },
      { text: 'لقاء سابق بين أردوغان (يمين)', credit: null },
    ],
    paragraphs: 11,
    leftovers: ['epa05401126', 'handout', 'EDITORIAL USE', 'المصدر', 'الجزيرة + وكالات'],
  },
  {
    file: '002_12a01e2839ced559.txt',
    title: 'إدلب بلا إرهابيين في قمة سوتشي.. بوتين وأردوغان يتفقان',
    standfirst: 'الرئيسان تعهدا بمواصلة العمل وفقاً للاتفاقيات السابقة حول سوريا',
    outlet: 'العربية',
    headings: ['أهداف اللقاء', 'نكزات قبل اللقاء', 'تعاون رغم الخلافات'],
    captions: [{ text: 'موالون لتركيا', credit: 'فرانس برس' }],
    paragraphs: 14,
    leftovers: ['نشر في', 'آخر تحديث', '\n.\n'],
  },
  {
    file: '003_b9be8d79b01e2d8f.txt',
    title: 'أنقرة وموسكو تقطعان "شوطا كبيرا" في العلاقات وتتفقان على داعش وسوريا',
    outlet: 'كوردستان24',
    dateline: 'اربيل',
    headings: [],
    captions: [],
    paragraphs: 12,
    leftovers: [],
  },
  {
    file: '004_9ab9486eea080e7c.txt',
    title: 'اتصال هاتفي بين بوتين وأردوغان بعد استهداف دورية مشتركة في ادلب',
    outlet: null,
    headings: ['الموقف التركي والروسي من الملف السوري'],
    captions: [],
    paragraphs: 11,
    leftovers: ['اترك رد', 'لن يتم نشر عنوان بريدك الإلكتروني', '\n0\n'],
  },
];

describe.each(SEEDS)('seed $file', (expected) => {
  const { article, mdx } = ingestSeed(expected.file);
  const body = mdx.slice(mdx.indexOf('\n---\n') + 5);

  it('has the right title, standfirst, outlet and dateline', () => {
    expect(article.title).toBe(expected.title);
    expect(article.standfirst).toBe(expected.standfirst ?? null);
    expect(article.outlet).toBe(expected.outlet);
    expect(article.dateline).toBe(expected.dateline ?? null);
  });

  it('keeps every paragraph once, turns subheadings into headings and photo captions into captions', () => {
    expect(of(article, 'heading').map((b) => b.text)).toEqual(expected.headings);
    expect(of(article, 'caption')).toEqual(expected.captions.map((c) => ({ type: 'caption', ...c })));
    expect(of(article, 'paragraph')).toHaveLength(expected.paragraphs);
    const texts = article.body.map((b) => b.text);
    expect(new Set(texts).size).toBe(texts.length);
    for (const heading of expected.headings) expect(body).toContain(`\n## ${heading}\n`);
  });

  it('leaves no scraping leftovers, no repeated title, no repeated caption in the MDX', () => {
    for (const leftover of expected.leftovers) expect(body).not.toContain(leftover);
    expect(body).not.toContain(expected.title);
    for (const caption of expected.captions) expect(body.split(caption.text)).toHaveLength(2);
  });

  it('writes frontmatter the content schema accepts, with provenance', () => {
    const data = articleSchema.parse(readFrontmatter(mdx));
    expect(data.title).toBe(expected.title);
    expect(data.source.file).toBe(expected.file);
    expect(data.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(data.contentHash.startsWith(article.id)).toBe(true);
  });

  it('compiles with Sätteri and renders the body text', () => {
    expect(() => compileLikeAstro(mdx)).not.toThrow();
    const rendered = renderMdx(mdx);
    expect(rendered.map((n) => (typeof n === 'string' ? 'text' : n.tag))).toEqual(
      article.body.map((b) => ({ paragraph: 'p', heading: 'h2', caption: 'Caption', quote: 'blockquote' })[b.type]),
    );
    expect(rendered.map((n) => textOf([n]))).toEqual(article.body.map((b) => b.text));
  });
});

describe('seed details', () => {
  it('ingests every seed to the same bytes as before (ids, frontmatter and body unchanged)', () => {
    for (const file of fs.readdirSync(FIXTURES)) {
      expect(ingestSeed(file).mdx).toBe(fs.readFileSync(path.join(GOLDEN, file.replace(/\.txt$/, '.mdx')), 'utf8'));
    }
  });

  it('003 keeps the dateline copy of the repeated lead paragraph', () => {
    const { article } = ingestSeed('003_b9be8d79b01e2d8f.txt');
    const lead = 'قال الرئيس التركي رجب طيب اردوغان إن أنقرة وموسكو قطعتا "شوطا كبيرا" في تطبيع العلاقات بين الجانبين.';
    expect(article.body[0]).toEqual({ type: 'paragraph', text: `اربيل (كوردستان24)- ${lead}` });
    expect(article.body.filter((b) => b.text.includes(lead))).toHaveLength(1);
  });

  it('places captions where the photo was', () => {
    const { article } = ingestSeed('002_12a01e2839ced559.txt');
    const i = article.body.findIndex((b) => b.type === 'caption');
    expect(article.body[i - 1]?.text).toMatch(/^الجدير ذكره أن لتركيا آلافاً/);
    expect(article.body[i + 1]?.text).toMatch(/^ورغم خلافات البلدين/);
  });

  it('keeps tashkeel and punctuation as written', () => {
    const { mdx } = ingestSeed('004_9ab9486eea080e7c.txt');
    expect(mdx).toContain('عبر “القنوات الدبلوماسية والعسكرية” بشأن سوريا.');
    expect(ingestSeed('002_12a01e2839ced559.txt').mdx).toContain('وفقاً للاتفاقيات');
  });
});
