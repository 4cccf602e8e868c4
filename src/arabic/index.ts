/**
 * The project's Arabic text library, shared by the entity linker and search enrichment:
 * normalization, tokenization with offsets, proclitic splitting, Lucene's light stemmer and the
 * full Lucene-style analysis chain.
 */
export {
  normalizeArabic,
  normalizeArabicChar,
  normalizeArabicWithOffsets,
  type NormalizedText,
  type NormalizeOptions,
} from './normalize.ts';
export { tokenize, type Token, type TokenKind } from './tokenize.ts';
export { splitProclitics, type ProcliticSplit, type SplitOptions } from './proclitics.ts';
export { stemArabic, stemArabicPrefix, stemArabicSuffix } from './stem.ts';
export { ARABIC_STOPWORDS, LUCENE_ARABIC_STOPWORDS } from './stopwords.ts';
export { analyzeArabic, type AnalyzeOptions } from './analyze.ts';
