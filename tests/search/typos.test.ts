import { describe, expect, it } from 'vitest';
import {
  correction,
  editCost,
  hasArticle,
  readVocabulary,
  shownSpelling,
  vocabularyKey,
  withArticleOf,
  writeVocabulary,
} from '../../src/search/typos.ts';

/** A vocabulary as the site serves it: keys folded like `vocabularyKey`. */
const known = new Map(
  (
    [
      ['بوتين', 40],
      ['الإسرائيلي', 120],
      ['إسرائيل', 300],
      ['الاحتلال', 80],
      ['وتبني', 3],
      ['عكاظ', 50],
      ['مكتب', 90],
      ['مكتبة', 30],
    ] as const
  ).map(([word, count]) => [vocabularyKey(word), count]),
);

describe('editCost', () => {
  it('charges one edit, less for keyboard neighbours and confused letters, and 2 beyond one edit', () => {
    expect(editCost('بوتين', 'بوتين')).toBe(0);
    expect(editCost('بوتبن', 'بوتين')).toBeLessThan(1); // ب and ي are neighbours
    expect(editCost('عكاض', 'عكاظ')).toBeLessThan(1); // ض and ظ are confused
    expect(editCost('اسراءلي', 'اسراءيلي')).toBe(0.9); // a letter dropped
    expect(editCost('اسراءيلي', 'اسراءلي')).toBe(1); // a letter added
    expect(editCost('بوتني', 'بوتين')).toBe(1); // two swapped
    expect(editCost('بوتين', 'بايدن')).toBe(2);
  });
});

describe('correction', () => {
  it('corrects a word the site does not know to the known word one edit away', () => {
    expect(correction('بوتبن', known)).toBe('بوتين');
    expect(correction('الاسرائلي', known)).toBe(vocabularyKey('إسرائيلي'));
    expect(correction('عكاض', known)).toBe('عكاظ');
  });

  it('leaves known words and short words alone', () => {
    expect(correction('الاحتلال', known)).toBeNull();
    expect(correction('مكتب', known)).toBeNull();
    expect(correction('بوت', known)).toBeNull();
  });

  it('keys words without the article, a conjunction or the letter folding', () => {
    expect(vocabularyKey('والإسرائيلي')).toBe(vocabularyKey('إسرائيلي'));
    expect(vocabularyKey('والإسرائيلي')).not.toMatch(/^(?:و|ال)/);
    expect(vocabularyKey('مكتبة')).toBe('مكتبه');
  });
});

describe('shownSpelling', () => {
  const key = vocabularyKey('الإسرائيلي');
  it('offers the spelling the site writes most, not the folded key', () => {
    const written = new Map([
      ['الإسرائيلي', 40],
      ['الاسرائيلي', 12],
      ['إسرائيلي', 9],
    ]);
    expect(key).toBe('اسراءيلي');
    expect(shownSpelling(key, written)).toBe('الإسرائيلي');
  });
  it('prefers a spelling with no proclitic but the article, however often the others are written', () => {
    const written = new Map([
      ['والإسرائيلي', 90],
      ['بالإسرائيلي', 60],
      ['إسرائيلي', 3],
    ]);
    expect(shownSpelling(key, written)).toBe('إسرائيلي');
    // Only spellings with a conjunction: the most written of them.
    expect(
      shownSpelling(
        key,
        new Map([
          ['والإسرائيلي', 2],
          ['بالإسرائيلي', 5],
        ]),
      ),
    ).toBe('بالإسرائيلي');
  });
});

describe('withArticleOf', () => {
  it('gives the offered spelling the article exactly when the typed word has it', () => {
    expect(withArticleOf('الاسرائلي', 'إسرائيلي')).toBe('الإسرائيلي');
    expect(withArticleOf('اسرائلي', 'الإسرائيلي')).toBe('إسرائيلي');
    expect(withArticleOf('الاسرائلي', 'الإسرائيلي')).toBe('الإسرائيلي');
    expect(withArticleOf('بوتبن', 'بوتين')).toBe('بوتين');
  });
});

describe('the article', () => {
  it('is found alone or after a conjunction or preposition, and not in a word that only starts like it', () => {
    expect(hasArticle('الاسرائلي')).toBe(true);
    expect(hasArticle('والاسرائلي')).toBe(true);
    expect(hasArticle('للسعودية')).toBe(true);
    expect(hasArticle('اسرائلي')).toBe(false);
    expect(hasArticle('الى')).toBe(false); // too short to carry it
  });
  it('keeps a word typed with it from being corrected to a word the site never writes with it', () => {
    const words = new Map([[vocabularyKey('يمكن'), 500]]);
    expect(correction('اليمبن', words)).toBe('يمكن');
    expect(correction('اليمبن', words, new Set(['يمكن']))).toBeNull();
    // Typed without the article, the same word may be meant.
    expect(correction('يمبن', words, new Set(['يمكن']))).toBe('يمكن');
  });
});

describe('the vocabulary file', () => {
  it('reads back what was written: counts by key, the spellings shown, the keys never definite', () => {
    const rows = [
      [vocabularyKey('السعودية'), 900],
      [vocabularyKey('يمكن'), 500],
      [vocabularyKey('الإسرائيلي'), 120],
      [vocabularyKey('بوتين'), 40],
    ] as const;
    const spellings = new Map([
      [vocabularyKey('السعودية'), 'السعودية'],
      [vocabularyKey('الإسرائيلي'), 'الإسرائيلي'],
    ]);
    const never = new Set([vocabularyKey('يمكن'), vocabularyKey('بوتين')]);
    const file = writeVocabulary(
      rows,
      (key) => spellings.get(key) ?? key,
      (key) => !never.has(key),
    );
    // Stored by spelling, most frequent first; the never-definite ones as gaps between positions.
    expect(Object.keys(file.words)).toEqual(['السعودية', 'يمكن', 'الإسرائيلي', 'بوتين']);
    expect(file.neverDefinite).toEqual([1, 2]);
    const read = readVocabulary(JSON.parse(JSON.stringify(file)));
    expect([...read.counts]).toEqual(rows.map(([k, n]) => [k, n]));
    expect(read.shown?.get(vocabularyKey('الإسرائيلي'))).toBe('الإسرائيلي');
    expect(read.shown?.has(vocabularyKey('بوتين'))).toBe(false);
    expect([...(read.neverDefinite ?? [])].sort()).toEqual([...never].sort());
    // A missing or empty file reads as no vocabulary.
    expect(readVocabulary({}).counts.size).toBe(0);
  });
});
