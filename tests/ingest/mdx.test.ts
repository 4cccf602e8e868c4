import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { articleToMdx, escapeJsxAttribute, escapeMdxText, inlineText, readFrontmatter } from '../../src/ingest/index.ts';
import type { Article, Block } from '../../src/ingest/index.ts';
import { compileLikeAstro, elementsOf, renderMdx, textOf, type RenderedNode } from './support/render.ts';

/** Fragments that mean something to MDX, CommonMark, GFM or HTML, mixed with Arabic. */
const HOSTILE = [
  '{', '}', '{x}', '{...props}', '{/* c */}', '<', '>', '<script>alert(1)</script>', '<b>', '</b>', '<>', '</>',
  '<img src=x onerror=alert(1)>', '<Caption>', '</Caption>', '<!-- c -->', 'import x from "y"', 'import', 'importance',
  'export const a = 1', 'export default', 'export', '---', '***', '___', '- - -', '`', '```', '~~~', '~', '~~s~~',
  '*', '**b**', '_', '_a_', '#', '# ', '## ', '#هاشتاغ', '[a](b)', '![i](x.png)', '[x]: http://y', '[^1]', '[^1]: note',
  '&', '&amp;', '&#123;', '&nbsp;', '|', '| a | b |', '|---|', '\\', '\\{', '\\\\', '> ', '>', '- ', '-', '+ ', '1. ',
  '1) ', '2020.', '=', '===', '!', '$x$', '$$', '^', '^s^', ':::', ':', 'http://x.com', 'www.example.com', 'a@b.co', 'www.', 'https://', '@', '``',
  'javascript:alert(1)', '"', "'", '(', ')', '.', '...', '--', ' ', '  ', '\t', '\n', '\n\n', '\r\n', '    ', '\u00a0',
  'الجزيرة', 'قال الرئيس', '،', '؛', '؟', '«', '»', '“', '”', 'إس-400', '٣٠', 'وفقاً', 'ـ',
];

const hostileText = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...HOSTILE) }, { weight: 1, arbitrary: fc.string({ unit: 'binary' }) }), {
    minLength: 1,
    maxLength: 12,
  })
  .map((parts) => parts.join(''))
  .filter((s) => inlineText(s) !== '');

/**
 * Elements the escaped text may produce inside its block: GFM literal autolinks (http(s) or mailto,
 * plain text inside) and inline code holding a URL-like token. Nothing else.
 */
function expectOnlyLinksAndUrlCode(nodes: RenderedNode[]): void {
  for (const el of elementsOf(nodes)) {
    expect(['a', 'code']).toContain(el.tag);
    expect(el.children.every((c) => typeof c === 'string')).toBe(true);
    if (el.tag === 'a') expect(String(el.props.href)).toMatch(/^(https?:|mailto:)/i);
    if (el.tag === 'code') expect(textOf(el.children)).toMatch(/www\.|:\/\//i);
  }
}

describe('escapeMdxText', () => {
  it('escapes markup characters and leaves Arabic punctuation readable', () => {
    expect(escapeMdxText('قال: «نعم»، لماذا؟ وقال “لا”؛ انتهى.')).toBe('قال: «نعم»، لماذا؟ وقال “لا”؛ انتهى.');
    expect(escapeMdxText('a {b} <c> `d` *e* _f_ [g](h) | ~ & \\ # $ ^')).toBe(
      'a \\{b\\} \\<c\\> \\`d\\` \\*e\\* \\_f\\_ \\[g\\](h) \\| \\~ \\& \\\\ \\# \\$ \\^',
    );
  });

  it('neutralises block-start constructs', () => {
    expect(escapeMdxText('- بند')).toBe('\\- بند');
    expect(escapeMdxText('+ بند')).toBe('\\+ بند');
    expect(escapeMdxText('1. بند')).toBe('1\\. بند');
    expect(escapeMdxText('12) بند')).toBe('12\\) بند');
    expect(escapeMdxText('---')).toBe('\\---');
    expect(escapeMdxText('=== x')).toBe('\\=== x');
    expect(escapeMdxText('> اقتباس')).toBe('\\> اقتباس');
    expect(escapeMdxText('import x from "y"')).toBe('&#105;mport x from "y"');
    expect(escapeMdxText('export const a = 1')).toBe('&#101;xport const a = 1');
  });

  it('collapses whitespace so a block stays one line', () => {
    expect(escapeMdxText('  سطر\n\nآخر\t ثالث  ')).toBe('سطر آخر ثالث');
  });

  it('renders hostile examples verbatim as plain paragraphs', () => {
    for (const text of ['<script>alert(1)</script>', 'import x from "y"', 'export const a = 1', '{...props}', '---', '# x', '> q', '- a', '1. a', '[a](b)', '![i](x)', '| a | b |', '&amp;', '`c`', '~~s~~', '<!-- c -->']) {
      const nodes = renderMdx(escapeMdxText(text));
      expect(nodes).toEqual([{ tag: 'p', props: {}, children: [text] }]);
    }
  });

  it('property: any text compiles and renders verbatim as one paragraph, heading or caption', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (text, credit) => {
        const expected = inlineText(text);
        const asParagraph = escapeMdxText(text);
        const asHeading = `## ${escapeMdxText(text)}`;
        const asCaption = `<Caption credit="${escapeJsxAttribute(credit)}">${escapeMdxText(text)}</Caption>`;
        for (const [mdx, tag] of [[asParagraph, 'p'], [asHeading, 'h2'], [asCaption, 'Caption']] as const) {
          expect(() => compileLikeAstro(mdx)).not.toThrow();
          const nodes = renderMdx(mdx);
          expect(nodes).toHaveLength(1);
          const [block] = nodes;
          if (typeof block === 'string' || !block) throw new Error(`expected <${tag}>, got ${JSON.stringify(block)}`);
          expect(block.tag).toBe(tag);
          expect(textOf(block.children)).toBe(expected);
          expectOnlyLinksAndUrlCode(block.children);
          if (tag === 'Caption') expect(block.props).toEqual({ credit: inlineText(credit) });
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('articleToMdx', () => {
  const article = (title: string, body: Block[]): Article => ({
    id: '0123456789ab',
    title,
    standfirst: null,
    outlet: null,
    published: null,
    author: null,
    dateline: null,
    body,
    source: { file: 'x.txt', sha256: 'a'.repeat(64), url: null },
    contentHash: 'b'.repeat(64),
    encoding: 'utf-8',
  });

  it('property: frontmatter round-trips and the body renders block for block', () => {
    fc.assert(
      fc.property(hostileText, fc.array(hostileText, { minLength: 1, maxLength: 4 }), (title, texts) => {
        const body: Block[] = texts.map((text, i) =>
          i % 3 === 0 ? { type: 'paragraph', text } : i % 3 === 1 ? { type: 'heading', text } : { type: 'caption', text, credit: title },
        );
        const mdx = articleToMdx(article(title, body));
        expect(readFrontmatter(mdx)?.title).toBe(title);
        expect(() => compileLikeAstro(mdx)).not.toThrow();
        const nodes = renderMdx(mdx);
        expect(nodes.map((n) => (typeof n === 'string' ? n : n.tag))).toEqual(
          body.map((b) => ({ paragraph: 'p', heading: 'h2', caption: 'Caption' })[b.type]),
        );
        expect(nodes.map((n) => textOf([n]))).toEqual(body.map((b) => inlineText(b.text)));
      }),
      { numRuns: 150 },
    );
  });

  it('writes the frontmatter fields of src/schemas/article.ts with the yaml package', () => {
    const mdx = articleToMdx({ ...article('عنوان: "مقتبس" --- #', [{ type: 'paragraph', text: 'نص' }]), standfirst: 'موجز', outlet: 'الجزيرة' });
    const yamlText = /^---\n([\s\S]*?)\n---\n/.exec(mdx)?.[1] ?? '';
    expect(parse(yamlText)).toEqual({
      title: 'عنوان: "مقتبس" --- #',
      standfirst: 'موجز',
      outlet: 'الجزيرة',
      published: null,
      author: null,
      dateline: null,
      source: { file: 'x.txt', sha256: 'a'.repeat(64), url: null },
      contentHash: 'b'.repeat(64),
    });
  });
});
