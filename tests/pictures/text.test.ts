import { describe, expect, it } from 'vitest';
import { estimateTextWidth, linesWidth, wrapLabel } from '../../src/pictures/text.ts';

describe('estimateTextWidth', () => {
  it('grows with the text and the font size, and ignores tashkeel', () => {
    expect(estimateTextWidth('حلب', 12)).toBeGreaterThan(0);
    expect(estimateTextWidth('منظمة التعاون', 12)).toBeGreaterThan(estimateTextWidth('منظمة', 12));
    expect(estimateTextWidth('حلب', 24)).toBeCloseTo(2 * estimateTextWidth('حلب', 12));
    expect(estimateTextWidth('مُحَمَّد', 12)).toBeCloseTo(estimateTextWidth('محمد', 12));
  });

  it('is within the measured range of Noto Sans Arabic at 16px (never under by more than 5 %)', () => {
    // Widths measured in Chromium (getComputedTextLength), weight 400.
    const measured: [string, number][] = [
      ['حلب', 31.7],
      ['سوتشي', 50.3],
      ['رجب طيب أردوغان', 122.4],
      ['منظمة التعاون الاقتصادي للبحر الأسود', 241.7],
      ['الولايات المتحدة', 102.7],
    ];
    for (const [text, width] of measured) expect(estimateTextWidth(text, 16), text).toBeGreaterThan(width * 0.95);
  });
});

describe('wrapLabel', () => {
  it('keeps short names on one line and breaks long ones by words, balanced', () => {
    expect(wrapLabel('حلب', 100, 13)).toEqual(['حلب']);
    const lines = wrapLabel('منظمة التعاون الاقتصادي للبحر الأسود', 120, 13);
    expect(lines).toHaveLength(2);
    expect(lines.join(' ')).toBe('منظمة التعاون الاقتصادي للبحر الأسود');
    expect(linesWidth(lines, 13)).toBeLessThan(estimateTextWidth('منظمة التعاون الاقتصادي للبحر الأسود', 13));
  });

  it('never splits a word and never exceeds the line count', () => {
    expect(wrapLabel('كلمةطويلةجدابلامسافات', 20, 13)).toEqual(['كلمةطويلةجدابلامسافات']);
    expect(wrapLabel('أ ب ت ث ج ح خ د ذ ر ز س', 10, 13, 2)).toHaveLength(2);
  });
});
