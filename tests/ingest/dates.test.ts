import { describe, expect, it } from 'vitest';
import { findDate, hijriToGregorian, parseArabicDate } from '../../src/ingest/index.ts';

describe('dates', () => {
  it('parses Gregorian dates: ISO, numeric, Arabic, Levantine and English month names, Arabic-Indic digits', () => {
    expect(parseArabicDate('2020-03-05')).toBe('2020-03-05');
    expect(parseArabicDate('٥/٣/٢٠٢٠')).toBe('2020-03-05');
    expect(parseArabicDate('۵/۳/۲۰۲۰')).toBe('2020-03-05');
    expect(parseArabicDate('30 أيلول 2021')).toBe('2021-09-30');
    expect(parseArabicDate('1 كانون الثاني 2019')).toBe('2019-01-01');
    expect(parseArabicDate('22 سبتمبر ,2021: 03:50 م GST')).toBe('2021-09-22');
    expect(parseArabicDate('الاثنين ١٠ اغسطس ٢٠١٥')).toBe('2015-08-10');
    expect(parseArabicDate('10 آب/أغسطس 2015')).toBe('2015-08-10');
    expect(parseArabicDate('Tuesday, 11 August 2015 - 16:10 pm')).toBe('2015-08-11');
    expect(parseArabicDate('August 11, 2015')).toBe('2015-08-11');
    expect(parseArabicDate('12 ماي 2019')).toBe('2019-05-12');
  });

  it('converts Hijri dates (Umm al-Qura) to Gregorian', () => {
    expect(parseArabicDate('25 شوال 1436 هـ')).toBe('2015-08-10');
    expect(parseArabicDate('5 شوال 1436')).toBe('2015-07-21');
    expect(parseArabicDate('١٤٣٦/١٠/٥ هـ')).toBe('2015-07-21');
    expect(parseArabicDate('1436/10/30هـ')).toBe('2015-08-15');
    expect(parseArabicDate('15 ذي الحجة 1436هـ')).toBe('2015-09-28');
    expect(parseArabicDate('1 محرم 1437')).toBe('2015-10-14');
    expect(hijriToGregorian(1436, 9, 29)).toBe('2015-07-16');
    // Ramadan 1436 had 29 days.
    expect(hijriToGregorian(1436, 9, 30)).toBeNull();
  });

  it('prefers the Gregorian half of a "Hijri الموافق Gregorian" pair, and keeps both as written', () => {
    expect(findDate('بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس')).toEqual({
      date: '2015-08-10',
      text: '25 شوال 1436 هـ الموافق 10 اغسطس 2015',
      index: 6,
      calendar: 'gregorian',
    });
  });

  it('rejects impossible dates and text without a full date', () => {
    expect(parseArabicDate('31 فبراير 2021')).toBeNull();
    expect(parseArabicDate('آخر تحديث:')).toBeNull();
    expect(parseArabicDate('في 6 أغسطس المقبل')).toBeNull();
    expect(parseArabicDate('مايو 2015')).toBeNull();
    expect(parseArabicDate('13/13/2015')).toBeNull();
    expect(parseArabicDate('1800-01-01')).toBeNull();
  });
});
