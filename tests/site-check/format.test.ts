import { describe, expect, it } from 'vitest';
import { formatDate, formatHijri, isoDate } from '../../src/site-core/format.ts';

describe('dates for readers', () => {
  const day = new Date('2016-07-01T00:00:00Z');
  it('formats the Gregorian date in Arabic with Latin digits, as the articles write them', () => {
    expect(formatDate(day)).toBe('1 يوليو 2016');
  });
  it('gives the same day in the Umm al-Qura Hijri calendar', () => {
    expect(formatHijri(day)).toBe('26 رمضان 1437 هـ');
  });
  it('keeps a machine-readable ISO date', () => {
    expect(isoDate(day)).toBe('2016-07-01');
  });
});
