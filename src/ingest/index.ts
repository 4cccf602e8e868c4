/**
 * The ingest library: raw bytes or text of one Arabic news article → `Article` → MDX.
 * Pure apart from hashing; the CLI (src/cli/ingest.ts) does all file system work.
 */
import { classifyLines, type Line } from './clean.ts';
import { decodeBytes, type Encoding } from './decode.ts';
import { articleId, contentHashOf, sha256Hex } from './id.ts';
import { detectOutlet, parseArabicDate, readAuthor } from './metadata.ts';
import { buildStructure } from './structure.ts';
import { countArabicLetters, countLatinLetters, normalizeText } from './text.ts';
import type { ArticleHints, ArticleSource, IngestResult } from './types.ts';

export type { Article, ArticleHints, ArticleSource, Block, IngestResult } from './types.ts';
export { articleToMdx, escapeJsxAttribute, escapeMdxText, frontmatterOf, inlineText, readFrontmatter } from './mdx.ts';
export { articleId, contentHashOf, ID_LENGTH, sha256Hex } from './id.ts';
export { decodeBytes } from './decode.ts';
export { normalizeText, foldForFingerprint } from './text.ts';
export { detectOutlet, parseArabicDate, readDateline } from './metadata.ts';
export { findOutlet, OUTLETS, AGENCIES } from './outlets.ts';

/** Minimum share of Arabic among Arabic and Latin letters for a text to count as Arabic. */
const MIN_ARABIC_SHARE = 0.5;

/** Ingests the raw bytes of one file. `file` is the name recorded as `source.file`. */
export function ingestBytes(bytes: Uint8Array, file: string, hints: ArticleHints = {}): IngestResult {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return decoded;
  return parseArticle(decoded.text, { file, sha256: sha256Hex(bytes), url: hints.url ?? null }, hints, decoded.encoding);
}

/** Ingests already decoded text; `source.sha256` should hash the original bytes. */
export function parseArticle(
  text: string,
  source: ArticleSource,
  hints: ArticleHints = {},
  encoding: Encoding | 'text' = 'text',
): IngestResult {
  const normalized = normalizeText(text);
  if (normalized.trim() === '') return { ok: false, reason: 'only whitespace, no text' };
  const arabic = countArabicLetters(normalized);
  if (arabic === 0) return { ok: false, reason: 'no Arabic text' };
  if (arabic / (arabic + countLatinLetters(normalized)) < MIN_ARABIC_SHARE) {
    return { ok: false, reason: 'not an Arabic article: most letters are Latin' };
  }

  const lines = classifyLines(normalized);
  const structure = buildStructure(hints.title ? [{ kind: 'text', text: hints.title }, ...lines] : lines);
  if (!structure) return { ok: false, reason: 'no article text left after removing page furniture' };
  if (!structure.body.some((b) => b.type === 'paragraph')) {
    return { ok: false, reason: 'no article body: only a title' };
  }

  const values = (kind: 'source' | 'byline' | 'published') =>
    lines.flatMap((l: Line) => (l.kind === kind ? [l.value] : []));
  const outlet =
    hints.outlet ??
    detectOutlet({
      sourceLines: values('source'),
      datelineBy: structure.dateline?.by ?? null,
      rawLines: normalized.split('\n'),
    });
  const published = hints.published ?? values('published').map(parseArabicDate).find((d) => d !== null) ?? null;
  const author = hints.author ?? values('byline').map(readAuthor).find((a) => a !== null) ?? null;
  const contentHash = contentHashOf(structure);

  return {
    ok: true,
    article: {
      id: articleId(contentHash),
      title: structure.title,
      standfirst: structure.standfirst,
      outlet,
      published,
      author,
      dateline: structure.dateline?.place ?? null,
      body: structure.body,
      source: { file: source.file, sha256: source.sha256, url: source.url ?? hints.url ?? null },
      contentHash,
      encoding,
    },
  };
}
