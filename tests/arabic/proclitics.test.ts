import { describe, expect, it } from 'vitest';
import { normalizeArabic, splitProclitics } from '../../src/arabic/index.ts';

/** Splits as "prefix|stem", a trailing * marking a definite reading. */
const splits = (word: string, minStemLength?: number) =>
  splitProclitics(word, minStemLength === undefined ? undefined : { minStemLength }).map(
    (s) => `${s.prefix}|${s.stem}${s.definite ? '*' : ''}`,
  );

describe('splitProclitics', () => {
  it.each([
    ['وأردوغان', ['و|أردوغان', '|وأردوغان']],
    ['بموسكو', ['ب|موسكو', '|بموسكو']],
    ['لكتاب', ['ل|كتاب', '|لكتاب']],
    ['كالعادة', ['كال|عادة*', 'ك|العادة*', '|كالعادة']],
    ['الكرملين', ['ال|كرملين*', '|الكرملين*']],
    ['والناتو', ['وال|ناتو*', 'و|الناتو*', '|والناتو']],
    ['فالكتاب', ['فال|كتاب*', 'ف|الكتاب*', '|فالكتاب']],
    ['بالقاهرة', ['بال|قاهرة*', 'ب|القاهرة*', '|بالقاهرة']],
    // ل + الكرملين is written للكرملين: the article's alef is restored in the second reading.
    ['للكرملين', ['لل|كرملين*', 'ل|الكرملين*', 'ل|لكرملين', '|للكرملين']],
    // ... while ل + لبنان is also written للبنان: the literal reading is offered too.
    ['للبنان', ['لل|بنان*', 'ل|البنان*', 'ل|لبنان', '|للبنان']],
    ['وللأمم', ['ولل|أمم*', 'ول|الأمم*', 'ول|لأمم', 'و|للأمم', '|وللأمم']],
    ['فللمرة', ['فلل|مرة*', 'فل|المرة*', 'فل|لمرة', 'ف|للمرة', '|فللمرة']],
    ['وبالصين', ['وبال|صين*', 'وب|الصين*', 'و|بالصين', '|وبالصين']],
    ['وبموسكو', ['وب|موسكو', 'و|بموسكو', '|وبموسكو']],
    ['فبغداد', ['فب|غداد', 'ف|بغداد', '|فبغداد']],
    ['ولروسيا', ['ول|روسيا', 'و|لروسيا', '|ولروسيا']],
    // وكالة: وك + الة would leave one letter after the article, so only و + كالة is offered.
    ['وكالة', ['و|كالة', '|وكالة']],
    ['فرنسا', ['ف|رنسا', '|فرنسا']],
    ['موسكو', ['|موسكو']],
  ])('%s', (word, expected) => {
    expect(splits(word)).toEqual(expected);
  });

  it('is conservative: no stem shorter than two letters (by default)', () => {
    expect(splits('وله')).toEqual(['و|له', '|وله']);
    expect(splits('بك')).toEqual(['|بك']);
    expect(splits('والد')).toEqual(['|والد']);
    expect(splits('بال')).toEqual(['|بال']);
    expect(splits('')).toEqual(['|']);
  });

  it('takes the minimum stem length as an option', () => {
    expect(splits('وزير', 3)).toEqual(['و|زير', '|وزير']);
    expect(splits('وزير', 4)).toEqual(['|وزير']);
    expect(splits('بك', 1)).toEqual(['ب|ك', '|بك']);
  });

  it('skips marks and tatweel between proclitics and keeps them in the prefix', () => {
    expect(splits('وَأَردوغان')).toEqual(['وَ|أَردوغان', '|وَأَردوغان']);
    expect(splits('الـCNN')).toEqual(['الـ|CNN*', '|الـCNN*']);
    expect(splits('بِالْقاهرة')).toEqual(['بِالْ|قاهرة*', 'بِ|الْقاهرة*', '|بِالْقاهرة']);
  });

  it('gives the stem position in the word', () => {
    for (const word of ['وبالصين', 'للكرملين', 'وَأَردوغان', 'موسكو']) {
      for (const split of splitProclitics(word)) {
        expect(split.prefix).toBe(word.slice(0, split.stemStart));
        const rest = word.slice(split.stemStart);
        expect(split.stem === rest || split.stem === 'ا' + rest).toBe(true);
      }
    }
  });

  it('works the same on normalized words', () => {
    expect(splits(normalizeArabic('للكرملين'))).toEqual(['لل|كرملين*', 'ل|الكرملين*', 'ل|لكرملين', '|للكرملين']);
    expect(splits(normalizeArabic('وأردوغان'))).toEqual(['و|اردوغان', '|واردوغان']);
  });
});
