/**
 * Markdown input (what scrapers such as Trafilatura or html2text write) → classified lines.
 * Markdown's structure is kept — `#` headline, `##` subheadings, `>` quotations, images' alt
 * text as captions, links — and its markup is dropped: emphasis, code marks, list bullets, table
 * pipes, HTML tags. YAML front matter supplies metadata (title, author, date, url, source).
 * Paragraph text then goes through the same furniture rules as plain text.
 */
import { parse as parseYaml } from 'yaml';
import type { Removal } from './boilerplate.ts';
import { cleanLines, type Line } from './clean.ts';
import { safeHref } from './links.ts';
import type { ArticleHints } from './types.ts';
import { linkMark } from './text.ts';

export interface MarkdownArticle {
  lines: Line[];
  removed: Removal[];
  hints: ArticleHints;
}

/** Front matter keys → hint fields (first found wins). */
const FRONT_MATTER: Record<keyof ArticleHints, string[]> = {
  title: ['title', 'headline'],
  author: ['author', 'authors', 'byline'],
  published: ['date', 'published', 'published_at', 'publishedAt', 'datePublished', 'pubDate'],
  collected: ['date_extracted', 'collected', 'collected_at', 'scraped_at', 'crawled_at', 'retrieved'],
  url: ['url', 'link', 'canonical', 'source_url'],
  outlet: ['source', 'outlet', 'publisher', 'site', 'site_name', 'sitename'],
  standfirst: ['description', 'summary', 'standfirst', 'subtitle', 'excerpt'],
};

type Item = { line: Line } | { text: string };

/** Reads normalized Markdown text (lines trimmed, see `normalizeText`). */
export function readMarkdown(text: string): MarkdownArticle {
  const removed: Removal[] = [];
  const { body, hints } = frontMatter(text, removed);
  const raw = body.split('\n');
  const definitions = new Map<string, string>();
  const source: string[] = [];
  for (const line of raw) {
    const def = /^\[([^\]^][^\]]*)\]:\s*<?(\S+?)>?(?:\s+["'(].*["')])?$/.exec(line);
    if (def) {
      definitions.set(def[1]!.toLowerCase(), def[2]!);
      removed.push({ text: line, reason: 'Markdown link definition (markup)' });
    } else source.push(line);
  }
  const inline = (s: string) => inlineMarkdown(s, definitions, hints.url ?? null, removed);

  const items: Item[] = [];
  let paragraph: string[] = [];
  let quote: string[] = [];
  let fenced = false;
  let titleSeen = false;
  const flush = () => {
    if (paragraph.length > 0) items.push({ text: inline(paragraph.join(' ')) });
    if (quote.length > 0) items.push({ line: { kind: 'quote', text: inline(quote.join(' ')) } });
    paragraph = [];
    quote = [];
  };
  const heading = (level: number, text: string) => {
    const content = inline(text.replace(/\s+#+$/, ''));
    if (content === '') return;
    items.push({ line: level === 1 && !titleSeen ? { kind: 'title', text: content } : { kind: 'heading', text: content } });
    if (level === 1) titleSeen = true;
  };

  for (const line of source) {
    if (/^(?:```|~~~)/.test(line)) {
      flush();
      fenced = !fenced;
      removed.push({ text: line, reason: 'Markdown code fence (markup; the code is kept as text)' });
      continue;
    }
    if (fenced) {
      if (line !== '') items.push({ text: line });
      continue;
    }
    if (line === '') {
      flush();
      continue;
    }
    const atx = /^(#{1,6})\s+(.*)$/.exec(line);
    if (atx) {
      flush();
      heading(atx[1]!.length, atx[2]!);
      continue;
    }
    if (/^(?:=+|-+)$/.test(line) && paragraph.length > 0 && quote.length === 0) {
      // Setext heading: the paragraph above is the heading.
      const text = paragraph.join(' ');
      paragraph = [];
      heading(line.startsWith('=') ? 1 : 2, text);
      continue;
    }
    if (/^(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$/.test(line)) {
      flush();
      removed.push({ text: line, reason: 'Markdown thematic break (markup)' });
      continue;
    }
    const blockquote = /^(?:>\s?)+(.*)$/.exec(line);
    if (blockquote) {
      if (paragraph.length > 0) flush();
      if (blockquote[1]!.trim() === '') flush();
      else quote.push(blockquote[1]!);
      continue;
    }
    if (quote.length > 0) flush();
    const image = /^!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+["']([^"']*)["'])?\s*\)$/.exec(line);
    if (image) {
      flush();
      const caption = (image[1] || image[3] || '').trim();
      if (caption !== '') items.push({ line: { kind: 'caption', text: inline(caption), credit: null } });
      else removed.push({ text: line, reason: 'image without alt text or title (nothing to caption)' });
      if (image[1] && image[3]) removed.push({ text: image[3], reason: "image title (the image's alt text is its caption)" });
      continue;
    }
    if (/^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$/.test(line) && line.includes('-')) {
      flush();
      removed.push({ text: line, reason: 'Markdown table rule (markup)' });
      continue;
    }
    if (/^\|.*\|$/.test(line)) {
      flush();
      items.push({ text: inline(line.slice(1, -1).trim()) });
      continue;
    }
    const item = /^(?:[-*+]|\d{1,9}[.)])\s+(.*)$/.exec(line);
    if (item) {
      flush();
      paragraph.push(item[1]!);
      continue;
    }
    // A caption in emphasis right under an image: "![](x.jpg)" then "*الوزيران خلال اللقاء*".
    const last = items.at(-1);
    const emphasised = /^(?:\*([^*]+)\*|_([^_]+)_)$/.exec(line);
    if (paragraph.length === 0 && emphasised && last && 'line' in last && last.line.kind === 'caption') {
      const text = inline(emphasised[1] ?? emphasised[2]!);
      if (text !== last.line.text) items.push({ line: { kind: 'caption', text, credit: null } });
      continue;
    }
    paragraph.push(line.replace(/\\$/, ''));
  }
  flush();

  // Paragraph runs go through the plain-text furniture rules; marked-up lines stay as they are.
  const lines: Line[] = [];
  let run: string[] = [];
  const cleanRun = () => {
    const cleaned = cleanLines(run);
    lines.push(...cleaned.lines);
    removed.push(...cleaned.removed);
    run = [];
  };
  for (const it of items) {
    if ('text' in it) {
      if (it.text !== '') run.push(it.text);
    } else {
      cleanRun();
      if (it.line.kind === 'caption' || it.line.kind === 'heading' || it.line.kind === 'title' || it.line.kind === 'quote') {
        if (it.line.text !== '') lines.push(it.line);
      }
    }
  }
  cleanRun();
  return { lines, removed, hints };
}

/** Splits off YAML front matter and reads its metadata. */
function frontMatter(text: string, removed: Removal[]): { body: string; hints: ArticleHints } {
  const m = /^---\n([\s\S]{0,8192}?)\n(?:---|\.\.\.)(?:\n|$)/.exec(text);
  if (!m) return { body: text, hints: {} };
  let data: unknown;
  try {
    data = parseYaml(m[1]!);
  } catch {
    return { body: text, hints: {} };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { body: text, hints: {} };
  const record = data as Record<string, unknown>;
  const hints: ArticleHints = {};
  for (const [field, keys] of Object.entries(FRONT_MATTER) as Array<[keyof ArticleHints, string[]]>) {
    const key = keys.find((k) => record[k] !== undefined && record[k] !== null && record[k] !== '');
    if (key !== undefined) hints[field] = scalar(record[key]);
  }
  removed.push({ text: m[0].trim().replace(/\n/g, ' ⏎ '), reason: 'YAML front matter (read as metadata)' });
  return { body: text.slice(m[0].length), hints };
}

function scalar(value: unknown): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(scalar).filter(Boolean).join('، ') || null;
  if (value && typeof value === 'object') return scalar((value as Record<string, unknown>).name ?? null);
  return value === null || value === undefined ? null : String(value);
}

/** HTML tags scraped into Markdown; only presentation tags are dropped, never their text. */
const HTML_TAG =
  /<\/?(?:p|br|b|strong|em|i|u|s|span|div|font|small|big|sup|sub|section|article|figure|figcaption|center|mark|abbr|cite|time|header|footer|aside|nav|main)\b[^<>]*\/?>/gi;

/**
 * Inline Markdown → text with link marks: code spans kept verbatim, backslash escapes resolved,
 * emphasis and strikethrough marks dropped, links (inline, reference, autolinks, HTML anchors)
 * kept as links when they point somewhere absolute, images dropped (their alt text kept).
 */
export function inlineMarkdown(text: string, definitions: Map<string, string>, base: string | null, removed: Removal[]): string {
  // Code spans and backslash escapes first: nothing inside them is markup.
  const codes: string[] = [];
  let s = text
    .replace(/(`+)(.+?)\1/g, (_, _fence, code: string) => {
      codes.push(code.trim());
      return `\u0000${codes.length - 1}\u0000`;
    })
    .replace(/\\([!-/:-@[-`{-~])/g, (_, c: string) => `\u0001${c.charCodeAt(0)}\u0001`);
  const tags = s.match(HTML_TAG);
  if (tags) {
    removed.push({ text: tags.join(' '), reason: 'HTML tags in Markdown (markup)' });
    s = s.replace(HTML_TAG, ' ');
  }
  const link = (anchor: string, href: string) => {
    const target = safeHref(href, base);
    if (!target) {
      if (href) removed.push({ text: href, reason: 'link target that is not a web or mail address (the link text is kept)' });
      return anchor;
    }
    return anchor.trim() === '' ? '' : linkMark(anchor.trim(), target);
  };
  s = s
    .replace(/!\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, (whole, alt: string) => {
      removed.push({ text: whole, reason: 'inline image (its alt text is kept)' });
      return alt;
    })
    .replace(/<a\s[^<>]*href\s*=\s*["']([^"']+)["'][^<>]*>([^<]*)<\/a>/gi, (_, href: string, anchor: string) => link(anchor, href))
    .replace(/\[([^\]]+)\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))*)>?(?:\s+["'][^"']*["'])?\s*\)/g, (_, anchor: string, href: string) =>
      link(anchor, href),
    )
    .replace(/\[([^\]]+)\]\[([^\]]*)\]/g, (whole, anchor: string, ref: string) => {
      const href = definitions.get((ref || anchor).toLowerCase());
      return href ? link(anchor, href) : whole;
    })
    .replace(/<((?:https?|mailto):[^<>\s]+)>/gi, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\p{L}\p{N}])([*_])(?=\S)(.+?)(?<=\S)\1(?![\p{L}\p{N}])/gu, '$2')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
    .replace(/\u0001(\d+)\u0001/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/\u0000(\d+)\u0000/g, (_, i: string) => codes[Number(i)]!);
  return s.replace(/\s+/g, ' ').trim();
}
