/**
 * The full analysis chain of Lucene's ArabicAnalyzer, built from this folder's pieces:
 * tokenize → lower-case + decimal digits + normalize → drop stop words → light stem.
 *
 * Deliberate differences from Lucene:
 * - tokens come from {@link tokenize}, not UAX#29's StandardTokenizer, so "F-16" and "إس-400" stay
 *   one token (Lucene gives "f", "16");
 * - normalization is `normalizeArabic` (hamza seats, presentation forms, invisible controls...);
 * - stop words are matched after normalization against the normalized list, so "مَا" and "إنّ" are
 *   dropped too (Lucene matches the raw lower-cased token).
 */
import { normalizeArabic } from './normalize.ts';
import { stemArabic } from './stem.ts';
import { ARABIC_STOPWORDS } from './stopwords.ts';
import { tokenize } from './tokenize.ts';

/** Options of {@link analyzeArabic}. */
export interface AnalyzeOptions {
  /** Stop words to drop, compared with normalized tokens. Default: Lucene's list, normalized. */
  stopwords?: ReadonlySet<string>;
}

const LOWERCASE = { lowercase: true } as const;

/**
 * Analyzes text the way Lucene's ArabicAnalyzer does: "الذين ملكت أيمانكم" → ["ملكت", "ايمانكم"],
 * "English text." → ["english", "text"], "١٢٣٤" → ["1234"]. Returns the index terms in order.
 */
export function analyzeArabic(text: string, options?: AnalyzeOptions): string[] {
  const stopwords = options?.stopwords ?? ARABIC_STOPWORDS;
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    const normalized = normalizeArabic(token.text, LOWERCASE);
    if (normalized.length === 0 || stopwords.has(normalized)) continue;
    terms.push(stemArabic(normalized));
  }
  return terms;
}
