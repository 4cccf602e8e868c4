/**
 * Light stemmer for Arabic: a port of Apache Lucene's `ArabicStemmer` (Larkey, Ballesteros &
 * Connell, "Light Stemming for Arabic Information Retrieval", light10 family), behaving exactly as
 * Lucene does on the same input.
 *
 * - Prefixes (at most one, the first that matches, in this order): ال وال بال كال فال لل و.
 *   و needs at least 3 letters after it; the others at least 2.
 * - Suffixes (each tried once, in this order, every match removed): ها ان ات ون ين يه ية ه ة ي;
 *   each removal must leave at least 2 letters.
 *
 * Like Lucene's ArabicStemFilter it expects a normalized token (run `normalizeArabic` first); it does
 * not handle broken plurals or verb affixes.
 */
import { ALEF, BEH, FEH, HEH, KAF, LAM, NOON, TEH, TEH_MARBUTA, WAW, YEH } from './chars.ts';

const PREFIXES: readonly (readonly number[])[] = [
  [ALEF, LAM],
  [WAW, ALEF, LAM],
  [BEH, ALEF, LAM],
  [KAF, ALEF, LAM],
  [FEH, ALEF, LAM],
  [LAM, LAM],
  [WAW],
];

const SUFFIXES: readonly (readonly number[])[] = [
  [HEH, ALEF],
  [ALEF, NOON],
  [ALEF, TEH],
  [WAW, NOON],
  [YEH, NOON],
  [YEH, HEH],
  [YEH, TEH_MARBUTA],
  [HEH],
  [TEH_MARBUTA],
  [YEH],
];

/** Lucene's `startsWithCheckLength`. */
function startsWithCheckLength(word: string, prefix: readonly number[]): boolean {
  const len = word.length;
  if (prefix.length === 1 && len < 4) return false; // wa- requires at least 3 characters after it
  if (len < prefix.length + 2) return false; // other prefixes require only 2
  for (let i = 0; i < prefix.length; i++) if (word.charCodeAt(i) !== prefix[i]) return false;
  return true;
}

/** Lucene's `endsWithCheckLength` on `word[0..len)`. */
function endsWithCheckLength(word: string, len: number, suffix: readonly number[]): boolean {
  if (len < suffix.length + 2) return false; // at least 2 characters must remain
  const from = len - suffix.length;
  for (let i = 0; i < suffix.length; i++) if (word.charCodeAt(from + i) !== suffix[i]) return false;
  return true;
}

/** Removes the first matching prefix of Lucene's list (ال وال بال كال فال لل و), if any. */
export function stemArabicPrefix(word: string): string {
  for (const prefix of PREFIXES) {
    if (startsWithCheckLength(word, prefix)) return word.slice(prefix.length);
  }
  return word;
}

/** Removes Lucene's suffixes (ها ان ات ون ين يه ية ه ة ي), each at most once, in that order. */
export function stemArabicSuffix(word: string): string {
  let len = word.length;
  for (const suffix of SUFFIXES) {
    if (endsWithCheckLength(word, len, suffix)) len -= suffix.length;
  }
  return len === word.length ? word : word.slice(0, len);
}

/**
 * Light-stems one normalized Arabic token exactly like Lucene's ArabicStemmer: one prefix, then the
 * suffixes. Non-Arabic tokens come back unchanged. "والحسن" → "حسن", "ساهدات" → "ساهد".
 */
export function stemArabic(word: string): string {
  return stemArabicSuffix(stemArabicPrefix(word));
}
