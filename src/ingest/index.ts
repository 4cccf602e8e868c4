/**
 * The ingest library: raw bytes, text or a JSON record of one Arabic news article → `Article` →
 * MDX. Pure apart from hashing; the CLI (src/cli/ingest.ts, with src/ingest/io/) does all file
 * system work.
 */
import { cleanLines, type Line } from './clean.ts';
import { parseCredit, type Credit } from './credits.ts';
import { findDate, type FoundDate } from './dates.ts';
import { decodeBytes, type Encoding, repairMojibake } from './decode.ts';
import { articleId, contentHashOfFolds, sha256Hex } from './id.ts';
import { sourceUrl } from './links.ts';
import { readMarkdown } from './markdown.ts';
import { detectOutlet, readAuthor } from './metadata.ts';
import { findOutletByCode, findOutletByUrl } from './outlets.ts';
import { readRecord } from './records.ts';
import { buildStructure } from './structure.ts';
import { countArabicLetters, countLatinLetters, normalizeText, plainText } from './text.ts';
import type { ArticleHints, ArticleSource, InputFormat, IngestResult, PublishedFrom, Removal } from './types.ts';

export type { Article, ArticleHints, ArticleSource, Block, EarlierVersion, IngestResult, InputFormat, Removal } from './types.ts';
export {
  articleToMdx,
  escapeJsxAttribute,
  escapeMdxText,
  FrontmatterError,
  frontmatterOf,
  inlineText,
  isUnedited,
  readArticleSource,
  readFrontmatter,
  splitMdxHash,
  stringifyFrontmatter,
  withEarlierVersions,
  withMdxHash,
} from './mdx.ts';
export { articleId, contentHashOf, contentHashOfFolds, ID_LENGTH, sha256Hex } from './id.ts';
export { decodeBytes, repairMojibake } from './decode.ts';
export { normalizeText, foldForFingerprint } from './text.ts';
export { detectOutlet, parseArabicDate, readDateline } from './metadata.ts';
export { findDate, findDates, hijriToGregorian } from './dates.ts';
export { parseCredit } from './credits.ts';
export { findOutlet, findOutletByCode, findOutletByUrl, OUTLETS, AGENCIES } from './outlets.ts';
export { readRecord } from './records.ts';

/** Minimum share of Arabic among Arabic and Latin letters for a text to count as Arabic. */
const MIN_ARABIC_SHARE = 0.5;
/** Largest text read as one article (a news article is rarely over 100 KB). */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

/** Ingests the raw bytes of one file. `file` is the name recorded as `source.file`. */
export function ingestBytes(bytes: Uint8Array, file: string, hints: ArticleHints = {}, format: InputFormat = 'text'): IngestResult {
  if (bytes.length > MAX_ARTICLE_BYTES) return { ok: false, reason: tooLarge(bytes.length) };
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return decoded;
  const source = { file, sha256: sha256Hex(bytes), url: null };
  return parseArticle(decoded.text, { source, hints, encoding: decoded.encoding, format, note: decoded.note });
}

/**
 * Ingests one parsed JSON record; `raw` is its text in the input file (hashed for provenance).
 * See records.ts for the fields read.
 */
export function ingestRecord(value: unknown, raw: Uint8Array | string, file: string): IngestResult {
  if (raw.length > MAX_ARTICLE_BYTES) return { ok: false, reason: tooLarge(raw.length) };
  const reading = readRecord(value);
  if (!reading.ok) return reading;
  const note = `record fields read: ${reading.used.join(', ')}${reading.ignored.length > 0 ? `; not read: ${reading.ignored.join(', ')}` : ''}`;
  return parseArticle(reading.text, {
    source: { file, sha256: sha256Hex(raw), url: null },
    hints: reading.hints,
    encoding: 'utf-8',
    format: reading.markdown ? 'markdown' : 'text',
    note,
  });
}

function tooLarge(bytes: number): string {
  return `too large for one article (${(bytes / 1048576).toFixed(1)} MB; the limit is ${MAX_ARTICLE_BYTES / 1048576} MB): give several articles as JSON Lines records`;
}

/** How `parseArticle` reads a text, and what came with it. */
export interface ParseOptions {
  /** Where the text came from; `sha256` should hash the original bytes. */
  source: ArticleSource;
  /** Metadata supplied with the text (a record's fields), preferred to what the text says. */
  hints?: ArticleHints;
  /** The encoding the bytes were decoded from (`text`: given as text). */
  encoding?: Encoding | 'text';
  /** `markdown` reads headings, quotations, lists and captions; `text` reads lines. */
  format?: InputFormat;
  /** A first note for `--explain` (how the input was decoded or which record fields were read). */
  note?: string | undefined;
}

/** Ingests already decoded text. */
export function parseArticle(input: string, { source, hints = {}, encoding = 'text', format = 'text', note }: ParseOptions): IngestResult {
  const notes: string[] = note ? [note] : [];
  let text = input;
  const repaired = repairMojibake(text);
  if (repaired) {
    text = repaired.text;
    notes.push(repaired.note);
  }
  const normalized = normalizeText(text);
  if (normalized.trim() === '') return { ok: false, reason: 'only whitespace, no text' };
  const arabic = countArabicLetters(normalized);
  if (arabic === 0) return { ok: false, reason: 'no Arabic text' };
  if (arabic / (arabic + countLatinLetters(normalized)) < MIN_ARABIC_SHARE) {
    return { ok: false, reason: 'not an Arabic article: most letters are Latin' };
  }

  const read = format === 'markdown' ? readMarkdown(normalized) : { ...cleanLines(normalized.split('\n')), hints: {} };
  const given = cleanHints({ ...read.hints, ...definedOnly(hints) });
  const recordCredit = given.author ? parseCredit(given.author, false) : null;
  const recordAuthor = given.author ? (recordCredit ? recordCredit.author : readAuthor(given.author)) : null;

  const structure = buildStructure(read.lines, { title: given.title, author: recordAuthor ?? given.author, standfirst: given.standfirst });
  if (!structure) return { ok: false, reason: 'no article text left after removing page furniture' };
  if (!structure.body.some((b) => b.type === 'paragraph')) {
    const oneLine = structure.body.length === 0 && read.lines.filter((l) => l.kind === 'text').length <= 1 && !given.title;
    return { ok: false, reason: oneLine ? 'no article body: the text is one line (a title at most)' : 'no article body: only a title' };
  }

  const values = (kind: 'source' | 'byline' | 'published') => read.lines.flatMap((l: Line) => (l.kind === kind ? [l.value] : []));
  const credits: Array<{ text: string; credit: Credit }> = structure.credits;
  const dateline = structure.dateline;

  // Outlet: the record's source field or URL, then what the text says.
  const hinted = given.outlet ? (findOutletByCode(given.outlet)?.name ?? given.outlet) : null;
  const byUrl = given.url ? (findOutletByUrl(given.url)?.name ?? null) : null;
  const outlet =
    hinted ??
    byUrl ??
    detectOutlet({ sourceLines: values('source'), datelineBy: dateline?.by ?? null, rawLines: normalized.split('\n') }) ??
    credits.find((c) => c.credit.outlet)?.credit.outlet ??
    recordCredit?.outlet ??
    null;
  if (hinted) notes.push(`outlet "${hinted}" from the record's source "${given.outlet}"`);
  else if (byUrl) notes.push(`outlet "${byUrl}" from the URL's host`);

  // Author: the record's author field (a person's name, not an agency), then bylines and credits.
  const author =
    recordAuthor ??
    values('byline')
      .map(readAuthor)
      .find((a) => a !== null) ??
    credits.find((c) => c.credit.author)?.credit.author ??
    dateline?.author ??
    null;
  const creditText = given.author ?? credits[0]?.text ?? null;
  const byline = creditText ? creditText.replace(/[\s:：،,\-–—ـ]+$/, '') : null;

  // Publication date: supplied, then publication lines, credit lines, the record's credit, the URL;
  // last, the day the record was collected, which the article is from or before.
  let published: string | null = null;
  let publishedAs: string | null = null;
  let publishedFrom: PublishedFrom | null = null;
  const stated = (found: FoundDate | null | undefined, where: string, from: PublishedFrom) => {
    if (published || !found) return;
    published = found.date;
    publishedAs = found.text === found.date ? null : found.text;
    publishedFrom = from;
    notes.push(`published ${found.date} from ${where} "${found.text}"`);
  };
  if (given.published) {
    published = publishedFromHint(given.published);
    if (published) publishedFrom = 'record';
    notes.push(
      published
        ? `published ${published} from the supplied date "${given.published}"`
        : `supplied date "${given.published}" not understood`,
    );
  }
  for (const value of values('published')) stated(findDate(value), 'a publication line', 'text');
  for (const { credit } of credits) stated(credit.date, 'a credit line', 'text');
  stated(recordCredit?.date, "the record's author field", 'text');
  if (!published && given.url) stated(dateInUrl(given.url), 'the URL', 'url');
  if (!published && given.collected) {
    published = publishedFromHint(given.collected);
    if (published) publishedFrom = 'collected';
    notes.push(
      published
        ? `published ${published} or before: the record was collected "${given.collected}"`
        : `collection date "${given.collected}" not understood`,
    );
  }

  const { fold } = structure;
  const contentHash = contentHashOfFolds([
    fold(structure.title),
    fold(structure.standfirst ?? ''),
    ...structure.body.map((b) => fold(b.text)),
  ]);
  const url = sourceUrl(given.url);
  if (given.url && !url) notes.push(`URL "${given.url}" is not an absolute http(s) address: not recorded`);
  return {
    ok: true,
    article: {
      id: articleId(contentHash),
      title: structure.title,
      standfirst: structure.standfirst,
      outlet,
      published,
      publishedAs,
      publishedFrom,
      author,
      dateline: dateline?.place ?? credits.find((c) => c.credit.place)?.credit.place ?? recordCredit?.place ?? null,
      byline: byline && byline !== author ? byline : null,
      body: structure.body,
      source: { file: source.file, sha256: source.sha256, url: source.url ?? url },
      contentHash,
      encoding,
      removed: [...read.removed, ...metadataLines(read.lines), ...structure.removed],
      notes,
    },
  };
}

/** Lines read as metadata rather than text, for `--explain`. */
function metadataLines(lines: Line[]): Removal[] {
  return lines.flatMap((line): Removal[] => {
    if (line.kind === 'source') return [{ text: line.text, reason: 'source line (read for the outlet)' }];
    if (line.kind === 'byline') return [{ text: line.text, reason: 'byline (read for the author)' }];
    if (line.kind === 'published') return [{ text: line.text, reason: 'publication line (read for the date)' }];
    if (line.kind === 'credit') return [{ text: line.text, reason: 'photo credit line (kept as the next caption’s credit)' }];
    return [];
  });
}

/** Hints with text cleaned like article text (entities, invisible characters, one line). */
function cleanHints(hints: ArticleHints): ArticleHints {
  const out: ArticleHints = {};
  for (const [key, value] of Object.entries(hints) as Array<[keyof ArticleHints, string | null | undefined]>) {
    if (typeof value !== 'string') continue;
    const clean = plainText(normalizeText(value)).replace(/\s+/g, ' ').trim();
    if (clean !== '') out[key] = clean;
  }
  return out;
}

function definedOnly(hints: ArticleHints): ArticleHints {
  return Object.fromEntries(Object.entries(hints).filter(([, v]) => v !== null && v !== undefined && v !== ''));
}

/** A supplied date: ISO date or date-time, epoch seconds or milliseconds, RFC 2822, or any form `findDate` reads. */
function publishedFromHint(value: string): string | null {
  const iso = /^(\d{4})-(\d\d)-(\d\d)(?:$|[T ])/.exec(value);
  if (iso) return findDate(`${iso[1]}-${iso[2]}-${iso[3]}`)?.date ?? null;
  if (/^\d{9,13}$/.test(value)) {
    const ms = Number(value) * (value.length > 11 ? 1 : 1000);
    return findDate(new Date(ms).toISOString().slice(0, 10))?.date ?? null;
  }
  const found = findDate(value);
  if (found) return found.date;
  return englishDate(value);
}

const ENGLISH_MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?=[\s,\d]|$)/i;

/**
 * A date written the English way ("Tue, 21 Jul 2015 10:00:00 GMT", "July 21, 2015"), through
 * `Date.parse`, which also reads almost anything else ("Page 2" → 2001-02-01, "Route 66" → 1966,
 * "45" → 2045): only a value naming a month, a day and a four-digit year that the parse keeps.
 */
function englishDate(value: string): string | null {
  const year = /\b((?:19|20)\d\d)\b/.exec(value);
  if (!year || !ENGLISH_MONTH.test(value) || !/\b(?:0?[1-9]|[12]\d|3[01])\b/.test(value.replace(year[0], ' '))) return null;
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) return null;
  const date = new Date(parsed).toISOString().slice(0, 10);
  return date.startsWith(year[1]!) ? (findDate(date)?.date ?? null) : null;
}

/** A date in a URL path: "/2015/07/20/…", "/20150720/…". */
function dateInUrl(url: string): FoundDate | null {
  const m = /[/_-]((?:19|20)\d\d)([/_-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?=$|[/_.?#-])/.exec(url);
  if (!m) return null;
  const found = findDate(`${m[1]}-${m[3]}-${m[4]}`);
  return found ? { ...found, text: found.date } : null;
}
