/**
 * JSON records (a JSON array, JSON Lines, a ZIP of either) → article text and hints. Field names
 * vary by scraper; the first present field of each list is used. SaudiNewsNet's records are
 * `{source, url, date_extracted, title, author, content}`: `date_extracted` is when the page was
 * scraped, not when it was published, so it is read as the collection date: the article's date
 * only when nothing else gives one, and marked as "published that day or before".
 */
import { htmlToMarkdown, looksLikeHtml } from './html.ts';
import type { ArticleHints } from './types.ts';

/** Record fields → what they supply (first present, non-empty field wins). */
// biome-ignore format: one field's names a line
export const RECORD_FIELDS = {
  content: ['content', 'body', 'text', 'article', 'article_body', 'articleBody', 'story', 'full_text', 'fulltext', 'maintext', 'النص', 'المحتوى'],
  title: ['title', 'headline', 'العنوان', 'عنوان'],
  url: ['url', 'link', 'href', 'source_url', 'sourceUrl', 'canonical_url', 'canonical', 'permalink'],
  published: ['published', 'date', 'published_at', 'publishedAt', 'date_published', 'datePublished', 'pubDate', 'pub_date', 'publication_date', 'publish_date', 'date_publish', 'التاريخ'],
  collected: ['date_extracted', 'extracted_at', 'collected', 'collected_at', 'date_collected', 'scraped', 'scraped_at', 'scrapedAt', 'date_scraped', 'crawled', 'crawled_at', 'crawledAt', 'date_crawled', 'fetched_at', 'fetchedAt', 'retrieved', 'retrieved_at', 'downloaded_at', 'date_download'],
  author: ['author', 'authors', 'byline', 'writer', 'creator', 'الكاتب'],
  outlet: ['source', 'outlet', 'publisher', 'site', 'site_name', 'siteName', 'sitename', 'newspaper', 'source_domain', 'المصدر'],
  standfirst: ['standfirst', 'description', 'summary', 'subtitle', 'dek', 'excerpt'],
  format: ['format', 'content_type'],
} as const;

export type RecordReading =
  | { ok: true; text: string; hints: ArticleHints; markdown: boolean; used: string[]; ignored: string[] }
  | { ok: false; reason: string };

/** Reads one parsed JSON value as an article record. */
export function readRecord(value: unknown): RecordReading {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      reason: `not an article record: a JSON ${Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value}, expected an object`,
    };
  }
  const record = value as Record<string, unknown>;
  const used: string[] = [];
  const pick = (names: readonly string[]): string | null => {
    for (const name of names) {
      const text = scalar(record[name]);
      if (text !== null && text.trim() !== '') {
        used.push(name);
        return text;
      }
    }
    return null;
  };
  const contentKey = RECORD_FIELDS.content.find((k) => k in record);
  const text = pick(RECORD_FIELDS.content);
  if (text === null) {
    return contentKey
      ? { ok: false, reason: `empty "${contentKey}" field: no article text` }
      : { ok: false, reason: `no article text: the record has none of the fields ${RECORD_FIELDS.content.slice(0, 4).join(', ')}…` };
  }
  const hints: ArticleHints = {
    title: pick(RECORD_FIELDS.title),
    url: pick(RECORD_FIELDS.url),
    published: pick(RECORD_FIELDS.published),
    collected: pick(RECORD_FIELDS.collected),
    author: pick(RECORD_FIELDS.author),
    outlet: pick(RECORD_FIELDS.outlet),
    standfirst: pick(RECORD_FIELDS.standfirst),
  };
  const format = pick(RECORD_FIELDS.format) ?? '';
  const markdown = /^(?:md|markdown|text\/markdown)$/i.test(format);
  const ignored = Object.keys(record).filter((k) => !used.includes(k) && record[k] !== null && record[k] !== '');
  // An HTML body (said so, or recognisably HTML in a record that does not say Markdown) is read as
  // the Markdown it converts to: its paragraphs, headings, quotations and captions kept.
  const plain = /^(?:text|plain|txt|text\/plain)$/i.test(format);
  if (/^(?:html|text\/html)$/i.test(format) || (!markdown && !plain && looksLikeHtml(text))) {
    return { ok: true, text: htmlToMarkdown(text), hints, markdown: true, used, ignored };
  }
  return { ok: true, text, hints, markdown, used, ignored };
}

/** A field value as text: strings as they are, numbers, arrays of names joined, objects' `name`. */
function scalar(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(scalar).filter((s): s is string => s !== null && s.trim() !== '');
    return parts.length > 0 ? parts.join('، ') : null;
  }
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return scalar(o.name ?? o.title ?? o.url ?? null);
  }
  return null;
}
