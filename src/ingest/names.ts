/**
 * Comparison keys for names (outlets, agencies, places): the shared Arabic normalizer
 * (`src/arabic`) folds spelling variants, hamza seats, tashkeel and Latin case, then every run of
 * punctuation or spaces becomes one space ("الجزيرة.نت" = "الجزيرة نت", "Kurdistan24" ≠ "Kurdistan 24").
 */
import { normalizeArabic } from '../arabic/index.ts';

/** The key two spellings of one name share. */
export function nameKey(name: string): string {
  return normalizeArabic(name, { lowercase: true })
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
