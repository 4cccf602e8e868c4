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
   * An indefinite word that the corpus also writes with the article often enough to be a common
   * noun or adjective ("مؤتمر" next to "المؤتمر"). Names that sometimes take it (حسين / الحسين)
   * are kept while the article is rare.
   */
  isCommonNoun(word: Word): boolean {
    if (word.definite || word.kind !== 'arabic') return false;
    return this.isCommonForm(word.norm);
  }

  /**
   * The normalized word is written both with and without the article, the rarer form at least a
   * quarter as often as the other: "مؤتمر" / "المؤتمر", "الشعب" / "شعب" — but not "العراق".
   */
  isCommonForm(norm: string): boolean {
    const definite = norm.startsWith('ال');
    const bare = definite ? norm.slice(2) : norm;
    const withArticle = this.definiteCount(bare);
    const without = this.occurrences(bare);
    if (withArticle === 0 || without === 0) return false;
    return definite ? without * 4 >= withArticle : withArticle * 4 >= without;
  }

  /**
   * A word that reads as a preposition or conjunction plus a word the corpus uses on its own at
   * least as often ("لمكافحة" ← "مكافحة", "بإجراء" ← "إجراء"): not the start of a name.
   */
  hasCommonProclitic(word: Word): boolean {
    if (word.kind !== 'arabic') return false;
    const own = this.count(word.norm);
    for (const stem of word.stems) {
      if (stem === word.norm || stem.replace(/^ال/, '').length < 3) continue;
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
      const found = forms
        .map((form) => ({ form, n: this.occurrences(form) }))
        .filter(({ form, n }) => n > 0 && !this.isCommonForm(form))
        .sort((a, b) => b.n - a.n)[0];
      if (!found || this.isCommonForm(base) || this.isCommonForm(`ال${base}`)) continue;
      const adjective = [...spellings].sort((a, b) => b[1] - a[1])[0]![0];
      places.push({ place: found.form, adjective, uses });
    }
    return places.sort((a, b) => b.uses - a.uses);
  }
}
