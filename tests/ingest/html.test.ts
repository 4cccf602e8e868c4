/** HTML article bodies in records (src/ingest/html.ts): structure kept, markup and scripts dropped, output always safe. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleToMdx, ingestRecord, readRecord, withMdxHash } from '../../src/ingest/index.ts';
import { htmlToMarkdown, looksLikeHtml } from '../../src/ingest/html.ts';
import { settings } from '../../src/settings.ts';
import { HOSTILE } from './support/hostile.ts';
import { compileLikeAstro, renderMdx } from './support/render.ts';

const runs = (n: number) => Math.round(n * settings().propertyScale);

describe('htmlToMarkdown', () => {
  it('keeps paragraphs, headings, quotations, captions and web links; drops scripts, styles and forms with their content', () => {
    const md = htmlToMarkdown(
      '<div><p>قال الوزير <strong>عادل</strong> إن المحادثات &quot;مثمرة&quot;.<p>فقرة ثانية<br>بعد سطر<h2>ردود الفعل</h2>' +
        '<blockquote><p>زيارة تاريخية</p><p>ومهمة</p></blockquote>' +
        '<figure><img src="a.jpg" alt="صورة"><figcaption>الوزيران [أرشيف]</figcaption></figure><img src="b.jpg" alt="خريطة المنطقة">' +
        '<p>انظر <a href="https://x.com/a">التقرير</a> و<a href="javascript:alert(1)">هذا</a></p>' +
        '<script>alert("x")</script><style>p{}</style><form><input value="ابحث"><button>أرسل</button></form></div>',
    );
    expect(md.split('\n\n')).toEqual([
      'قال الوزير عادل إن المحادثات "مثمرة".',
      'فقرة ثانية',
      'بعد سطر',
      '## ردود الفعل',
      '> زيارة تاريخية',
      '> ومهمة',
      '![الوزيران (أرشيف)]()',
      '![خريطة المنطقة]()',
      'انظر [التقرير](<https://x.com/a>) وهذا',
    ]);
  });

  it('escapes what Markdown would read as markup, at a line start or inside it', () => {
    expect(
      htmlToMarkdown('<p># ليس عنوانًا</p><p>- ولا بندًا</p><p>1. ولا رقمًا</p><p>*ولا* [رابطًا](x) ولا `رمزًا`</p>').split('\n\n'),
    ).toEqual(['\\# ليس عنوانًا', '\\- ولا بندًا', '1\\. ولا رقمًا', '\\*ولا\\* \\[رابطًا\\](x) ولا \\`رمزًا\\`']);
  });

  it('tells HTML from text that only mentions a bracket', () => {
    expect(looksLikeHtml('<p>نص</p>')).toBe(true);
    expect(looksLikeHtml('سطر<br/>سطر')).toBe(true);
    expect(looksLikeHtml('قال: <a href="https://x.com">هنا</a>')).toBe(true);
    expect(looksLikeHtml('الحرارة < 40 درجة والرطوبة > 60')).toBe(false);
    expect(looksLikeHtml('النص كما هو')).toBe(false);
  });
});

describe('HTML in records', () => {
  it('reads an HTML body as its structure: subheading, quotation and caption, no tag or script left', () => {
    const value = {
      title: 'وزير الخارجية يزور الرياض',
      content:
        '<p>قال وزير الخارجية إن الزيارة ناجحة.</p><h2>ردود الفعل</h2><blockquote>هذه زيارة تاريخية</blockquote><figure><img src="a.jpg"><figcaption>الوزيران خلال اللقاء</figcaption></figure><script>alert(1)</script>',
    };
    const result = ingestRecord(value, JSON.stringify(value), 'x.json#1');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.body.map((b) => [b.type, b.text])).toEqual([
      ['paragraph', 'قال وزير الخارجية إن الزيارة ناجحة.'],
      ['heading', 'ردود الفعل'],
      ['quote', 'هذه زيارة تاريخية'],
      ['caption', 'الوزيران خلال اللقاء'],
    ]);
    const mdx = withMdxHash(articleToMdx(result.article));
    expect(mdx).not.toMatch(/<script|alert|<p>|<h2>/);
  });

  it('keeps tags as text when the record says its body is plain text', () => {
    const reading = readRecord({ content: 'عن وسم <p> في HTML', format: 'text' });
    expect(reading).toMatchObject({ ok: true, markdown: false, text: 'عن وسم <p> في HTML' });
    expect(readRecord({ content: 'عن وسم <p> في HTML' })).toMatchObject({ ok: true, markdown: true });
  });

  it('property: any mix of tags, hostile text and Arabic gives an MDX page that compiles and renders its blocks', () => {
    const TAGS = [
      '<p>',
      '</p>',
      '<br>',
      '<div>',
      '</div>',
      '<h2>',
      '</h2>',
      '<blockquote>',
      '</blockquote>',
      '<b>',
      '</b>',
      '<ul><li>',
      '</li></ul>',
      '<a href="https://x.com/a">',
      '</a>',
      '<figure><img alt="صورة"><figcaption>',
      '</figcaption></figure>',
      '<script>',
      '</script>',
      '<!-- c -->',
      '&amp;',
      '&lt;',
      '&#1575;',
    ];
    const words = ['قال الوزير إن المحادثات مثمرة', 'الرياض (واس) -', '«نص مقتبس»', 'وأضاف', ...HOSTILE];
    const body = fc
      .array(fc.oneof(fc.constantFrom(...TAGS), fc.constantFrom(...words), fc.string()), { minLength: 1, maxLength: 30 })
      .map((parts) => `<p>${parts.join(' ')} وقال الرئيس إن الاجتماع كان مهماً</p>`);
    let pages = 0;
    fc.assert(
      fc.property(body, (content) => {
        const value = { title: 'عنوان', content };
        const result = ingestRecord(value, JSON.stringify(value), 'x.json#1');
        // Rejections are fine (random Latin can outweigh the Arabic; an unclosed <script> or a
        // stray "<x" swallows the text after it, as in a browser); an accepted page must be safe.
        if (!result.ok) return void expect(result.reason).not.toBe('');
        pages += 1;
        const mdx = withMdxHash(articleToMdx(result.article));
        expect(() => compileLikeAstro(mdx)).not.toThrow();
        expect(renderMdx(mdx)).toHaveLength(result.article.body.length);
      }),
      { numRuns: runs(200) },
    );
    // Most bodies give a page: the property is not vacuous.
    expect(pages).toBeGreaterThan(runs(200) * 0.8);
  }, 120_000);
});
