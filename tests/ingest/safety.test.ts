/**
 * End to end, from raw input to rendered page: whatever the input — plain text, Markdown, or a
 * JSON record with hostile titles, authors, datelines, URLs and captions — the MDX compiles, Astro
 * reads its frontmatter into the content schema, every block renders exactly its text, and no
 * word of the input disappears unless ingest reports why.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Article,
  articleToMdx,
  inlineText,
  ingestRecord,
  normalizeText,
  parseArticle,
  readArticleSource,
  withMdxHash,
} from '../../src/ingest/index.ts';
import { articleSchema } from '../../src/schemas/article.ts';
import { settings } from '../../src/settings.ts';
import { HOSTILE } from './support/hostile.ts';
import { compileLikeAstro, renderMdx, textOf, type RenderedNode } from './support/render.ts';

/** Property runs: the default, times $FC_SCALE (e.g. FC_SCALE=20 for a long hunt). */
const runs = (n: number) => Math.round(n * settings().propertyScale);

const ARABIC = [
  'قال الوزير إن المحادثات مثمرة',
  'الرياض (واس) -',
  'سبق ـ أبها:',
  'محمد العتيبي- سبق- جدة:',
  'مصدر الصورة EPA',
  'Image caption',
  'المصدر : الجزيرة',
  'بقلم: سارة أحمد',
  'نشر في: 25 شوال 1436 هـ',
  'اقرأ أيضا',
  'شارك',
  '«نص مقتبس من المقال»',
  'وأضاف',
  '(رويترز)',
  'عام /',
];

/** A line of hostile text that stays mostly Arabic. */
const line = fc
  .array(
    fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(...ARABIC) },
      { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme' }) },
    ),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  .map((parts) => `${parts.join(' ')} وقال الرئيس إن الاجتماع كان مهماً`);
const document = fc
  .tuple(fc.array(line, { minLength: 2, maxLength: 10 }), fc.constantFrom('\n', '\n\n', '\r\n', '\r'))
  .map(([lines, newline]) => lines.join(newline));

/** The text of a rendered block (a block quote's paragraph). */
function blockText(node: RenderedNode): string {
  if (typeof node !== 'string' && node.tag === 'blockquote') return textOf(node.children.filter((c) => typeof c !== 'string'));
  return textOf([node]);
}

/** Checks the article's MDX as Astro would build it. */
function expectSafe(article: Article): void {
  const mdx = withMdxHash(articleToMdx(article));
  expect(() => compileLikeAstro(mdx)).not.toThrow();
  const data = articleSchema.parse(readArticleSource(mdx).data);
  expect(data.title).toBe(inlineText(article.title));
  expect(data.author).toBe(article.author === null ? null : inlineText(article.author));
  expect(data.dateline).toBe(article.dateline === null ? null : inlineText(article.dateline));
  expect(data.source.url).toBe(article.source.url);
  const nodes = renderMdx(mdx);
  expect(nodes.map(blockText)).toEqual(article.body.map((b) => inlineText(b.text)));
}

/** Every word of the input is in the page (title, standfirst, body, captions' credits, metadata) or reported as removed. */
function expectNothingLost(input: string, article: Article): void {
  const kept = [
    article.title,
    article.standfirst ?? '',
    article.author ?? '',
    article.byline ?? '',
    article.dateline ?? '',
    article.outlet ?? '',
    ...article.body.flatMap((b) => [inlineText(b.text), b.type === 'caption' ? (b.credit ?? '') : '']),
    ...article.removed.map((r) => r.text),
  ].join(' ');
  // Words without the punctuation around them: a caption's "(رويترز)" is kept as its credit رويترز.
  for (const word of normalizeText(input)
    .split(/\s+/)
    .map((w) => w.replace(/^[()«»"]+|[()«»"]+$/g, ''))) {
    if (word !== '') expect(kept).toContain(word);
  }
}

describe('hostile input, end to end', () => {
  it('property: plain text compiles, renders verbatim, and loses no word without a reason', () => {
    fc.assert(
      fc.property(document, (text) => {
        const result = parseArticle(text, { source: { file: 'x.txt', sha256: '0'.repeat(64), url: null } });
        if (!result.ok) return;
        expectSafe(result.article);
        expectNothingLost(text, result.article);
      }),
      { numRuns: runs(300) },
    );
  }, 120_000);

  it('property: Markdown compiles and renders verbatim', () => {
    const markdown = fc
      .array(fc.tuple(fc.constantFrom('', '# ', '## ', '> ', '- ', '1. ', '![', '| '), line), { minLength: 2, maxLength: 8 })
      .map((lines) => lines.map(([mark, text]) => (mark === '![' ? `![${text}](x.png)` : `${mark}${text}`)).join('\n\n'));
    fc.assert(
      fc.property(markdown, (text) => {
        const result = parseArticle(text, { source: { file: 'x.md', sha256: '0'.repeat(64), url: null }, format: 'markdown' });
        if (result.ok) expectSafe(result.article);
      }),
      { numRuns: runs(300) },
    );
  }, 120_000);

  it('property: JSON records with hostile titles, authors, URLs, dates and sources give valid pages', () => {
    const field = fc.oneof(
      fc.constantFrom(...HOSTILE, ...ARABIC, 'لندن: «الشرق الأوسط»', '2015-07-21', 'null', '0b101', 'key: value'),
      line,
      fc.string(),
    );
    const record = fc.record({
      title: field,
      author: field,
      content: document,
      url: fc.oneof(
        field,
        fc.constantFrom('https://x.com/a_b?c=1&d=2', 'http://aawsat.com/home/article/1/بريطانيا', 'javascript:alert(1)', 'http://x y'),
      ),
      date: fc.oneof(field, fc.constantFrom('2015-07-21', '25 شوال 1436 هـ', 'Tue, 21 Jul 2015 10:00:00 GMT', '1437000000')),
      source: fc.oneof(field, fc.constantFrom('sabq', 'was', 'aljazirah')),
      description: field,
    });
    fc.assert(
      fc.property(record, (value) => {
        const result = ingestRecord(value, JSON.stringify(value), 'x.json#1');
        if (!result.ok) return;
        expectSafe(result.article);
        if (result.article.published) expect(result.article.published).toMatch(/^\d{4}-\d\d-\d\d$/);
      }),
      { numRuns: runs(300) },
    );
  }, 120_000);
});
