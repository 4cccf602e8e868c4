import { describe, expect, it } from 'vitest';
import {
  analyzeArabic,
  ARABIC_STOPWORDS,
  LUCENE_ARABIC_STOPWORDS,
  stemArabic,
  stemArabicPrefix,
  stemArabicSuffix,
} from '../../src/arabic/index.ts';

describe('stemArabic (Lucene ArabicStemmer)', () => {
  it.each([
    ['الحسن', 'حسن'],
    ['بالكتاب', 'كتاب'],
    ['للاخر', 'اخر'],
    ['المفاوضات', 'مفاوض'],
    ['مدرسه', 'مدرس'],
  ])('%s → %s', (word, expected) => {
    expect(stemArabic(word)).toBe(expected);
  });

  it('strips و only when three letters remain', () => {
    expect(stemArabic('وزير')).toBe('زير');
    expect(stemArabic('ولد')).toBe('ولد');
  });

  it('strips at most one prefix, the first in Lucene order', () => {
    expect(stemArabicPrefix('والكتاب')).toBe('كتاب');
    expect(stemArabicPrefix('ووالد')).toBe('والد');
    expect(stemArabicPrefix('الو')).toBe('الو');
  });

  it('tries each suffix once, in order, keeping two letters', () => {
    expect(stemArabicSuffix('امريكيين')).toBe('امريك'); // ين then ي
    expect(stemArabicSuffix('ساهدهات')).toBe('ساهد'); // ات then ه
    expect(stemArabicSuffix('بيه')).toBe('بي'); // يه would leave one letter; ه leaves two
    expect(stemArabicSuffix('به')).toBe('به');
  });

  it('leaves non-Arabic and empty tokens alone', () => {
    expect(stemArabic('English')).toBe('English');
    expect(stemArabic('2024')).toBe('2024');
    expect(stemArabic('')).toBe('');
  });
});

describe('analyzeArabic', () => {
  it('tokenizes, lower-cases, normalizes, drops stop words and stems', () => {
    expect(analyzeArabic('قال الرئيس إن المفاوضات مع الأمريكيين في الدوحة ستستأنف')).toEqual([
      'قال',
      'رءيس',
      'مفاوض',
      'امريك',
      'دوح',
      'ستستانف',
    ]);
  });

  it('gives the same terms for spelling variants of one word', () => {
    const variants = ['المسؤولين', 'المسئولين', 'والمسؤولين', 'المَسْؤُولِين'];
    const terms = variants.map((v) => analyzeArabic(v));
    expect(terms[0]).toEqual(['مسءول']);
    for (const t of terms) expect(t).toEqual(terms[0]);
  });

  it('turns digits of any script into ASCII terms', () => {
    // "و1403" is one token; like Lucene, the stemmer then strips its و.
    expect(analyzeArabic('عام ٢٠٢٤ و۱۴۰۳')).toEqual(['عام', '2024', '1403']);
  });

  it('accepts another stop-word set', () => {
    expect(analyzeArabic('في غزة', { stopwords: new Set() })).toEqual(['في', 'غز']);
  });
});

describe('stop words', () => {
  it('ships Lucene’s list and its normalized form', () => {
    expect(LUCENE_ARABIC_STOPWORDS).toHaveLength(119);
    expect(LUCENE_ARABIC_STOPWORDS).toContain('الذين');
    expect(ARABIC_STOPWORDS.has('ان')).toBe(true); // from أن / إن / ان
    expect(ARABIC_STOPWORDS.has('أن')).toBe(false); // the set holds normalized forms only
  });
});
