import { describe, expect, it } from 'vitest';
import { arabicQuotes } from '../../src/render/quotes.ts';

describe('arabicQuotes', () => {
  it('turns paired straight and curly quotes into guillemets', () => {
    expect(arabicQuotes('قال "نتمنى السلام" ثم "غادر"')).toBe('قال «نتمنى السلام» ثم «غادر»');
    expect(arabicQuotes('على “تكثيف جهود مكافحة الإرهاب” في سوريا')).toBe('على «تكثيف جهود مكافحة الإرهاب» في سوريا');
  });
  it('leaves an unpaired quote as written', () => {
    expect(arabicQuotes('الطريق السريع ام4" مشيرا')).toBe('الطريق السريع ام4" مشيرا');
    expect(arabicQuotes('بلا علامات')).toBe('بلا علامات');
  });
});
