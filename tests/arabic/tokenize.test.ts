import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize, type TokenKind } from '../../src/arabic/index.ts';

/** [text, kind] of each token. */
const words = (text: string) => tokenize(text).map((t) => [t.text, t.kind] as [string, TokenKind]);

describe('tokenize', () => {
  it('returns words with offsets into the original string', () => {
    const text = 'قال الرئيسُ «أردوغان» اليوم';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['قال', 'الرئيسُ', 'أردوغان', 'اليوم']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens[2]).toEqual({ text: 'أردوغان', start: 13, end: 20, kind: 'arabic' });
  });

  it('keeps tashkeel and inner tatweel inside words', () => {
    expect(words('مُحَمَّدٌ روبرـــــت')).toEqual([
      ['مُحَمَّدٌ', 'arabic'],
      ['روبرـــــت', 'arabic'],
    ]);
  });

  it('leaves a free-standing or trailing tatweel out (dateline dashes)', () => {
    expect(words('القاهرة ـ رويترز')).toEqual([
      ['القاهرة', 'arabic'],
      ['رويترز', 'arabic'],
    ]);
    expect(words('كلمةـــ أخرى')).toEqual([
      ['كلمة', 'arabic'],
      ['أخرى', 'arabic'],
    ]);
  });

  it('reads through invisible controls inside a word but not at its edges', () => {
    const text = '\u200Fمحم\u200Cد\u200E غزة';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['محم\u200Cد', 'غزة']);
    expect(tokens[0]!.start).toBe(1);
  });

  it('joins letters and digits across a hyphen: F-16, إس-400, كوفيد-19', () => {
    expect(words('طائرات F-16 وصواريخ إس-400 ووباء كوفيد-19 والرحلة MH-17')).toEqual([
      ['طائرات', 'arabic'],
      ['F-16', 'mixed'],
      ['وصواريخ', 'arabic'],
      ['إس-400', 'mixed'],
      ['ووباء', 'arabic'],
      ['كوفيد-19', 'mixed'],
      ['والرحلة', 'arabic'],
      ['MH-17', 'mixed'],
    ]);
  });

  it('splits word-word and number-number hyphens', () => {
    expect(words('2020-2021 ما-بعد well-known')).toEqual([
      ['2020', 'number'],
      ['2021', 'number'],
      ['ما', 'arabic'],
      ['بعد', 'arabic'],
      ['well', 'latin'],
      ['known', 'latin'],
    ]);
  });

  it('keeps decimal and thousands separators inside numbers, not sentence punctuation', () => {
    expect(words('بلغ 3.5 مليار و1,000 و٣٫٥ و١٬٢٠٠ في 2024.')).toEqual([
      ['بلغ', 'arabic'],
      ['3.5', 'number'],
      ['مليار', 'arabic'],
      ['و1,000', 'mixed'],
      ['و٣٫٥', 'mixed'],
      ['و١٬٢٠٠', 'mixed'],
      ['في', 'arabic'],
      ['2024', 'number'],
    ]);
  });

  it('treats Arabic-Indic and Persian digits as numbers', () => {
    expect(words('١٢٣٤ ۱۴۰۳')).toEqual([
      ['١٢٣٤', 'number'],
      ['۱۴۰۳', 'number'],
    ]);
  });

  it('handles Latin words, apostrophes and other scripts', () => {
    expect(words("don't O’Brien Путин café")).toEqual([
      ["don't", 'latin'],
      ['O’Brien', 'latin'],
      ['Путин', 'latin'],
      ['café', 'latin'],
    ]);
  });

  it('keeps an article attached to a Latin name as one mixed token', () => {
    expect(words('قناة الـCNN')).toEqual([
      ['قناة', 'arabic'],
      ['الـCNN', 'mixed'],
    ]);
  });

  it('splits on Arabic punctuation and skips emoji', () => {
    expect(words('عاجل🔴: غزة، رفح؛ لماذا؟')).toEqual([
      ['عاجل', 'arabic'],
      ['غزة', 'arabic'],
      ['رفح', 'arabic'],
      ['لماذا', 'arabic'],
    ]);
  });

  it('reads presentation forms as Arabic letters', () => {
    expect(words('ﻣﺤﻤﺪ ﻻ')).toEqual([
      ['ﻣﺤﻤﺪ', 'arabic'],
      ['ﻻ', 'arabic'],
    ]);
  });

  it('returns nothing for empty or letterless text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' ،. — ـ ')).toEqual([]);
  });

  it('tokens are ordered, disjoint slices of the text covering every letter and digit', () => {
    const unit = fc.constantFrom(..."ابتمنهويءأؤىة ًَّـ٠١9aZ-.,'’،؟ \u200C\u200F🔴".split(''), '🔴');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 50 }), (text) => {
        const tokens = tokenize(text);
        let previousEnd = 0;
        const covered = new Uint8Array(text.length);
        for (const t of tokens) {
          expect(t.start).toBeGreaterThanOrEqual(previousEnd);
          expect(t.end).toBeGreaterThan(t.start);
          expect(text.slice(t.start, t.end)).toBe(t.text);
          covered.fill(1, t.start, t.end);
          previousEnd = t.end;
        }
        for (let i = 0; i < text.length; i++) {
          if (/[\p{L}\p{Nd}]/u.test(text[i]!) && text[i] !== 'ـ') expect(covered[i], `index ${i}`).toBe(1);
        }
      }),
    );
  });
});
