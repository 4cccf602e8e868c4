/**
 * What a corpus says about its own words, with no outside dictionary. Arabic has no capital
 * letters, but common words and names behave differently in running text:
 * - a common noun is written both with and without the article (مؤتمر / المؤتمر); most names
 *   keep one form (لافروف, العراق);
 * - an adjective changes with gender (الأمريكي / الأمريكية, مستقل / مستقلة); a name does not;
 * - a common word also appears with a preposition or conjunction attached (لمكافحة ← مكافحة),
 *   while the first letters of a name are part of it (لندن, بوش).
 * Discovery builds one from the corpus it reads, so a bigger corpus makes the rules sharper.
 */
import { isNisba, joined, type Word } from './words.ts';

/** Endings of an adjective of origin (nisba): -ي, -ية, -يون, -يين, -يان, -يتين. */
const NISBA_ENDING = /(ي|يه|يون|يين|يان|يتين)$/;

const TANWEEN = /[\u064B-\u064D]/;

/** Pronoun suffixes, as written (ه, not the ة that normalizes to it). */
const PRONOUN_SUFFIXES = ['هما', 'هم', 'هن', 'ها', 'كم', 'نا', 'ه'];

/** A place the corpus names through its adjective: "الإيراني" → "ايران". */
export interface AdjectivePlace {
  /** The place as normalized (ايران, العراق, امريكا, افغانستان). */
  place: string;
  /** The adjective as most often written ("الإيراني"). */
  adjective: string;
  /** Times the adjective follows a noun in the corpus. */
  uses: number;
}

export class Vocabulary {
  /** Normalized words as written (with any proclitics), and how often. */
  readonly #forms = new Map<string, number>();
  /** Normalized words read without a conjunction or preposition (بالعراق → العراق), and how often. */
  readonly #stems = new Map<string, number>();
  /** Normalized words that carry the article, without it (المؤتمر → مؤتمر), and how often. */
  readonly #definite = new Map<string, number>();
  /** Adjective of origin stem (ايران in الإيرانية) → its spellings and how often each follows a noun. */
  readonly #nisbas = new Map<string, Map<string, number>>();
  /** Normalized words written at least once with tanween ("سياسياً"): adverbs and indefinite nouns. */
  readonly #tanween = new Set<string>();
  #size = 0;

  /** Adds the words of one sentence. */
  add(words: readonly Word[]): void {
    words.forEach((w, k) => {
      const before = words[k - 1];
      if (before?.definite && joined(w) && isNisba(w)) {
        const bare = w.bareStems.find((s) => !s.startsWith('ال'));
        const base = bare?.replace(NISBA_ENDING, '');
        if (base && base.length >= 3) {
          const spellings = this.#nisbas.get(base) ?? new Map<string, number>();
          spellings.set(w.text, (spellings.get(w.text) ?? 0) + 1);
          this.#nisbas.set(base, spellings);
        }
      }
    });
    for (const w of words) {
      if (w.kind !== 'arabic') continue;
      this.#size++;
      this.#forms.set(w.norm, (this.#forms.get(w.norm) ?? 0) + 1);
      if (TANWEEN.test(w.text)) this.#tanween.add(w.norm);
      for (const stem of w.stems) {
        if (stem !== w.norm) this.#stems.set(stem, (this.#stems.get(stem) ?? 0) + 1);
      }
      if (w.definite) {
        const bare = w.bareStems.find((s) => !s.startsWith('ال'));
        if (bare && w.norm.endsWith(bare)) this.#definite.set(bare, (this.#definite.get(bare) ?? 0) + 1);
      }
    }
  }

  /** Number of Arabic words added. */
  get size(): number {
    return this.#size;
  }

  /** How often `norm` was written as a whole word. */
  count(norm: string): number {
    return this.#forms.get(norm) ?? 0;
  }

  /** How often `norm` was written, alone or after a conjunction or preposition (و، ف، ب، ل، ك). */
  occurrences(norm: string): number {
    return (this.#forms.get(norm) ?? 0) + (this.#stems.get(norm) ?? 0);
  }

  /** How often `bare` was written with the article. */
  definiteCount(bare: string): number {
    return this.#definite.get(bare) ?? 0;
  }

  /**
   * A word the corpus shows to be a common word rather than a name: a noun or adjective it writes
   * both with and without the article ("مؤتمر" / "المؤتمر", "الحدود" / "حدود"), or a form of a
   * paradigm names do not have — a pronoun suffix ("قوله" ← "قول"), an accusative alef ("مجددا"
   * ← "مجدد"), a verb's other persons ("يسيطر" / "تسيطر", "حصل" / "حصلت").
   */
  isCommonWord(word: Word): boolean {
    if (word.kind !== 'arabic') return false;
    if (word.definite) {
      const stem = word.stems.find((s) => s.startsWith('ال'));
      return stem !== undefined && this.isCommonForm(stem);
    }
    return this.isCommonForm(word.norm) || this.isInflectedForm(word);
  }

  /**
   * The normalized word is written both with and without the article, the rarer form at least a
   * quarter as often as the other ("مؤتمر" / "المؤتمر", "الشعب" / "شعب" — but not "العراق"), or
   * with a pronoun suffix ("الوطن" / "وطنه").
   */
  isCommonForm(norm: string): boolean {
    const definite = norm.startsWith('ال');
    const bare = definite ? norm.slice(2) : norm;
    const withArticle = this.definiteCount(bare);
    const without = this.occurrences(bare);
    if (bare.length >= 3 && this.occurrences(`${bare}ه`) + this.occurrences(`${bare}ها`) + this.occurrences(`${bare}هم`) > 0) {
      if (withArticle + without > 0) return true;
    }
    if (withArticle === 0 || without === 0) return false;
    return definite ? without * 4 >= withArticle : withArticle * 4 >= without;
  }

  /** Seen as a whole word or with the article. */
  #seen(norm: string): boolean {
    return this.occurrences(norm) + this.definiteCount(norm) > 0;
  }

  /**
   * Written with the article at least half as often as without: a common noun even when the bare
   * form is frequent too ("مطالب" / "المطالب"), where {@link isCommonForm}'s quarter would be too
   * eager for the words of a name (جواد، سمير).
   */
  isMostlyDefinite(word: Word): boolean {
    if (word.kind !== 'arabic' || word.definite) return false;
    return this.definiteCount(word.norm) * 2 >= Math.max(this.occurrences(word.norm), 1);
  }

  /** Written with tanween somewhere in the corpus. */
  hasTanween(norm: string): boolean {
    return this.#tanween.has(norm);
  }

  /** See {@link isCommonWord}: pronoun suffix, accusative alef, other persons of a verb. */
  isInflectedForm(word: Word): boolean {
    const n = word.norm;
    const raw = word.text.replace(/[\u064B-\u065F\u0670\u0640]/g, '');
    for (const suffix of PRONOUN_SUFFIXES) {
      if (!raw.endsWith(suffix) || n.length - suffix.length < 3) continue;
      const base = n.slice(0, -suffix.length);
      // "زيارته" ← "زيارة": ة is written ت before a suffix.
      if (this.#seen(base) || (base.endsWith('ت') && this.#seen(`${base.slice(0, -1)}ه`))) return true;
    }
    return this.isVerbOrAdverb(n);
  }

  /**
   * A normalized word the corpus shows to be a verb or an adverb: other persons of the verb
   * ("يسيطر" / "تسيطر", "ستكون" ← "تكون", "حصل" / "حصلت"), an accusative alef on a known word
   * ("مجددا" ← "مجدد"), or tanween.
   */
  isVerbOrAdverb(n: string): boolean {
    if (this.#tanween.has(n)) return true;
    if (n.endsWith('ا') && n.length >= 4 && !n.endsWith('يا') && this.#seen(n.slice(0, -1))) return true;
    if (n.length >= 4 && 'يتن'.includes(n[0]!)) {
      for (const p of 'يتن') if (p !== n[0] && this.occurrences(p + n.slice(1)) > 0) return true;
    }
    // The future: "ستكون" ← "تكون".
    if (n.length >= 5 && n[0] === 'س' && 'يتن'.includes(n[1]!) && this.occurrences(n.slice(1)) > 0) return true;
    return n.length >= 3 && this.occurrences(`${n}ت`) + this.occurrences(`${n}وا`) > 0;
  }

  /**
   * A word that reads as a preposition or conjunction plus a word the corpus uses on its own at
   * least as often ("لمكافحة" ← "مكافحة", "بإجراء" ← "إجراء"): not the start of a name.
   */
  hasCommonProclitic(word: Word, proclitics = 'وفبلك'): boolean {
    if (word.kind !== 'arabic' || !proclitics.includes(word.norm[0]!)) return false;
    const own = this.count(word.norm);
    for (const stem of word.stems) {
      if (stem === word.norm || stem.replace(/^ال/, '').length < 3) continue;
      // ب and ك go before nouns, not verbs: "كيري" is not ك + "يري".
      const prefix = word.norm.slice(0, word.norm.length - stem.length);
      if (/[بك]$/.test(prefix) && /^[يتن]/.test(stem)) continue;
      const bare = stem.startsWith('ال') ? stem.slice(2) : stem;
      if (this.count(stem) + this.definiteCount(bare) >= Math.max(own, 1)) return true;
    }
    return false;
  }

  /** A word the corpus also writes in the other gender (الأمريكي / الأمريكية): an adjective. */
  isInflected(word: Word): boolean {
    if (word.kind !== 'arabic' || word.norm.length < 4) return false;
    const other = word.norm.endsWith('ه') ? word.norm.slice(0, -1) : `${word.norm}ه`;
    return this.count(other) > 0;
  }

  /**
   * Places named through their adjective: when "X-ي" follows nouns at least `minUses` times
   * ("الرئيس الإيراني", "الحكومة الإيرانية") and the corpus also writes a place-shaped word from
   * the same stem — X, الX, Xا, Xيا or Xستان (إيران، العراق، أمريكا، روسيا، أفغانستان) — that is
   * not a common noun (الدولي → دول is, since the corpus writes both دول and الدول).
   */
  adjectivePlaces(minUses = 2): AdjectivePlace[] {
    const places: AdjectivePlace[] = [];
    for (const [base, spellings] of this.#nisbas) {
      const uses = [...spellings.values()].reduce((a, b) => a + b, 0);
      if (uses < minUses) continue;
      const forms = [`${base}ستان`, `${base}يا`, `${base}ا`, `ال${base}`, base];
      // A place is named about as often as its adjective is used; an adverb (سياسيا، سنوياً) or
      // abstract noun (الماضي → ماض) much less, or with tanween, or also with the article.
      const found = forms
        .map((form) => ({ form, n: this.occurrences(form) }))
        .filter(({ form, n }) => n >= 2 && n * 4 >= uses && !this.isCommonForm(form) && !this.isVerbOrAdverb(form))
        .sort((a, b) => b.n - a.n)[0];
      if (!found || this.isCommonForm(base) || this.isCommonForm(`ال${base}`)) continue;
      const adjective = [...spellings].sort((a, b) => b[1] - a[1])[0]![0];
      places.push({ place: found.form, adjective, uses });
    }
    return places.sort((a, b) => b.uses - a.uses);
  }
}
