import { describe, expect, it } from 'vitest';
import { buildExcerpt } from '../../src/search/excerpt.ts';
import { Highlighter } from '../../src/search/highlight.ts';
import { QueryProcessor } from '../../src/search/query.ts';

const processor = new QueryProcessor([['تنظيم الدولة الإسلامية', 'داعش']]);
const marked = (query: string, text: string) =>
  new Highlighter(processor.prepare(query), processor).ranges(text).map((r) => text.slice(r.start, r.end));

describe('Highlighter', () => {
  it('marks the words the search matched, in any form', () => {
    expect(marked('وزير', 'قال الوزير لوزير الخارجية إن وزيرا')).toEqual(['الوزير', 'لوزير', 'وزيرا']);
    expect(marked('مسئول', 'أكد المسؤول الروسي')).toEqual(['المسؤول']);
    expect(marked('علاقات', 'تطبيع العلاقات وعلاقاتنا')).toEqual(['العلاقات', 'وعلاقاتنا']);
  });

  it('marks every name of an entity the query named', () => {
    expect(marked('داعش', 'الحرب على تنظيم الدولة الإسلامية في سوريا')).toEqual(['تنظيم الدولة الإسلامية']);
  });

  it('marks nothing for words that only share letters', () => {
    expect(marked('روسيا', 'من جهة أخرى')).toEqual([]);
  });
});

describe('buildExcerpt', () => {
  const text = Array.from({ length: 80 }, (_, i) => (i === 50 ? 'العلاقات' : `كلمة${i}`)).join(' ');
  it('cuts the text around the highlighted words, marked', () => {
    const parts = buildExcerpt(text, new Highlighter(processor.prepare('علاقات'), processor).ranges(text), 20)!;
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['العلاقات']);
    expect(parts[0]!.text.startsWith('…')).toBe(true);
    expect(
      parts
        .map((p) => p.text)
        .join('')
        .split(' ').length,
    ).toBeLessThanOrEqual(23);
  });

  it('gives nothing when nothing is highlighted', () => {
    expect(buildExcerpt(text, [], 20)).toBeNull();
  });
});
