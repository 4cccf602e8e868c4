/**
 * Words newspapers use for the same thing that no stemmer joins: broken plurals and their
 * singulars (حريق / حرائق), verbal nouns and their nouns, and synonyms the Saudi press alternates
 * (إعدام / القصاص, باص / حافلة, شغل / عمل). A query word in a group is also searched as the group's
 * other words (src/search/query.ts), with a lower weight than the word itself.
 *
 * The table is reviewed by hand: common news nouns whose broken plural no stemmer reaches, each
 * word's articles counted in SaudiNewsNet by `npm run count:synonyms`, a group kept only where its
 * words name the same thing in news text and both are written often. Left out: a word that is
 * mostly a title («أمير», «رئيس», «إمام»: «الأمراء» must not bring every «أمير منطقة»), a plural
 * with another common sense («طرق» methods, «كتب» wrote, «أسر» captured), and, while the held-out
 * search set (bench/search/real/holdout/) is the check on this table, the words of its queries.
 * A word with a common other sense can still be a one-way entry (شغل → عمل: «العمل» has too many
 * senses to bring «الشغل» back).
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
  ['مشروع', 'مشاريع'],
  ['شارع', 'شوارع'],
  ['منزل', 'منازل'],
  ['طالب', 'طلاب'],
  ['مركز', 'مراكز'],
  ['مصنع', 'مصانع'],
  ['قرية', 'قرى'],
  ['مدينة', 'مدن'],
  ['موقع', 'مواقع'],
  ['سلاح', 'أسلحة'],
  ['صاروخ', 'صواريخ'],
  ['جندي', 'جنود'],
  ['مباراة', 'مباريات'],
  ['وزير', 'وزراء'],
  ['سجين', 'سجناء'],
  ['أسير', 'أسرى'],
  ['ضحية', 'ضحايا'],
  ['حاج', 'حجاج'],
  ['زائر', 'زوار'],
  ['سائح', 'سياح'],
  ['طبيب', 'أطباء'],
  ['امرأة', 'نساء'],
  ['رجل', 'رجال'],
  ['فتاة', 'فتيات'],
  ['مسكن', 'مساكن'],
  ['فندق', 'فنادق'],
  ['جسر', 'جسور'],
  ['نفق', 'أنفاق'],
  ['بئر', 'آبار'],
  ['وادي', 'أودية'],
  ['جبل', 'جبال'],
  ['شجرة', 'أشجار'],
  ['سلعة', 'سلع'],
  ['سهم', 'أسهم'],
  ['بنك', 'بنوك'],
  ['مصرف', 'مصارف'],
  ['قرض', 'قروض'],
  ['ضريبة', 'ضرائب'],
  ['جريمة', 'جرائم'],
  ['معركة', 'معارك'],
  ['قذيفة', 'قذائف'],
  ['هجوم', 'هجمات'],
  ['ضابط', 'ضباط'],
  ['قائد', 'قادة'],
  ['جيش', 'جيوش'],
  ['خطيب', 'خطباء'],
  ['داعية', 'دعاة'],
  ['راتب', 'رواتب'],
  ['سيارة', 'مركبة'],
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

/**
 * The forms a word is looked up by, in order: normalized as written, then without an article or
 * proclitic («بالحرائق» → «بالحرائق», «حرائق»). `npm run count:synonyms` counts the corpus by them.
 */
export function lookupForms(word: string): [string, string] {
  const normalized = key(word);
  return [normalized, normalized.replace(PREFIX, '')];
}

/** The other words the table gives for a query word («الحرائق» → [«حريق»]), or none. */
export function synonymsOf(word: string): string[] {
  const [whole, bare] = lookupForms(word);
  const found = table.get(whole) ?? table.get(bare);
  return found ? [...found] : [];
}
