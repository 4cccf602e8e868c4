/**
 * Words newspapers use for the same thing that no stemmer joins: broken plurals and their
 * singulars (حريق / حرائق), verbal nouns and their nouns, and synonyms the Saudi press alternates
 * (إعدام / القصاص, باص / حافلة, شغل / عمل). A query word in a group is also searched as the group's
 * other words (src/search/query.ts), with a lower weight than the word itself.
 *
 * The table is reviewed by hand: each group's words were counted in SaudiNewsNet (31,030 articles,
 * docs/search.md) and kept only where they name the same thing in news text; a word with a common
 * other sense is a one-way entry (شغل → عمل: «العمل» has too many senses to bring «الشغل» back).
 */
import { normalizeArabic } from '../arabic/index.ts';

/** Groups of interchangeable words, as written. */
const GROUPS: readonly (readonly string[])[] = [
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
  ['ظهر', 'ظهيرة'],
];

/** One-way entries: a dialect or informal word, and the standard word to search it by too. */
const ONE_WAY: readonly (readonly [string, readonly string[]])[] = [
  ['شغل', ['عمل']],
  ['طايرة', ['طائرة']],
  ['باص', ['حافلة']],
];

/** Article and proclitics a query word may carry before its table form. */
const PREFIX = /^(?:وال|فال|بال|كال|لل|ال|و|ف|ب|ل)(?=\S{3,})/;

const key = (word: string) => normalizeArabic(word);

const table = new Map<string, Set<string>>();
for (const group of GROUPS) {
  for (const word of group) {
    const others = table.get(key(word)) ?? new Set<string>();
    for (const other of group) if (other !== word) others.add(other);
    table.set(key(word), others);
  }
}
for (const [word, standard] of ONE_WAY) {
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
