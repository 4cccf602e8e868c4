/**
 * Candidate splits of a word into proclitics and stem, for matching entity names inside words:
 * "وأردوغان" → و + أردوغان, "بموسكو" → ب + موسكو, "للكرملين" → ل + الكرملين, "والناتو" → وال + ناتو.
 *
 * A word may start with a conjunction (و، ف), then a preposition (ب، ل، ك), then the article (ال);
 * after ل the article loses its alef (ل + الكرملين is written للكرملين). Every combination that the
 * word starts with is a candidate; the matcher tries them against its dictionary, since nothing in
 * the letters says whether the و of "وزير" is a conjunction.
 */
import { ALEF, BEH, FEH, isIgnorable, KAF, LAM, WAW } from './chars.ts';

/** One way to read a word as proclitics + stem. */
export interface ProcliticSplit {
  /** The proclitics as written in the word (with any marks or tatweel after them), e.g. "وبالـ". */
  prefix: string;
  /**
   * The rest of the word. When the article's alef was elided after ل ("للكرملين"), it is restored
   * here ("الكرملين"), so the stem is then not a substring of the word.
   */
  stem: string;
  /** Index in the word where the stem's letters start (`prefix.length`). */
  stemStart: number;
  /** This reading has the definite article: stripped into `prefix`, or at the start of `stem`. */
  definite: boolean;
}

/** Options of {@link splitProclitics}. */
export interface SplitOptions {
  /**
   * Fewest letters a stem may keep, not counting an article at its start. Default 2: "ولد" may be
   * read as و + لد, but "والد" is never read as وال + د nor و + الد.
   */
  minStemLength?: number;
}

const MAX_PREFIX_LETTERS = 4; // e.g. و + ب + ال, ف + لل

/**
 * All candidate splits of `word`, from the longest prefix to the shortest, ending with the whole
 * word (prefix ''). For "للكرملين": لل + كرملين, ل + الكرملين (restored), ل + لكرملين, then
 * "للكرملين" itself. A split is offered only when its stem keeps at least `minStemLength` letters.
 * Works on raw or normalized words; marks and tatweel between the proclitic letters are skipped.
 */
export function splitProclitics(word: string, options?: SplitOptions): ProcliticSplit[] {
  const minStem = options?.minStemLength ?? 2;
  // The first letters of the word and the index just after each (including marks after it).
  const letters: number[] = [];
  const ends: number[] = [];
  let total = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (isIgnorable(code)) {
      // Marks after one of the collected letters belong to it (and so to the prefix).
      if (total > 0 && total === letters.length) ends[total - 1] = i + 1;
      continue;
    }
    total++;
    if (letters.length < MAX_PREFIX_LETTERS + 1) {
      letters.push(code);
      ends.push(i + 1);
    }
  }

  const splits: ProcliticSplit[] = [];
  const whole = (): ProcliticSplit => ({
    prefix: '',
    stem: word,
    stemStart: 0,
    definite: startsWithArticle(letters, 0),
  });
  if (total < minStem + 1) return [whole()];

  /** Adds the split after `count` prefix letters; `restore` prepends the elided alef of ال. */
  const add = (count: number, definite: boolean, restore: boolean) => {
    const stemStart = ends[count - 1]!;
    splits.push({
      prefix: word.slice(0, stemStart),
      stem: restore ? 'ا' + word.slice(stemStart) : word.slice(stemStart),
      stemStart,
      definite,
    });
  };
  /** Letters left after `count` prefix letters, minus `article` letters of an article kept in the stem. */
  const fits = (count: number, article: number) => total - count - article >= minStem;

  const first = letters[0];
  const conjunctions = first === WAW || first === FEH ? [1, 0] : [0];
  for (const c of conjunctions) {
    const p = letters[c];
    const prepositions = p === BEH || p === KAF || p === LAM ? [1, 0] : [0];
    for (const b of prepositions) {
      const q = c + b;
      if (b === 1 && p === LAM) {
        if (letters[q] === LAM) {
          // ل + ال written لل: the article stripped, or restored in the stem.
          if (fits(q + 1, 0)) add(q + 1, true, false);
          if (fits(q, 1)) add(q, true, true);
        }
      } else if (letters[q] === ALEF && letters[q + 1] === LAM && fits(q + 2, 0)) {
        add(q + 2, true, false);
      }
      if (q > 0) {
        const kept = startsWithArticle(letters, q);
        if (fits(q, kept ? 2 : 0)) add(q, kept, false);
      }
    }
  }
  // Longest prefix first; the sort is stable, so a restored article stays before the literal stem.
  splits.sort((a, b) => b.stemStart - a.stemStart);
  splits.push(whole());
  return splits;
}

/** Whether the letters from `at` begin with the article ال. */
function startsWithArticle(letters: readonly number[], at: number): boolean {
  return letters[at] === ALEF && letters[at + 1] === LAM;
}
