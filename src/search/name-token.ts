/**
 * The search token that stands for one entity name (a registry name or alias) in the index and in
 * processed queries. A query that names an entity ("داعش", "جاويش أوغلو") is searched as the
 * token of that name; an article carries the token when it mentions the entity under any name, or
 * contains every word of that name (see enrichment.ts).
 *
 * The token hashes the name's query forms, so spellings the analyzer folds give the same token.
 * Pagefind matches query words as prefixes of indexed words, so tokens have a fixed length (no
 * token is a prefix of another) and a Latin prefix no Arabic word or stemmer touches:
 * "zq" + 7 base-36 digits of an FNV-1a hash, e.g. "zq0f3k9ab".
 */
import { queryTerms } from './analyzer.ts';

const TOKEN_PREFIX = 'zq';
const TOKEN_DIGITS = 7;

/** FNV-1a, 32 bits, over the UTF-16 code units of `text`. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * The key two spellings of a name share in search: its query forms, stemmed as a query is
 * ("أردوغان" and "اردوغان" → "اردوغ"). Names that compare as whole words use `nameKey`
 * (src/ingest/names.ts).
 */
export function nameQueryKey(name: string): string {
  return queryTerms(name).join(' ');
}

/** The token of an entity name. */
export function nameToken(name: string): string {
  return TOKEN_PREFIX + fnv1a(nameQueryKey(name)).toString(36).padStart(TOKEN_DIGITS, '0');
}

/** Whether a word is a name token. */
export function isNameToken(word: string): boolean {
  return word.length === TOKEN_PREFIX.length + TOKEN_DIGITS && word.startsWith(TOKEN_PREFIX) && /^[0-9a-z]+$/.test(word);
}
