/**
 * Article → MDX. Frontmatter is written by the `yaml` package (ingest reads it back with `yaml`,
 * the site's loader with js-yaml, as Astro does: `readArticleSource`); body text is escaped so that
 * no input can become JSX, an expression, ESM, HTML, or Markdown syntax (see `escapeMdxText`). Web
 * addresses and links become Markdown links.
 */
import { createHash } from 'node:crypto';
import { load as loadYaml, YAMLException } from 'js-yaml';
import { parse, Scalar, stringify } from 'yaml';
import { urlInToken } from './links.ts';
import { LINK, linkMark, plainText } from './text.ts';
import type { Article, EarlierVersion } from './types.ts';

/**
 * ASCII punctuation that means something somewhere in a line to MDX, CommonMark or GFM (or to
 * a Sätteri feature Astro might switch on): escapes, code, emphasis, expressions, JSX/HTML,
 * headings, links and images, character references, tables, strikethrough, math, superscript.
 */
const ALWAYS_ESCAPED = /[\\`*_{}[\]<>#|~&$^]/g;

/** A whitespace-delimited token that GFM would start a literal autolink in (`www.`, `http://`…). */
const URL_LIKE = /www\.|:\/\//i;

/**
 * Escapes one block of text (a paragraph, heading, caption or quote) for an MDX body.
 *
 * One systematic rule: every character in `ALWAYS_ESCAPED` gets a backslash, wherever it is;
 * constructs that only exist at the start of a block are neutralised there (`-`, `+`, `=`,
 * `1.` / `1)` and MDX's `import` / `export`, whose first letter becomes a character reference).
 * Everything else, Arabic punctuation (، ؛ ؟ « » “ ”) and `. , : ; ! ? ( ) " ' - / @` included,
 * is left readable: without the escaped characters none of them can start a construct.
 *
 * Links: a token holding a web address ("(www.gdp.gov.sa)." → www.gdp.gov.sa) and a link the
 * input marked (see `LINK` in text.ts) become `[text](target)`, text escaped as above and target
 * backslash-escaped; only http(s) and mailto targets are written. A `!` before a link is escaped
 * so it cannot make an image. A token that GFM would autolink but that is no valid address is
 * written as an inline code span when it needs escaping: Sätteri's literal autolinks swallow
 * backslashes, and MDX never interprets a code span's content.
 *
 * Line breaks, tabs and runs of spaces become one space; control characters are dropped.
 * Smart punctuation is off in this project (astro.config.mjs); with it on, `"` `'` `--` `...`
 * would render as typographic quotes, dashes and ellipses (never as markup).
 */
export function escapeMdxText(text: string): string {
  let out = '';
  const segments = linkSegments(prepare(text));
  segments.forEach((segment, i) => {
    if (segment.href === null) {
      // A literal autolink in a token touching a link would run into the link's syntax.
      const touching = { before: segments[i + 1]?.href != null, after: segments[i - 1]?.href != null };
      out += escapePlain(segment.text, out === '', touching);
      return;
    }
    if (out.endsWith('!')) out = `${out.slice(0, -1)}\\!`;
    out += `[${escapeInline(segment.text)}](${escapeDestination(segment.href)})`;
  });
  return out;
}

/** Plain text, token by token: block-start rules for the block's first token, links for URLs. */
function escapePlain(text: string, atStart: boolean, touching = { before: false, after: false }): string {
  if (!URL_LIKE.test(text)) {
    // No token needs the URL rules: one pass over the whole run, then the block-start rules.
    const escaped = text.replace(ALWAYS_ESCAPED, '\\$&');
    return atStart ? blockStart(escaped) : escaped;
  }
  const tokens = text.split(' ');
  return tokens
    .map((token, i) => {
      const first = atStart && i === 0;
      if (!URL_LIKE.test(token)) return escapeToken(token, first);
      if ((touching.before && i === tokens.length - 1) || (touching.after && i === 0)) return codeSpan(token);
      const found = urlInToken(token);
      if (found) {
        const prefix = escapeToken(found.prefix, first);
        return `${prefix}[${escapeInline(found.url)}](${escapeDestination(found.href)})${escapeToken(found.suffix, false)}`;
      }
      const escaped = escapeToken(token, first);
      return escaped !== token ? codeSpan(token) : escaped;
    })
    .join(' ');
}

/** Backslash-escapes one space-free token; `first` applies the block-start rules. */
function escapeToken(token: string, first: boolean): string {
  const escaped = token.replace(ALWAYS_ESCAPED, '\\$&');
  return first ? blockStart(escaped) : escaped;
}

/** Neutralises what only means something at the start of a block (on already escaped text). */
function blockStart(escaped: string): string {
  return escaped
    .replace(/^[-+=]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^(?:import|export)/, (word) => `&#${word.charCodeAt(0)};${word.slice(1)}`);
}

/** Link text: markup characters escaped; no block-start rules (the text starts after `[`). */
function escapeInline(text: string): string {
  return text.replace(ALWAYS_ESCAPED, '\\$&');
}

/** A link destination: every character CommonMark or MDX could read in it is backslash-escaped. */
function escapeDestination(href: string): string {
  return href.replace(/[\\()<>[\]{}`*_&|~$^#!"']/g, '\\$&');
}

/** An inline code span holding the token verbatim (fence longer than any backtick run inside). */
function codeSpan(token: string): string {
  // A span holding backticks needs a longer fence, and the MDX parser (Sätteri) then misreads the
  // next span on the line («``a`b`` `{x}`» runs {x} as an expression). So backticks stay out of
  // spans: each run of them is written escaped between single-backtick spans of the rest.
  // Backslashes too: Sätteri reads a span ending in one («`\`») as not closed there, and the
  // spans after it shift (a `{` then outside any span starts an expression).
  return token
    .split(/(`+|\\+)/)
    .filter(Boolean)
    .map((piece) => (/^[`\\]/.test(piece) ? piece.replace(/[`\\]/g, '\\$&') : `\`${piece}\``))
    .join('');
}

/** Whitespace collapsed, controls and lone surrogates removed; link marks kept. */
function collapse(text: string): string {
  let s = text;
  if (CONTROL.test(s)) s = s.replace(CONTROLS, '');
  if (!s.isWellFormed()) s = s.replace(/\p{Cs}/gu, '');
  if (SPACING.test(s)) s = s.replace(SPACES, ' ');
  return s.trim();
}
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/;
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;
const SPACING = /[\t\n\v\f\r\u2028\u2029]| {2}/;
const SPACES = /[\t\n\v\f\r \u2028\u2029]+/g;

const strayMarks = (s: string) => s.replace(/[\uFDD0-\uFDEF]/g, '');

/**
 * Text ready to escape: whitespace collapsed, controls and lone surrogates removed, links the
 * input marked kept when their target is a web or mail address and their text is not empty
 * (spaces at the edges of a link's text moved outside it), stray link marks dropped.
 */
function prepare(text: string): string {
  if (!/[\uFDD0-\uFDEF]/.test(text)) return collapse(text);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(LINK)) {
    out += strayMarks(text.slice(last, m.index));
    last = m.index + m[0].length;
    const [, rawAnchor = '', href = ''] = m;
    const anchor = collapse(rawAnchor);
    if (anchor === '') continue;
    const valid = /^(?:https?:\/\/|mailto:)\S+$/i.test(href);
    out += `${/^\s/.test(rawAnchor) ? ' ' : ''}${valid ? linkMark(anchor, href) : anchor}${/\s$/.test(rawAnchor) ? ' ' : ''}`;
  }
  return collapse(out + strayMarks(text.slice(last)));
}

/** Splits prepared text into plain runs and links. */
function linkSegments(text: string): Array<{ text: string; href: string | null }> {
  if (!text.includes('\uFDD0')) return [{ text, href: null }];
  const segments: Array<{ text: string; href: string | null }> = [];
  let last = 0;
  for (const m of text.matchAll(LINK)) {
    if (m.index > last) segments.push({ text: text.slice(last, m.index), href: null });
    segments.push({ text: m[1]!, href: m[2]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), href: null });
  return segments;
}

/** The text `escapeMdxText` renders to: links' text kept, whitespace collapsed. */
export function inlineText(text: string): string {
  return plainText(prepare(text));
}

/**
 * Escapes a double-quoted JSX attribute value. `"` and `&` must be character references there;
 * so are the other markup characters, `:` and `@`, because Sätteri's inline parser can pair a
 * backtick or an autolink inside an attribute with text after the tag.
 */
export function escapeJsxAttribute(text: string): string {
  return inlineText(text).replace(/[\\`*_{}[\]<>#|~&$^":@]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Whether js-yaml (the site loader's frontmatter parser, and Astro's) would read `line` as
 * something else than the string the `yaml` package reads: the two disagree on plain scalars
 * (timestamps, "2015-07-21" becoming a Date; signed and binary integers, "-0o17"; numbers with
 * underscores). Asked of both parsers rather than kept as a list of cases; only text that can
 * start a non-string scalar (a sign, digit, dot, «~» or «<») or spells a keyword is asked.
 */
function retypedByJsYaml(line: string): boolean {
  if (!/^[-+.\d~<]|^(?:null|true|false)$/i.test(line)) return false;
  let read: unknown;
  try {
    read = parse(line);
  } catch {
    return false; // not a plain scalar for `yaml` either: it quotes it itself
  }
  if (read !== line) return false; // `yaml` retypes it too, so it writes it quoted
  try {
    return loadYaml(line) !== line;
  } catch {
    return true;
  }
}

/** A frontmatter string: single-line, and quoted where js-yaml would retype it. */
function text(value: string | null): string | Scalar | null {
  if (value === null) return null;
  const line = inlineText(value);
  if (!retypedByJsYaml(line)) return line;
  const scalar = new Scalar(line);
  scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

/**
 * The frontmatter as the `yaml` package writes it (`lineWidth: 0`). Values that are plainly plain
 * scalars — text starting with a letter, without YAML's indicators, comment or mapping marks, and
 * hashes that cannot read as numbers — are written directly, which is many times faster; anything
 * else goes to the `yaml` package. Both give the same bytes (tests/ingest/mdx.test.ts).
 */
export function stringifyFrontmatter(data: Record<string, unknown>): string {
  return plainYaml(data, '') ?? stringify(data, { lineWidth: 0 });
}

/** Letters, marks, digits, spaces and punctuation that never need quoting inside a plain scalar. */
const PLAIN_TEXT = /^\p{L}[\p{L}\p{M}\p{N} .,،؛؟()«»"'\-–—/ـ!?…“”‘’_=+%&~;:#@]*$/u;
const NOT_PLAIN = /: |:$| #| $|^(?:true|false|null|yes|no|on|off|y|n)$/i;
const PLAIN_HEX = /^[0-9a-f]{64}$/;
const NUMERIC = /^[0-9]*(?:e[0-9]+)?$/;
const PLAIN_DATE = /^\d{4}-\d\d-\d\d$/;

function plainYaml(data: Record<string, unknown>, indent: string): string | null {
  let out = '';
  for (const [key, value] of Object.entries(data)) {
    if (value === null) out += `${indent}${key}: null\n`;
    else if (typeof value === 'string') {
      const plain =
        (PLAIN_TEXT.test(value) && !NOT_PLAIN.test(value)) ||
        (PLAIN_HEX.test(value) && !NUMERIC.test(value)) ||
        (key === 'published' && PLAIN_DATE.test(value));
      if (!plain) return null;
      out += `${indent}${key}: ${value}\n`;
    } else if (value && typeof value === 'object' && !(value instanceof Scalar) && !Array.isArray(value)) {
      const nested = plainYaml(value as Record<string, unknown>, `${indent}  `);
      if (nested === null) return null;
      out += `${indent}${key}:\n${nested}`;
    } else return null;
  }
  return out;
}

/** Frontmatter fields in `src/schemas/article.ts` order; optional fields only when present. */
export function frontmatterOf(article: Article): Record<string, unknown> {
  return {
    title: text(article.title),
    ...(article.standfirst ? { standfirst: text(article.standfirst) } : {}),
    outlet: text(article.outlet),
    published: article.published,
    ...(article.published && article.publishedFrom ? { publishedFrom: article.publishedFrom } : {}),
    ...(article.publishedAs ? { publishedAs: text(article.publishedAs) } : {}),
    author: text(article.author),
    ...(article.byline ? { byline: text(article.byline) } : {}),
    dateline: text(article.dateline),
    source: { file: text(article.source.file), sha256: article.source.sha256, url: text(article.source.url) },
    contentHash: article.contentHash,
  };
}

/**
 * Serializes an article to a complete MDX file. Captions become `<Caption credit="…">…</Caption>`,
 * quotes Markdown block quotes.
 */
export function articleToMdx(article: Article): string {
  const yaml = stringifyFrontmatter(frontmatterOf(article));
  const body = article.body.map((block) => {
    switch (block.type) {
      case 'paragraph':
        return escapeMdxText(block.text);
      case 'heading':
        return `## ${escapeMdxText(block.text)}`;
      case 'quote':
        return `> ${escapeMdxText(block.text)}`;
      case 'caption': {
        const credit = block.credit ? ` credit="${escapeJsxAttribute(block.credit)}"` : '';
        return `<Caption${credit}>${escapeMdxText(block.text)}</Caption>`;
      }
    }
  });
  return `---\n${yaml}---\n\n${body.join('\n\n')}\n`;
}

/** The frontmatter line recording what ingest wrote (see `withMdxHash`). */
const MDX_HASH_LINE = /^mdxHash: ([0-9a-f]{64})\n/m;

/** Where the frontmatter ends (the index of the closing fence's line), or -1. */
function frontmatterEnd(mdx: string): number {
  return mdx.startsWith('---\n') ? mdx.indexOf('\n---\n', 3) + 1 : -1;
}

/**
 * Adds `mdxHash: <sha256>` as the last frontmatter field: the SHA-256 of the file without that
 * line. A file whose content no longer matches its hash was edited by hand.
 */
export function withMdxHash(mdx: string): string {
  const end = frontmatterEnd(mdx);
  const hash = createHash('sha256').update(mdx).digest('hex');
  return `${mdx.slice(0, end)}mdxHash: ${hash}\n${mdx.slice(end)}`;
}

/**
 * An article file with `earlierVersions` (the texts a revision replaced, oldest first) as the
 * frontmatter field before `mdxHash`, which is computed again. `mdx` is a file as `articleToMdx`
 * writes it, with or without `mdxHash`; with no earlier versions it is returned as it is.
 */
export function withEarlierVersions(mdx: string, earlier: readonly EarlierVersion[]): string {
  if (earlier.length === 0) return mdx;
  const bare = splitMdxHash(mdx).mdx;
  const end = frontmatterEnd(bare);
  const list = earlier.map((v) => ({ file: v.file, sha256: v.sha256, contentHash: v.contentHash }));
  return withMdxHash(`${bare.slice(0, end)}${stringify({ earlierVersions: list }, { lineWidth: 0 })}${bare.slice(end)}`);
}

/** The file without its `mdxHash` line, and the hash it recorded (null when it has none). */
export function splitMdxHash(mdx: string): { mdx: string; hash: string | null } {
  const end = frontmatterEnd(mdx);
  if (end <= 0) return { mdx, hash: null };
  const m = MDX_HASH_LINE.exec(mdx.slice(0, end));
  if (!m) return { mdx, hash: null };
  return { mdx: mdx.slice(0, m.index) + mdx.slice(m.index + m[0].length), hash: m[1]! };
}

/**
 * Whether an MDX file is as ingest wrote it: true when its `mdxHash` matches its content, false
 * when it was changed since, null when it has no `mdxHash` (written before hashes, or by hand).
 */
export function isUnedited(mdx: string): boolean | null {
  const { mdx: bare, hash } = splitMdxHash(mdx);
  if (hash === null) return null;
  return createHash('sha256').update(bare).digest('hex') === hash;
}

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * An MDX file's YAML frontmatter (null when it has none or it does not parse) and the body after
 * it (the whole file when there is no frontmatter).
 */
export function splitFrontmatter(mdx: string): { data: Record<string, unknown> | null; body: string } {
  const m = FRONTMATTER.exec(mdx);
  if (!m) return { data: null, body: mdx };
  const body = mdx.slice(m[0].length);
  try {
    const data: unknown = parse(m[1]!);
    return { data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null, body };
  } catch {
    return { data: null, body };
  }
}

/** Reads the YAML frontmatter of an MDX file, or null when it has none or it does not parse. */
export function readFrontmatter(mdx: string): Record<string, unknown> | null {
  return splitFrontmatter(mdx).data;
}

/** Frontmatter that is not valid YAML: `line` and `column` are the file's (from 1). */
export class FrontmatterError extends Error {
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly reason: string;

  constructor(reason: string, line?: number, column?: number) {
    super(line === undefined ? reason : `${line}:${column}: ${reason}`);
    this.name = 'FrontmatterError';
    this.reason = reason;
    this.line = line;
    this.column = column;
  }
}

/**
 * An article file as the site's loader reads it (src/site/article-prepare.ts): its frontmatter
 * (an empty object when the file has none, or when it is not a mapping: the schema then names what
 * is missing) and its body with the frontmatter's lines left empty, so that a line of the body is
 * the same line of the file. Throws a `FrontmatterError` when the frontmatter is not valid YAML.
 *
 * The YAML is read with js-yaml, Astro's own frontmatter parser (so a date is a Date, as in any
 * Astro project), which is several times faster than the `yaml` package on these small mappings
 * (0.06 ms an article against 0.44 ms, on a real day's 2,778 articles): the loader reads every
 * changed article.
 */
export function readArticleSource(mdx: string): { data: Record<string, unknown>; body: string } {
  const m = FRONTMATTER.exec(mdx);
  if (!m) return { data: {}, body: mdx };
  const body = m[0].replace(/[^\r\n]/g, '') + mdx.slice(m[0].length);
  let data: unknown;
  try {
    data = loadYaml(m[1]!);
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    // The YAML starts on the file's second line; js-yaml counts from 0.
    const at = error.mark;
    throw new FrontmatterError(
      `the frontmatter is not valid YAML: ${error.reason}`,
      at ? at.line + 2 : undefined,
      at ? at.column + 1 : undefined,
    );
  }
  return { data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}, body };
}
