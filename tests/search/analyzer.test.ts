import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexTermsOf, indexTermsOfTexts, queryTermAsWritten, queryTermOf, queryTerms, wholeWordForms } from '../../src/search/analyzer.ts';

describe('queryTermOf', () => {
  it.each([
    // The cases: article, plural, hamza seats, alef maqsura.
    ['الوزير', 'وزير'],
    ['وزير', 'وزير'],
    ['العلاقات', 'علاق'],
    ['علاقات', 'علاق'],
    ['مسؤول', 'مسءول'],
    ['مسئول', 'مسءول'],
    ['مَسْؤُولٌ', 'مسءول'],
    ['الأخرى', 'اخر'],
    ['اخري', 'اخر'],
    ['سوتشى', 'سوتش'],
    ['سوتشي', 'سوتش'],
    // Proclitics with the article are always dropped...
    ['والكتاب', 'كتاب'],
    ['للكرملين', 'كرمل'],
    ['بالكرملين', 'كرمل'],
    // ... a lone conjunction or preposition only when four letters or more remain.
    ['وأردوغان', 'اردوغ'],
    ['بموسكو', 'موسكو'],
    ['بإدلب', 'ادلب'],
    ['كتاب', 'كتاب'],
    ['بيان', 'بيان'],
    // Digits and Latin are normalized, not stemmed.
    ['٢٠١٩', '2019'],
    ['F-16', 'f-16'],
  ])('%s → %s', (word, form) => {
    expect(queryTermOf(word)).toBe(form);
  });

  it('never leaves a two-letter stem of a longer word (it would prefix-match half the index)', () => {
    for (const word of ['بيان', 'بيانات', 'لبنان', 'بوتين', 'الله', 'قمة']) expect(queryTermOf(word).length).toBeGreaterThanOrEqual(3);
  });
});

describe('indexTermsOf', () => {
  it('makes a word findable by the query form of its stem under any proclitics', () => {
    // The issue: كتاب must find والكتاب, فالكتاب and لكتاب.
    for (const word of ['كتاب', 'الكتاب', 'والكتاب', 'فالكتاب', 'لكتاب', 'بالكتاب', 'للكتاب', 'وللكتاب']) {
      expect(indexTermsOf(word), word).toContain(queryTermOf('كتاب'));
      expect(indexTermsOf(word), word).toContain(queryTermOf('الكتاب'));
    }
    // وزير must find الوزير and لوزير, and الوزير must find وزير.
    for (const word of ['وزير', 'الوزير', 'لوزير', 'للوزير', 'والوزير']) {
      expect(indexTermsOf(word), word).toContain(queryTermOf('وزير'));
      expect(indexTermsOf(word), word).toContain(queryTermOf('الوزير'));
    }
  });

  it('meets every clitic form of a query against every clitic form in the text', () => {
    const lexemes = ['علاقات', 'حكومة', 'منتجع', 'مسؤول', 'موسكو', 'أردوغان', 'عقوبة', 'معارضة', 'اتفاقيات', 'وزارة'];
    const clitics = ['', 'و', 'ف', 'ب', 'ل', 'ال', 'وال', 'فال', 'بال', 'لل', 'وبال', 'ولل'];
    for (const x of lexemes) {
      const wanted = [x, 'ال' + x].map(queryTermOf);
      for (const p of clitics) {
        const written = p.endsWith('لل') ? p + x : p + x;
        for (const form of wanted) expect(indexTermsOf(written), `${written} ∌ ${form}`).toContain(form);
      }
    }
  });

  it('always contains the word’s own query form', () => {
    const arabicWord = fc
      .array(fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآؤئىة'), { minLength: 1, maxLength: 9 })
      .map((letters) => letters.join(''));
    fc.assert(
      fc.property(arabicWord, (word) => indexTermsOf(word).has(queryTermOf(word))),
      { numRuns: 2000 },
    );
  });
});

describe('queryTerms', () => {
  it('drops stop words unless nothing else is left', () => {
    expect(queryTerms('العلاقات بين روسيا وتركيا')).toEqual(['علاق', 'روسيا', 'تركيا']);
    expect(queryTerms('في من')).toEqual(['في', 'من']);
  });
});

describe('indexTermsOfTexts', () => {
  it('collects the forms of every word but stop words', () => {
    const forms = indexTermsOfTexts(['التقى الوزيران في موسكو', 'فالكتاب']);
    expect(forms).toContain('كتاب');
    expect(forms).toContain('موسكو');
    expect(forms).not.toContain('في');
  });
});

describe('wholeWordForms', () => {
  // Counts as a headline vocabulary gives them: words as written, how often.
  const counts: [string, number][] = [
    ['كورونا', 6],
    ['بكورونا', 1],
    ['بريطانيا', 4],
    ['موسكو', 9],
    ['بموسكو', 2],
    ['وزير', 30],
    ['فيروس', 1],
  ];

  it('keeps a word whose first letter is no proclitic: written whole more often than the rest', () => {
    const whole = wholeWordForms(counts);
    expect(whole).toContain(queryTermAsWritten('كورونا'));
    expect(whole).toContain(queryTermAsWritten('بريطانيا'));
  });

  it('leaves out a proclitic + a commoner word, a word seen once, and words the query never splits', () => {
    const whole = wholeWordForms(counts);
    expect(whole).not.toContain(queryTermAsWritten('بموسكو'));
    expect(whole).not.toContain(queryTermAsWritten('فيروس'));
    // «وزير» keeps its و anyway (fewer than four letters would remain), so it needs no entry.
    expect(whole).not.toContain(queryTermAsWritten('وزير'));
    expect(wholeWordForms([])).toEqual([]);
  });
});
