import { describe, expect, it } from 'vitest';
import { splitLatinRuns } from '../../src/render/bidi.ts';

const ltr = (text: string) =>
  splitLatinRuns(text)
    .filter((s) => s.ltr)
    .map((s) => s.text);

describe('splitLatinRuns', () => {
  it('isolates weapon designations, agencies and road names', () => {
    expect(ltr('طائرات F-16 ومنظومة S-400 على الطريق M4')).toEqual(['F-16', 'S-400', 'M4']);
    expect(ltr('مصدر الصورة EPA')).toEqual(['EPA']);
  });
  it('keeps a multi-word Latin phrase as one run', () => {
    expect(ltr('صورة EPA/RUSSIAN FOREIGN AFFAIRS MINISTRY للقاء')).toEqual(['EPA/RUSSIAN FOREIGN AFFAIRS MINISTRY']);
  });
  it('leaves Arabic text and bare digits alone and loses no character', () => {
    const text = 'إس-400 في عام 2019، و"F-16" (EPA).';
    expect(ltr('قتل 300 ألف شخص')).toEqual([]);
    expect(
      splitLatinRuns(text)
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
  });
});
