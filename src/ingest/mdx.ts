/**
 * Article → MDX. Frontmatter is written by the `yaml` package; body text is escaped so that no
 * input can become JSX, an expression, ESM, HTML, or Markdown syntax (see `escapeMdxText`).
 */
import { parse, stringify } from 'yaml';
import type { Article } from './types.ts';

/**
 * ASCII punctuation that means something somewhere in a line to MDX, CommonMark or GFM (or to
 * a Sätteri feature Astro might switch on): escapes, code, emphasis, expressions, JSX/HTML,
 * headings, links and images, character references, tables, strikethrough, math, superscript.
 */
const ALWAYS_ESCAPED = /[\\`*_{}[\]<>#|~&$^]/g;

/** A whitespace-delimited token that GFM would start a literal autolink in (`www.`, `http://`…). */
const URL_LIKE = /www\.|:\/\//i;

/**
 * Escapes one block of text (a paragraph, heading or caption) for an MDX body.
 *
 * One systematic rule: every character in `ALWAYS_ESCAPED` gets a backslash, wherever it is;
 * constructs that only exist at the start of a block are neutralised there (`-`, `+`, `=`,
 * `1.` / `1)` and MDX's `import` / `export`, whose first letter becomes a character reference).
 * Everything else, Arabic punctuation (، ؛ ؟ « » “ ”) and `. , : ; ! ? ( ) " ' - / @` included,
 * is left readable: without the escaped characters none of them can start a construct.
 *
 * One exception: Sätteri's GFM literal autolinks (`www.…`, `http://…`) swallow everything up to
 * the next space, backslashes included, so escapes cannot work inside them. A URL-like token that
 * needs no escaping is left as is (it renders as a link with the same text); one that does is
 * written as an inline code span, whose content MDX never interprets.
 *
 * Line breaks, tabs and runs of spaces become one space; control characters are dropped.
 * Smart punctuation is off in this project (astro.config.mjs); with it on, `"` `'` `--` `...`
 * would render as typographic quotes, dashes and ellipses (never as markup).
 */
export function escapeMdxText(text: string): string {
  return inlineText(text)
    .split(' ')
    .map((token, i) => {
      const escaped = escapeToken(token, i === 0);
      return URL_LIKE.test(token) && escaped !== token ? codeSpan(token) : escaped;
    })
    .join(' ');
}

/** Backslash-escapes one space-free token; `first` applies the block-start rules. */
function escapeToken(token: string, first: boolean): string {
  const escaped = token.replace(ALWAYS_ESCAPED, '\\$&');
  if (!first) return escaped;
  return escaped
    .replace(/^[-+=]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^(?:import|export)/, (word) => `&#${word.charCodeAt(0)};${word.slice(1)}`);
}

/** An inline code span holding the token verbatim (fence longer than any backtick run inside). */
function codeSpan(token: string): string {
  const fence = '`'.repeat(Math.max(0, ...(token.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = token.startsWith('`') || token.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${token}${pad}${fence}`;
}

/** The text `escapeMdxText` renders to: whitespace collapsed, controls and lone surrogates removed. */
export function inlineText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F]|\p{Cs}/gu, '')
    .replace(/[\t\n\v\f\r \u2028\u2029]+/g, ' ')
    .trim();
}

/**
 * Escapes a double-quoted JSX attribute value. `"` and `&` must be character references there;
 * so are the other markup characters, `:` and `@`, because Sätteri's inline parser can pair a
 * backtick or an autolink inside an attribute with text after the tag.
 */
export function escapeJsxAttribute(text: string): string {
  return inlineText(text).replace(/[\\`*_{}[\]<>#|~&$^":@]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Frontmatter fields in `src/schemas/article.ts` order; `standfirst` only when present. */
export function frontmatterOf(article: Article): Record<string, unknown> {
  return {
    title: article.title,
    ...(article.standfirst ? { standfirst: article.standfirst } : {}),
    outlet: article.outlet,
    published: article.published,
    author: article.author,
    dateline: article.dateline,
    source: { file: article.source.file, sha256: article.source.sha256, url: article.source.url },
    contentHash: article.contentHash,
  };
}

/** Serializes an article to a complete MDX file. Captions become `<Caption credit="…">…</Caption>`. */
export function articleToMdx(article: Article): string {
  const yaml = stringify(frontmatterOf(article), { lineWidth: 0 });
  const body = article.body.map((block) => {
    switch (block.type) {
      case 'paragraph':
        return escapeMdxText(block.text);
      case 'heading':
        return `## ${escapeMdxText(block.text)}`;
      case 'caption': {
        const credit = block.credit ? ` credit="${escapeJsxAttribute(block.credit)}"` : '';
        return `<Caption${credit}>${escapeMdxText(block.text)}</Caption>`;
      }
    }
  });
  return `---\n${yaml}---\n\n${body.join('\n\n')}\n`;
}

/** Reads the YAML frontmatter of an MDX file, or null when it has none or it does not parse. */
export function readFrontmatter(mdx: string): Record<string, unknown> | null {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(mdx);
  if (!m) return null;
  try {
    const data: unknown = parse(m[1]!);
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
