import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeArabic, normalizeArabicChar, normalizeArabicWithOffsets } from '../../src/arabic/index.ts';

describe('normalizeArabic', () => {
  const cases: ReadonlyArray<readonly [string, string, string]> = [
    // [what, input, expected]
    ['alef madda', 'آجن', 'اجن'],
    ['alef hamza above', 'أردوغان', 'اردوغان'],
    ['alef hamza below', 'إسرائيل', 'اسراءيل'],
    ['alef wasla', 'ٱلله', 'الله'],
    ['waw hamza seat', 'مسؤول', 'مسءول'],
    ['yeh hamza seat', 'مسئول', 'مسءول'],
    ['bare hamza', 'مسءول', 'مسءول'],
    ['شؤون / شئون', 'شؤون شئون', 'شءون شءون'],
    ['yeh before a bare hamza', 'شيء', 'شء'],
    ['misspelt شيء', 'شئ', 'شء'],
    ['yeh maksura + hamza', 'شاطىء', 'شاطء'],
    ['final yeh hamza', 'شاطئ', 'شاطء'],
    ['medial yeh hamza', 'رئيس', 'رءيس'],
    ['teh marbuta', 'مدرسة', 'مدرسه'],
    ['alef maksura', 'مصطفى', 'مصطفي'],
    ['harakat, shadda, tanween', 'مُحَمَّدٌ', 'محمد'],
    ['sukun, kasratan', 'نلْسونٍ', 'نلسون'],
    ['superscript alef', 'هٰذا', 'هذا'],
    ['Quranic small high marks', 'الرَّحِيمِۖ', 'الرحيم'],
    ['tatweel', 'القاهـــرة', 'القاهره'],
    ['Arabic-Indic digits', '٢٠٢٤', '2024'],
    ['Persian digits', '۱۴۰۳', '1403'],
    ['decimal and percent signs', '٣٫٥٪', '3.5%'],
    ['thousands separator', '١٬٠٠٠', '1,000'],
    ['presentation forms (contextual letters)', 'ﻣﺤﻤﺪ', 'محمد'],
    ['lam-alef ligature', 'ﻻ', 'لا'],
    ['lam-alef with hamza ligature', 'ﺍﻷﻣﻢ', 'الامم'],
    ['Allah ligature', 'ﷲ', 'الله'],
    ['isolated tanween presentation form', 'ولدﹰ', 'ولد'],
    ['RLM and LRM around a word', '\u200Fالقدس\u200E', 'القدس'],
    ['ZWNJ and ZWJ inside a word', 'محم\u200Cد\u200D', 'محمد'],
    ['bidi embedding and isolates', '\u202Bغزة\u202C \u2067رفح\u2069', 'غزه رفح'],
    ['BOM, soft hyphen, Arabic letter mark', '\uFEFFبي\u00ADروت\u061C', 'بيروت'],
    ['Persian yeh, keheh, heh goal', 'ی ک ہ', 'ي ك ه'],
    ['Persian word', 'فارسی', 'فارسي'],
    ['Afghan city', 'کابل', 'كابل'],
    ['veh', 'ڤلاديمير', 'فلاديمير'],
    ['peh and gaf', 'پوتین گاز', 'بوتين كاز'],
    ['decomposed alef + hamza', 'ا\u0654حمد', 'احمد'],
    ['decomposed waw + hamza', 'مسو\u0654ول', 'مسءول'],
    ['decomposed yeh + hamza', 'مسي\u0654ول', 'مسءول'],
    ['Latin is left alone', 'NATO Summit in Vilnius', 'NATO Summit in Vilnius'],
    ['Latin accents are left alone', 'Erdoğan, Zelensky — café', 'Erdoğan, Zelensky — café'],
    ['mixed text', 'قال أردوغانُ (Erdoğan) ٢٠٢٤.', 'قال اردوغان (Erdoğan) 2024.'],
    ['punctuation is kept', 'لماذا؟ نعم، لا؛', 'لماذا؟ نعم، لا؛'],
    ['empty string', '', ''],
  ];

  it.each(cases)('%s', (_, input, expected) => {
    expect(normalizeArabic(input)).toBe(expected);
  });

  it('makes the hamza-seat spellings of a word equal', () => {
    const forms = ['مسؤول', 'مسئول', 'مسءول', 'مَسْؤُول'];
    expect(new Set(forms.map((f) => normalizeArabic(f))).size).toBe(1);
  });

  it('keeps ؤ and ئ with foldHamzaSeats: false (Lucene behaviour), still folding alef seats', () => {
    expect(normalizeArabic('مسؤول رئيس شيء أحمد', { foldHamzaSeats: false })).toBe('مسؤول رئيس شيء احمد');
    expect(normalizeArabic('مسو\u0654ول', { foldHamzaSeats: false })).toBe('مسؤول');
  });

  it('lower-cases only on request', () => {
    expect(normalizeArabic('NATO و CNN')).toBe('NATO و CNN');
    expect(normalizeArabic('NATO و CNN', { lowercase: true })).toBe('nato و cnn');
    expect(normalizeArabic('İSTANBUL', { lowercase: true })).toBe('istanbul');
  });

  it('returns the very same string when nothing changes', () => {
    const text = 'قال الوزير اليوم';
    expect(normalizeArabic(text)).toBe(text);
    expect(normalizeArabic('plain ascii text')).toBe('plain ascii text');
  });

  it('handles text longer than its internal buffers and chunked decoding', () => {
    const unit = 'أَحْمَدُ فِي المَدْرَسَةِ ﻻ ٢٠٢٤ ';
    const long = unit.repeat(20_000);
    expect(normalizeArabic(long)).toBe('احمد في المدرسه لا 2024 '.repeat(20_000));
  });

  it('leaves astral characters and lone surrogates intact', () => {
    expect(normalizeArabic('عاجل 🔴 𝐀')).toBe('عاجل 🔴 𝐀');
    expect(normalizeArabic('أ\uD800ب')).toBe('ا\uD800ب');
  });

  const arabicish = fc.string({
    unit: fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءآأإؤئىةـًٌٍَُِّْٰ٠١٩۰۹ﻻﷲﹰﻣ\u200C\u200F\u0654ی ک ABCxyz1-.,'),
    maxLength: 40,
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(arabicish, fc.boolean(), fc.boolean(), (text, lowercase, foldHamzaSeats) => {
        const options = { lowercase, foldHamzaSeats };
        const once = normalizeArabic(text, options);
        expect(normalizeArabic(once, options)).toBe(once);
      }),
    );
  });
});

describe('normalizeArabicWithOffsets', () => {
  it('maps each normalized code unit back to the source', () => {
    const source = 'مُحمَّدٌ شيء';
    const { text, offsets } = normalizeArabicWithOffsets(source);
    expect(text).toBe('محمد شء');
    expect([...offsets]).toEqual([0, 2, 3, 6, 8, 9, 11, 12]);
    // "محمد" in the normalized text is the whole vocalized word in the source, tanween included.
    const end = text.indexOf(' ');
    expect(source.slice(offsets[0], offsets[end])).toBe('مُحمَّدٌ');
    // "شء" covers the yeh that was dropped.
    expect(source.slice(offsets[5], offsets[7])).toBe('شيء');
  });

  it('is the identity map when nothing changes', () => {
    const { text, offsets } = normalizeArabicWithOffsets('abc');
    expect(text).toBe('abc');
    expect([...offsets]).toEqual([0, 1, 2, 3]);
  });

  it('agrees with normalizeArabic and is monotonic', () => {
    const unit = fc.constantFrom(...'ابتمنهويءآأؤئىةـًٌَّْٰ١٩ﻻﷲﹰ\u200F ak-');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (source) => {
        const { text, offsets } = normalizeArabicWithOffsets(source);
        expect(text).toBe(normalizeArabic(source));
        expect(offsets).toHaveLength(text.length + 1);
        expect(offsets[text.length]).toBe(source.length);
        for (let i = 1; i < offsets.length; i++) expect(offsets[i]!).toBeGreaterThanOrEqual(offsets[i - 1]!);
      }),
    );
  });
});

describe('normalizeArabicChar', () => {
  it.each([
    ['ة', 'ه'],
    ['أ', 'ا'],
    ['ى', 'ي'],
    ['ئ', 'ء'],
    ['ً', ''],
    ['ـ', ''],
    ['\u200F', ''],
    ['٧', '7'],
    ['ﻻ', 'لا'],
    ['ﻣ', 'م'],
    ['A', 'A'],
    ['', ''],
  ])('%s → %s', (ch, expected) => {
    expect(normalizeArabicChar(ch)).toBe(expected);
  });

  it('honours options', () => {
    expect(normalizeArabicChar('A', { lowercase: true })).toBe('a');
    expect(normalizeArabicChar('ؤ', { foldHamzaSeats: false })).toBe('ؤ');
  });
});
