import { describe, expect, it } from 'vitest';
import { headingSlug } from '../../src/site/heading-ids.ts';

describe('heading ids of dossiers', () => {
  it('are slugs of the heading without tashkeel or punctuation, which an HTML id allows', () => {
    expect(headingSlug('خلاف لم يُحسم')).toBe('خلاف-لم-يحسم');
    expect(headingSlug('مَن يَرِدُ مع مَن؟')).toBe('من-يرد-مع-من');
    expect(headingSlug('قمة G20: «سوتشي» 2021')).toBe('قمة-g20-سوتشي-2021');
    for (const text of ['الرئيسان', 'على الخريطة', 'إدلب، بعد الاتفاق!']) expect(headingSlug(text)).toMatch(/^[\p{L}\p{N}_-]+$/u);
  });
});
