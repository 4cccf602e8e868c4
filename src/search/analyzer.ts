/**
 * How Arabic words meet in search: the one form a reader's query word is searched by, and the forms
 * an indexed word can be found by. Both sides come from the project's Arabic library
 * (`src/arabic/`), so the build (index enrichment) and the browser (query processing,
 * highlighting) agree by construction.
 *
 * Pagefind still runs its own Snowball stemmer and prefix matching over whatever we hand it; since
 * both sides hand it the same strings, they keep meeting after that.
 *
 * - A query word loses the proclitics that come with the article (ال، وال، بال، فال، كال، لل...),
 *   which is safe, and a lone conjunction or preposition (و ف ب ل ك) only when at least four letters
 *   remain, so "وزير" and "كتاب" stay whole while "وأردوغان" and "بموسكو" lose their clitic; then
 *   Lucene's light suffix stemmer runs ("علاقات" → "علاق").
 * - An indexed word is findable by that same query form of every way it splits into proclitics and
 *   stem, and by the plain suffix-stemmed stem: "والكتاب"، "فالكتاب"، "لكتاب" all carry "كتاب",
 *   and "الوزير" carries both "وزير" and "زير" (what a query "وزير" and a query "الوزير"
 *   become is in each set).
 *
 * Normalization (hamza seats, ى/ي, ة/ه, tashkeel, tatweel, digits) happens first on both sides, so
 * "مسئول" meets "مسؤول" and "مستوى" meets "مستوي".
 */
import { ARABIC_STOPWORDS, normalizeArabic, splitProclitics, stemArabicSuffix, tokenize } from '../arabic/index.ts';

const LOWERCASE = { lowercase: true } as const;

/** Fewest letters a stem keeps when proclitics are split off (not counting a kept article). */
const MIN_STEM = 3;
/** Fewest letters left after a lone conjunction/preposition (no article) before a query drops it. */
const MIN_BARE_REMAINDER = 4;
/** Fewest letters the suffix-stemmed result of such a split may have. */
const MIN_BARE_STEM = 4;
/** Fewest letters suffix stemming may leave; below that the word is kept whole ("بيان" is not "بي"). */
const MIN_SUFFIX_STEM = 3;

const ARTICLE = 'ال';

/**
 * Lucene's light suffix stemming, unless it would leave fewer than three letters: a two-letter
 * query form would prefix-match half the index ("بيان" → "بي" would find "بين").
 */
function stemSuffix(word: string): string {
  const stemmed = stemArabicSuffix(word);
  return stemmed.length >= MIN_SUFFIX_STEM ? stemmed : word;
}

/** The stem without a leading article it kept ("الكرملين" restored from "للكرملين" → "كرملين"). */
function withoutArticle(stem: string): string {
  return stem.startsWith(ARTICLE) && stem.length - ARTICLE.length >= 2 ? stem.slice(ARTICLE.length) : stem;
}

function isArabicWord(normalized: string): boolean {
  return /^[\u0621-\u064a]+$/.test(normalized);
}

/**
 * The form one normalized Arabic word is searched by (see the file comment).
 * Non-Arabic words come back normalized and lower-cased, unstemmed.
 */
function queryFormOfNormalized(word: string): string {
  if (!isArabicWord(word)) return word;
  for (const split of splitProclitics(word, { minStemLength: MIN_STEM })) {
    if (split.prefix === '') break;
    const core = withoutArticle(split.stem);
    if (split.definite) return stemSuffix(core);
    if (core.length >= MIN_BARE_REMAINDER && stemArabicSuffix(core).length >= MIN_BARE_STEM) return stemSuffix(core);
  }
  return stemSuffix(word);
}

/** The form a reader's query word is searched by: "الوزير" → "وزير", "العلاقات" → "علاق", "مسئول" → "مسءول". */
export function queryTermOf(word: string): string {
  return queryFormOfNormalized(normalizeArabic(word, LOWERCASE));
}

/**
 * The form of a query word that keeps a lone و ف ب ل ك as part of the word (the article's
 * proclitics still go): "كورونا" stays "كورونا" where `queryTermOf` reads ك + "ورونا", "بريطانيا"
 * stays whole. A query is searched both ways (src/search/plan.ts): the reader may have typed a
 * proclitic («بموسكو») or a word that begins with those letters.
 */
export function queryTermAsWritten(word: string): string {
  const normalized = normalizeArabic(word, LOWERCASE);
  if (!isArabicWord(normalized)) return normalized;
  for (const split of splitProclitics(normalized, { minStemLength: MIN_STEM })) {
    if (split.prefix === '') break;
    if (split.definite) return stemSuffix(withoutArticle(split.stem));
  }
  return stemSuffix(normalized);
}

/**
 * Every form an indexed word can be found by: the query form of each of its proclitic splits and
 * the suffix-stemmed stem of each split. "لكتاب" → {"كتاب", "لكتاب"}; "وزير" → {"وزير", "زير"}.
 * Always contains `queryTermOf(word)`.
 */
export function indexTermsOf(word: string): Set<string> {
  const normalized = normalizeArabic(word, LOWERCASE);
  const forms = new Set<string>();
  if (!normalized) return forms;
  if (!isArabicWord(normalized)) {
    forms.add(normalized);
    return forms;
  }
  forms.add(queryFormOfNormalized(normalized));
  const splits = splitProclitics(normalized, { minStemLength: MIN_STEM });
  // A reader may add the article to a bare word ("الوزارة" for "وزارة"), not to one that has it.
  const definite = splits.some((s) => s.definite);
  for (const split of splits) {
    forms.add(queryFormOfNormalized(split.stem));
    if (split.prefix !== '' || !definite) forms.add(stemSuffix(withoutArticle(split.stem)));
  }
  return forms;
}

/** Whether a normalized word is one of Lucene's Arabic stop words (queries drop them). */
export function isStopword(word: string): boolean {
  return ARABIC_STOPWORDS.has(normalizeArabic(word));
}

/** The words of a text, as written, in order (the tokenizer's words). */
export function wordsOf(text: string): string[] {
  return tokenize(text).map((t) => t.text);
}

/**
 * The query forms of a reader's query, one per word, stop words dropped (unless the query is only
 * stop words, which are then searched as typed).
 */
export function queryTerms(query: string): string[] {
  const words = wordsOf(query);
  const kept = words.filter((w) => !isStopword(w));
  return (kept.length > 0 ? kept : words).map(queryTermOf).filter((t) => t.length > 0);
}

/** All forms the words of `texts` can be found by, stop words left out, in first-seen order. */
export function indexTermsOfTexts(texts: Iterable<string>): Set<string> {
  const terms = new Set<string>();
  const seen = new Set<string>();
  for (const text of texts) {
    for (const word of wordsOf(text)) {
      if (seen.has(word)) continue;
      seen.add(word);
      if (isStopword(word)) continue;
      for (const form of indexTermsOf(word)) terms.add(form);
    }
  }
  return terms;
}

/** Fewest times a word must be written for its whole form to be trusted over a split. */
const MIN_WHOLE_COUNT = 2;

/**
 * The words a query must not cut a lone و ف ب ل ك from, by the site's own frequencies: the
 * as-written forms (`queryTermAsWritten`) of words that begin with one of those letters and are
 * written, whole, more often than what is left without the letter («كورونا» against «ورونا»,
 * «بريطانيا» against «ريطانيا»), and at least twice. Where the remainder is the commoner word
 * («بموسكو» → «موسكو»), the letter is a proclitic and the query drops it. `counts` maps words as
 * written to how often they are (src/site/search/site-words.ts).
 */
export function wholeWordForms(counts: Iterable<readonly [string, number]>): string[] {
  const byForm = new Map<string, number>();
  const split = new Map<string, string>();
  for (const [word, n] of counts) {
    const written = queryTermAsWritten(word);
    byForm.set(written, (byForm.get(written) ?? 0) + n);
    const stripped = queryTermOf(word);
    if (stripped !== written) split.set(written, stripped);
  }
  return [...split]
    .filter(([written, stripped]) => {
      const whole = byForm.get(written) ?? 0;
      return whole >= MIN_WHOLE_COUNT && whole > (byForm.get(stripped) ?? 0);
    })
    .map(([written]) => written)
    .sort();
}
