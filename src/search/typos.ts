/**
 * Typo tolerance: the known word a reader most likely meant by a word the index does not know
 * («بوتبن» → «بوتين», «الاسرائلي» → «الاسرائيلي»). Known words are the registry's names and the
 * site's own vocabulary (`/search/vocabulary.json`, the words of its headlines with their counts).
 *
 * One edit — a letter replaced, added, dropped, or two letters swapped — after the normalizer's
 * folding (so أ/ا, ة/ه, ى/ي never count as typos). A replaced letter costs less when the two are
 * neighbours on the Arabic keyboard or letters readers confuse (ض/ظ, ذ/ز, ث/س, ص/س, ت/ط, ك/ق), and a
 * dropped letter (the commonest slip: «الاسرائلي») less than an added or swapped one; among equal
 * costs, the more frequent word wins. Used in the browser; `correctedQuery` is given the searches
 * it needs (Pagefind's, in the site).
 */
import { normalizeArabic } from '../arabic/index.ts';

/** The Arabic keyboard's letter rows (the standard layout), for neighbouring keys. */
const ROWS = ['ضصثقفغعهخحجد', 'شسيبلاتنمكط', 'ئءؤرىةوزظ'];
/** Letters readers write for one another. */
const CONFUSED = ['ضظ', 'ذز', 'ثس', 'صس', 'تط', 'كق', 'ذد', 'حه', 'عا', 'غع'];

const neighbours = new Map<string, Set<string>>();
const link = (a: string, b: string) => {
  if (!neighbours.has(a)) neighbours.set(a, new Set());
  if (!neighbours.has(b)) neighbours.set(b, new Set());
  neighbours.get(a)!.add(b);
  neighbours.get(b)!.add(a);
};
for (const row of ROWS) for (let i = 0; i + 1 < row.length; i++) link(row[i]!, row[i + 1]!);
for (const pair of CONFUSED) link(pair[0]!, pair[1]!);

/** Cost of the one edit between two words (0 equal, ≥ 2 means more than one edit). */
export function editCost(a: string, b: string): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return 2;
  if (la === lb) {
    const diff: number[] = [];
    for (let i = 0; i < la; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length === 1) return neighbours.get(a[diff[0]!]!)?.has(b[diff[0]!]!) ? 0.6 : 1;
    // Two letters swapped.
    if (diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!]) return 1;
    return 2;
  }
  // One letter dropped from the typed word `a` (cheaper), or one added to it.
  const [long, short] = la > lb ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  if (long.slice(i + 1) !== short.slice(i)) return 2;
  return lb > la ? 0.9 : 1;
}

/** The definite article the folding of `vocabularyKey` cuts from the front of a word (with a conjunction or preposition before it). */
const ARTICLE = /^(?:وال|فال|بال|كال|لل|ال)(?=\S{3,})/;

/** The word starts with the article, alone or after و ف ب ك ل. */
export function hasArticle(word: string): boolean {
  return ARTICLE.test(normalizeArabic(word));
}

/** A word as the vocabulary keys it: normalized, without the article and a leading conjunction. */
export function vocabularyKey(word: string): string {
  return normalizeArabic(word).replace(/^(?:وال|فال|بال|كال|لل|ال|و)(?=\S{3,})/, '');
}

/**
 * The known word closest to `word` by one edit, if any: the cheapest, then the most frequent.
 * `known` maps vocabulary keys to counts. Words of fewer than four letters are never corrected
 * (too many real words lie one edit from them). A word typed with the article is not corrected to
 * one of `neverDefinite`, the keys the site never writes with it («اليمبن» is not «يمكن»).
 */
export function correction(word: string, known: ReadonlyMap<string, number>, neverDefinite?: ReadonlySet<string>): string | null {
  const key = vocabularyKey(word);
  if (key.length < 4 || known.has(key)) return null;
  // A word typed with the article is a noun or an adjective: never a word the site never writes with it (a verb).
  const definite = hasArticle(word);
  let best: { word: string; cost: number; count: number } | null = null;
  for (const [candidate, count] of known) {
    if (Math.abs(candidate.length - key.length) > 1 || candidate.length < 4) continue;
    if (definite && neverDefinite?.has(candidate)) continue;
    const cost = editCost(key, candidate);
    if (cost >= 2) continue;
    if (!best || cost < best.cost || (cost === best.cost && count > best.count)) best = { word: candidate, cost, count };
  }
  return best?.word ?? null;
}

/**
 * The site's vocabulary as `/search/vocabulary.json` holds it: each known word's key
 * (`vocabularyKey`) with its count, and for a key that is not itself how the site writes the word,
 * the spelling it writes most («اسراءيلي» → «الإسرائيلي»): what the reader is offered.
 */
export interface TypoVocabulary {
  counts: ReadonlyMap<string, number>;
  shown?: ReadonlyMap<string, string>;
  /** Keys the site never writes with the article (verbs, particles, most names). */
  neverDefinite?: ReadonlySet<string>;
}

/**
 * `/search/vocabulary.json`: each known word as the site spells it most (its key is
 * `vocabularyKey` of it, computed by the reader's browser) with its count, most frequent first; and
 * which of them the site never writes with the article, as gaps between their positions in `words`
 * (the first from 0), which is about 2 KB gzip where the words themselves would be 26.
 */
export interface VocabularyFile {
  words: Record<string, number>;
  neverDefinite: number[];
}

/** The vocabulary file as `correctedQuery` reads it: counts by key, the spellings, the keys never definite. */
export function readVocabulary(file: Partial<VocabularyFile>): TypoVocabulary {
  const counts = new Map<string, number>();
  const shown = new Map<string, string>();
  const keys: string[] = [];
  for (const [spelling, count] of Object.entries(file.words ?? {})) {
    const key = vocabularyKey(spelling);
    counts.set(key, count);
    if (spelling !== key) shown.set(key, spelling);
    keys.push(key);
  }
  const neverDefinite = new Set<string>();
  let position = 0;
  for (const [i, gap] of (file.neverDefinite ?? []).entries()) {
    position = i === 0 ? gap : position + gap;
    const key = keys[position];
    if (key !== undefined) neverDefinite.add(key);
  }
  return { counts, shown, neverDefinite };
}

/** What `readVocabulary` reads: `rows` of [key, count], the spelling shown for each, and whether it is never definite. */
export function writeVocabulary(
  rows: readonly (readonly [string, number])[],
  spelling: (key: string) => string,
  definite: (key: string) => boolean,
): VocabularyFile {
  const words: Record<string, number> = {};
  const neverDefinite: number[] = [];
  let last = 0;
  for (const [i, [key, count]] of rows.entries()) {
    words[spelling(key)] = count;
    if (!definite(key)) {
      neverDefinite.push(neverDefinite.length === 0 ? i : i - last);
      last = i;
    }
  }
  return { words, neverDefinite };
}

/**
 * The spelling a correction offers for a key: the one the site writes most, among those with no
 * proclitic but the article (a reader typing «الاسرائلي» is offered «الإسرائيلي», not «والإسرائيلي»);
 * ties go to the first in Arabic order.
 */
export function shownSpelling(key: string, written: ReadonlyMap<string, number>): string {
  // A spelling is its normalized form's proclitics (what `vocabularyKey` cut) followed by the key.
  const proclitics = (word: string) => normalizeArabic(word).slice(0, -key.length);
  const bare = [...written].filter(([word]) => proclitics(word) === '' || proclitics(word) === 'ال');
  const pool = bare.length > 0 ? bare : [...written];
  pool.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'ar'));
  return pool[0]?.[0] ?? key;
}

/**
 * `spelling` with the definite article when the typed word has it and without it when it has not
 * («اسرائلي» → «إسرائيلي», «الاسرائلي» → «الإسرائيلي»), so a correction changes the typo only.
 */
export function withArticleOf(typed: string, spelling: string): string {
  const typedArticle = hasArticle(typed);
  const spellingArticle = spelling.startsWith('ال') && vocabularyKey(spelling) !== normalizeArabic(spelling);
  if (typedArticle && !spellingArticle) return `ال${spelling}`;
  if (!typedArticle && spellingArticle) return spelling.slice(2);
  return spelling;
}

/** Pages one Pagefind query finds (the site: `pagefind.search` with the page's filters). */
export type PageCount = (query: string) => Promise<number>;

/** A typed word holding fewer pages than this may be a typo. */
export const RARE = 3;

/**
 * The Pagefind query for the pages that hold a word itself: its query form in double quotes, an
 * exact search. Not the word as a plain query: Pagefind matches a plain query word as a prefix,
 * and when no indexed word starts with it, it searches the longest indexed word the query word
 * starts with instead, so a typo finds a shorter, unrelated word's pages — «الاسرائلي» (form
 * «اسراءل») finds every «أسرة», «الأسر» (stem «اسر») — and whether it does depends on which index
 * chunk Pagefind loads for it, which any change to the site's words can move.
 */
export function ownPagesQuery(written: string): string {
  return `"${written}"`;
}

/**
 * The query with each word the index hardly knows replaced by the known word one edit away that
 * finds far more pages (as the site writes it), or null. A word counts as a typo when the index holds it on fewer than
 * `RARE` pages (`ownPagesQuery`) and the site's vocabulary (`known`, fetched only then) has a word
 * one edit away (`correction`) that finds at least `RARE` pages and three times as many.
 */
export async function correctedQuery(
  prepared: { text: string; words: readonly { text: string; written: string }[] },
  count: PageCount,
  known: () => Promise<TypoVocabulary>,
): Promise<string | null> {
  let text = prepared.text;
  let changed = false;
  const checked = prepared.words.filter((word) => vocabularyKey(word.text).length >= 4);
  // Every word's own pages at once (the searches are independent).
  const founds = await Promise.all(checked.map((word) => count(ownPagesQuery(word.written))));
  for (const [i, word] of checked.entries()) {
    const found = founds[i]!;
    if (found >= RARE) continue;
    const vocabulary = await known();
    const fix = correction(word.text, vocabulary.counts, vocabulary.neverDefinite);
    if (!fix || (await count(fix)) < Math.max(RARE, 3 * found)) continue;
    text = text.replace(word.text, withArticleOf(word.text, vocabulary.shown?.get(fix) ?? fix));
    changed = true;
  }
  return changed ? text : null;
}
