import { describe, expect, it } from 'vitest';
import { queryTermOf } from '../../src/search/analyzer.ts';
import { nameToken } from '../../src/search/name-token.ts';
import { QueryProcessor } from '../../src/search/query.ts';

const processor = new QueryProcessor([
  ['تنظيم الدولة الإسلامية', 'تنظيم الدولة', 'داعش'],
  ['مولود جاويش أوغلو', 'جاويش أوغلو', 'تشاويش أوغلو'],
  ['سوتشي'],
  ['الكرملين', 'الكريلمن'],
]);

describe('QueryProcessor', () => {
  it('searches an entity name as its token, with proclitics and any folded spelling', () => {
    expect(processor.prepare('داعش').pagefindQuery).toBe(nameToken('داعش'));
    expect(processor.prepare('وبداعش').pagefindQuery).toBe(nameToken('داعش'));
    expect(processor.prepare('جاويش اوغلو').pagefindQuery).toBe(nameToken('جاويش أوغلو'));
    expect(processor.prepare('تنظيم الدولة الإسلامية').entities).toEqual([nameToken('تنظيم الدولة الإسلامية')]);
  });

  it('knows a one-word name typed without its article', () => {
    expect(processor.prepare('كرملين').pagefindQuery).toBe(nameToken('الكرملين'));
    expect(processor.prepare('دولة').pagefindQuery).toBe(queryTermOf('دولة'));
  });

  it('searches other words by their query forms, without stop words', () => {
    const prepared = processor.prepare('قمة في سوتشى والعلاقات');
    expect(prepared.pagefindQuery).toBe([queryTermOf('قمة'), nameToken('سوتشي'), queryTermOf('العلاقات')].join(' '));
    expect(prepared.terms).toEqual([queryTermOf('قمة'), queryTermOf('العلاقات')]);
  });

  it('knows every name of the entity a name stands for', () => {
    expect(processor.namesOf(nameToken('داعش'))).toContain('تنظيم الدولة الإسلامية');
  });

  it('leaves a quoted phrase to Pagefind’s exact search', () => {
    const prepared = processor.prepare('"مجلس الأمن"');
    expect(prepared).toMatchObject({ pagefindQuery: '"مجلس الأمن"', exact: true });
  });

  it('searches a query of stop words only as typed forms', () => {
    expect(processor.prepare('من في').pagefindQuery).toBe('من في');
  });
});
