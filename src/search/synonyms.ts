/**
 * Words newspapers use for the same thing that no stemmer joins: broken plurals and their
 * singulars (حريق / حرائق), verbal nouns and their nouns, and synonyms the Saudi press alternates
 * (إعدام / القصاص, باص / حافلة, شغل / عمل). A query word in a group is also searched as the group's
 * other words (src/search/query.ts), with a lower weight than the word itself.
 *
 * The table is reviewed by hand: each word's articles are counted in SaudiNewsNet by
 * `npm run count:synonyms` (figures in docs/search.md), and a group is kept only where its words
 * name the same thing in news text; a word with a common
 * other sense is a one-way entry (شغل → عمل: «العمل» has too many senses to bring «الشغل» back).
 */
import { normalizeArabic } from '../arabic/index.ts';

/** Groups of interchangeable words, as written. */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['حريق', 'حرائق'],
  ['وفاة', 'وفيات'],
  ['حادث', 'حوادث', 'حادثة'],
  ['إعدام', 'القصاص', 'قصاص'],
  ['باص', 'باصات', 'حافلة', 'حافلات'],
  ['طائرة', 'طائرات', 'طيارة'],
  ['مستشفى', 'مستشفيات'],
  ['مدرسة', 'مدارس'],
  ['مسجد', 'مساجد'],
  ['سجن', 'سجون'],
  ['شهيد', 'شهداء'],
  ['قتيل', 'قتلى'],
  ['جريح', 'جرحى'],
  ['مريض', 'مرضى'],
  ['طفل', 'أطفال'],
  ['سعر', 'أسعار'],
  ['منطقة', 'مناطق'],
  ['دولة', 'دول'],
  ['إجازة', 'عطلة'],
  ['نفط', 'بترول'],
  ['جوال', 'هاتف'],
];

/** One-way entries: a dialect or informal word, and the standard word to search it by too. */
export const ONE_WAY_SYNONYMS: readonly (readonly [string, readonly string[]])[] = [
  ['شغل', ['عمل']],
  ['طايرة', ['طائرة']],
  // «ظهر» is also the verb "appeared" (1,433 articles): «الظهيرة» must not bring it back.
  ['ظهر', ['ظهيرة']],
];

/** Article and proclitics a query word may carry before its table form. */
const PREFIX = /^(?:وال|فال|بال|كال|لل|ال|و|ف|ب|ل)(?=\S{3,})/;

const key = (word: string) => normalizeArabic(word);

const table = new Map<string, Set<string>>();
for (const group of SYNONYM_GROUPS) {
  for (const word of group) {
    const others = table.get(key(word)) ?? new Set<string>();
    for (const other of group) if (other !== word) others.add(other);
    table.set(key(word), others);
  }
}
for (const [word, standard] of ONE_WAY_SYNONYMS) {
  const others = table.get(key(word)) ?? new Set<string>();
  for (const s of standard) others.add(s);
  table.set(key(word), others);
}

/** The other words the table gives for a query word («الحرائق» → [«حريق»]), or none. */
export function synonymsOf(word: string): string[] {
  const normalized = key(word);
  const found = table.get(normalized) ?? table.get(normalized.replace(PREFIX, ''));
  return found ? [...found] : [];
}
