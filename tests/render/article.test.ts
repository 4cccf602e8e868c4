import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { EntityMatcher } from '../../src/entities/matcher.ts';
import {
  ArticleSourceError,
  firstMentions,
  isolateLatin,
  parseArticleMdx,
  renderArticleBody,
  TextBlocks,
  type ArticleRenderOptions,
} from '../../src/render/article.ts';
import { entityUrl } from '../../src/site-core/urls.ts';

const matcher = new EntityMatcher([
  { id: 'bashar-al-assad', names: ['بشار الأسد', 'الأسد'] },
  { id: 'damascus', names: ['دمشق'] },
  { id: 'epa', names: ['وكالة الصحافة الأوروبية'] },
]);
const options: ArticleRenderOptions = {
  findMentions: (text) => matcher.findMentions(text),
  findCreditMentions: (text) => (text === 'الأوروبية' ? [{ entityId: 'epa', start: 0, end: text.length }] : matcher.findMentions(text)),
  hasEntity: (id) => ['bashar-al-assad', 'damascus', 'epa'].includes(id),
  entityUrl,
};
const render = (body: string) => renderArticleBody(body, options);
const html = (body: string) => parse(render(body).html);

function errorOf(body: string): ArticleSourceError {
  try {
    render(body);
  } catch (error) {
    expect(error).toBeInstanceOf(ArticleSourceError);
    return error as ArticleSourceError;
  }
  throw new Error('expected an error');
}

describe('renderArticleBody', () => {
  it('links the first mention of each entity in running text, with proclitics, and no other', () => {
    const page = html('## الأسد في دمشق\n\nوقال بشار الأسد في دمشق إن الأسد باقٍ.\n\nوفي دمشق أيضًا.');
    const links = page.querySelectorAll('a.entity-link');
    expect(links.map((a) => [a.text, a.getAttribute('href'), a.getAttribute('data-entity')])).toEqual([
      ['بشار الأسد', '/entities/bashar-al-assad/', 'bashar-al-assad'],
      ['دمشق', '/entities/damascus/', 'damascus'],
    ]);
    expect(page.querySelector('h2')!.querySelectorAll('a')).toHaveLength(0);
  });

  it('returns every mention, headings included, in blocks of the text the reader sees', () => {
    const { blocks } = render('## الأسد في دمشق\n\nقال "بشار الأسد" في دمشق.');
    expect(blocks.map((b) => b.text)).toEqual(['الأسد في دمشق', 'قال «بشار الأسد» في دمشق.']);
    const named = blocks.flatMap((b) => b.mentions.map((m) => [m.entityId, b.text.slice(m.start, m.end)]));
    expect(named).toEqual([
      ['bashar-al-assad', 'الأسد'],
      ['damascus', 'دمشق'],
      ['bashar-al-assad', 'بشار الأسد'],
      ['damascus', 'دمشق'],
    ]);
  });

  it('writes Arabic quotation marks and isolates Latin runs, but leaves code as written', () => {
    const page = html('قال "نعم" عن طائرات F-16 و`"code" F-16`.');
    expect(page.querySelector('p')!.text).toContain('«نعم»');
    expect(page.querySelector('bdi[dir=ltr]')!.text).toBe('F-16');
    expect(page.querySelector('code')!.innerHTML).toBe('"code" F-16');
  });

  it('renders a caption with its credit, unlinked, and reads the credit as its own block', () => {
    const result = render('<Caption credit="الأوروبية">بشار الأسد في دمشق</Caption>');
    const figure = parse(result.html).querySelector('figure.caption')!;
    expect(figure.querySelector('figcaption')!.text).toBe('بشار الأسد في دمشق (تصوير: الأوروبية)');
    expect(figure.querySelectorAll('a')).toHaveLength(0);
    expect(result.blocks.map((b) => [b.text, b.mentions.map((m) => m.entityId)])).toEqual([
      ['الأوروبية', ['epa']],
      ['بشار الأسد في دمشق', ['bashar-al-assad', 'damascus']],
    ]);
  });

  it('honours <NoLink> and <EntityLink id>', () => {
    const result = render('رأى <NoLink>الأسد</NoLink> في الغابة و<EntityLink id="bashar-al-assad">الرئيس السوري</EntityLink> ثم الأسد.');
    const links = parse(result.html).querySelectorAll('a');
    expect(links.map((a) => [a.text, a.getAttribute('data-entity')])).toEqual([['الرئيس السوري', 'bashar-al-assad']]);
    expect(result.blocks[0]!.mentions.map((m) => result.blocks[0]!.text.slice(m.start, m.end))).toEqual(['الرئيس السوري', 'الأسد']);
  });

  it('keeps inline HTML from a short list, and drops MDX comments', () => {
    const page = html('نص <b>غامق</b> و<abbr title="منظمة">م</abbr> {/* ملاحظة المحرر */} وسطر<br />ثان');
    expect(page.querySelector('b')!.text).toBe('غامق');
    expect(page.querySelector('abbr')!.getAttribute('title')).toBe('منظمة');
    expect(page.text).not.toContain('ملاحظة');
  });

  it('labels footnotes in Arabic', () => {
    expect(html('نص[^1]\n\n[^1]: حاشية').querySelector('section.footnotes h2')!.text).toBe('الحواشي');
  });

  it.each([
    ['فقرة\n\nثم {alert(1)} هنا', 3, 'JavaScript expressions are not allowed'],
    ['import x from "y"\n\nنص', 1, '`import` and `export` are not allowed'],
    ['نص\n\n<Foo />', 3, 'unknown component <Foo>'],
    ['نص <script>alert(1)</script>', 1, '<script> is not allowed'],
    ['<b onclick="x()">نص</b>', 1, 'has no attribute "onclick"'],
    ['<Caption credit={x}>نص</Caption>', 1, 'attribute values must be quoted text'],
    ['<EntityLink id="nobody">نص</EntityLink>', 1, 'no entity with this id'],
    ['[رابط](javascript:alert(1))', 1, 'unsafe URL'],
    ['نص <b>غير مغلق', 1, 'Expected a closing tag'],
  ])('rejects %j at line %i: %s', (body, line, reason) => {
    const error = errorOf(body);
    expect(error.reason).toContain(reason);
    expect(error.line).toBe(line);
  });

  it('renders escaped syntax as the text it is', () => {
    const page = html('\\{1+1\\} و\\<b\\> و\\*نجمة\\*');
    expect(page.text).toBe('{1+1} و<b> و*نجمة*');
    expect(page.querySelectorAll('b, em')).toHaveLength(0);
  });
});

describe('the parts of the renderer', () => {
  it('firstMentions: cuts out the first mention of each entity not linked yet, and records it', () => {
    const value = 'قال الأسد في دمشق إن الأسد باق';
    const at = (word: string, from = 0) => value.indexOf(word, from);
    const mentions = [
      { entityId: 'bashar-al-assad', start: at('الأسد'), end: at('الأسد') + 5 },
      { entityId: 'damascus', start: at('دمشق'), end: at('دمشق') + 4 },
      { entityId: 'bashar-al-assad', start: at('الأسد', 10), end: at('الأسد', 10) + 5 },
    ];
    const linked = new Set(['damascus']);
    expect(firstMentions(value, mentions, linked)).toEqual([
      { text: 'قال ' },
      { text: 'الأسد', entityId: 'bashar-al-assad' },
      { text: ' في دمشق إن الأسد باق' },
    ]);
    expect([...linked]).toEqual(['damascus', 'bashar-al-assad']);
    // Everything is linked now: the text comes back whole.
    expect(firstMentions(value, mentions, linked)).toEqual([{ text: value }]);
  });

  it('TextBlocks: joins text into the open block, drops blank blocks, keeps a credit before its caption', () => {
    const text = new TextBlocks();
    expect(text.append('  ')).toBeNull();
    expect(text.append('قال ')).toBe(0);
    expect(text.append('الأسد')).toBe(4);
    text.mention({ entityId: 'bashar-al-assad', start: 4, end: 9 });
    text.add({ text: 'الأوروبية', mentions: [], zone: 'credit' });
    text.close();
    text.append(' ');
    text.close();
    expect(text.blocks).toEqual([
      { text: 'الأوروبية', mentions: [], zone: 'credit' },
      { text: 'قال الأسد', mentions: [{ entityId: 'bashar-al-assad', start: 4, end: 9 }] },
    ]);
  });

  it('isolateLatin: Latin runs in <bdi dir="ltr">, verbatim text untouched', () => {
    expect(isolateLatin('طائرات F-16 جديدة')).toEqual([
      { type: 'text', value: 'طائرات ' },
      { type: 'element', tagName: 'bdi', properties: { dir: 'ltr' }, children: [{ type: 'text', value: 'F-16' }] },
      { type: 'text', value: ' جديدة' },
    ]);
    expect(isolateLatin('طائرات F-16', true)).toEqual([{ type: 'text', value: 'طائرات F-16' }]);
  });

  it('parseArticleMdx: a syntax error with its line and column', () => {
    expect(parseArticleMdx('فقرة.').children?.[0]).toMatchObject({ type: 'element', tagName: 'p' });
    let error: unknown;
    try {
      parseArticleMdx('فقرة.\n\n<Caption>بلا إغلاق\n');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ArticleSourceError);
    expect((error as ArticleSourceError).line).toBeGreaterThan(0);
  });
});
