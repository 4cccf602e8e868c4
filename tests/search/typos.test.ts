import { describe, expect, it } from 'vitest';
import { correction, editCost, vocabularyKey } from '../../src/search/typos.ts';

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
