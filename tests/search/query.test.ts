import { describe, expect, it } from 'vitest';
import { queryTermAsWritten, queryTermOf } from '../../src/search/analyzer.ts';
import { nameToken } from '../../src/search/name-token.ts';
import { QueryProcessor, withoutHamzaSeats } from '../../src/search/query.ts';
import { synonymsOf } from '../../src/search/synonyms.ts';

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
    expect(processor.prepare('دولة').pagefindQuery).toBe(`"${queryTermOf('دولة')}"`); // a short form: exact first
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

describe('the plan of a query', () => {
  const plan = new QueryProcessor([
    ['الإمارات العربية المتحدة', 'الإمارات'],
    ['محمد بن نايف بن عبدالعزيز', 'محمد بن نايف'],
    ['فلاديمير بوتين', 'بوتين'],
  ]);

  it('keeps a name’s own words as an alternative to its token, so the word keeps its other forms', () => {
    const prepared = plan.prepare('شهداء الامارات');
    expect(prepared.pagefindQuery).toBe(`${queryTermOf('شهداء')} ${nameToken('الإمارات')}`);
    expect(prepared.alternatives.map((a) => a.query)).toContain(`${queryTermOf('شهداء')} ${queryTermOf('الامارات')}`);
  });

  it('does not require an honorific before a name', () => {
    expect(plan.prepare('الأمير محمد بن نايف').pagefindQuery).toBe(nameToken('محمد بن نايف'));
    expect(plan.prepare('الرئيس بوتين').pagefindQuery).toBe(nameToken('بوتين'));
    expect(plan.prepare('الأمير الشاب').pagefindQuery).toContain(queryTermOf('الأمير'));
  });

  it('searches a word that begins with و ف ب ل ك both whole and without the letter', () => {
    const prepared = plan.prepare('كورونا');
    expect(prepared.pagefindQuery).toBe(queryTermOf('كورونا'));
    expect(prepared.alternatives.map((a) => a.query)).toContain(queryTermAsWritten('كورونا'));
    expect(queryTermAsWritten('كورونا')).toBe('كورونا');
    expect(queryTermAsWritten('الكورونا')).toBe('كورونا');
  });

  it('keeps the first letter of a word the site writes whole, and searches it only whole', () => {
    const withWhole = new QueryProcessor([], [queryTermAsWritten('كورونا')]);
    const prepared = withWhole.prepare('كورونا');
    expect(prepared.pagefindQuery).toBe(queryTermAsWritten('كورونا'));
    expect(prepared.alternatives).toEqual([]);
    // A proclitic on a word the list does not hold is still dropped, the word as written kept too.
    expect(withWhole.prepare('بموسكو').pagefindQuery).toBe(queryTermOf('موسكو'));
    expect(withWhole.prepare('بموسكو').alternatives.map((a) => a.query)).toContain(queryTermAsWritten('بموسكو'));
  });

  it('adds the words of the reviewed table for the same thing, weighted lower', () => {
    const prepared = plan.prepare('حريق');
    const synonym = prepared.alternatives.find((a) => a.query === queryTermOf('حرائق'));
    expect(synonym?.weight).toBeLessThan(1);
    expect(plan.prepare('باص').alternatives.map((a) => a.query)).toContain(queryTermOf('حافلة'));
  });

  it('reads a one-way entry one way only: «الظهر» brings «الظهيرة», not the reverse', () => {
    expect(synonymsOf('الظهر')).toEqual(['ظهيرة']);
    expect(synonymsOf('الظهيرة')).toEqual([]);
    expect(synonymsOf('بالحرائق')).toEqual(['حريق']);
  });

  it('joins broken plurals of common news nouns, never a title that heads half the news', () => {
    expect(synonymsOf('الصواريخ')).toEqual(['صاروخ']);
    expect(synonymsOf('المشروع')).toEqual(['مشاريع']);
    expect(synonymsOf('الأمير')).toEqual([]);
    expect(synonymsOf('رئيس')).toEqual([]);
  });

  it('lists the parts of a query of several words for the any-word fallback', () => {
    expect(plan.prepare('منع الشغل وقت الظهر').parts).toHaveLength(4);
    expect(plan.prepare('حريق').parts).toEqual([]);
  });
});

describe('the plan of a short or named query', () => {
  const plan = new QueryProcessor([['محمد بن نايف بن عبدالعزيز', 'محمد بن نايف']]);

  it('searches a form of three letters or fewer as that exact word first, its prefixes weighted low', () => {
    const prepared = plan.prepare('غرق');
    expect(prepared.pagefindQuery).toBe('"غرق"');
    expect(prepared.alternatives.find((a) => a.query === 'غرق')!.weight).toBeLessThan(0.5);
    expect(plan.prepare('حج').pagefindQuery).toBe('"حج"');
    expect(plan.prepare('العلاقات').pagefindQuery).toBe(queryTermOf('العلاقات'));
  });

  it('searches a name of several words by its words together, as a phrase; apart, they only trail', () => {
    const prepared = plan.prepare('محمد بن نايف');
    const phrase = prepared.alternatives.find((a) => a.query === '"محمد بن نايف"');
    const apart = prepared.alternatives.find((a) => a.query === ['محمد', 'بن', 'نايف'].map(queryTermOf).join(' '));
    expect(phrase?.weight).toBeGreaterThan(0.5);
    expect(apart?.weight).toBeLessThan(0.5);
  });
});

describe('a name typed without its hamza’s seat', () => {
  const seats = new QueryProcessor([['الطائف', 'محافظة الطائف'], ['إسرائيل'], ['المؤتمر الشعبي العام']]);

  it('reads «بالطايف» as the city «الطائف», not as the word whose stem it shares with «الطائفي»', () => {
    expect(withoutHamzaSeats('الطائف')).toBe('الطايف');
    expect(seats.prepare('بالطايف').pagefindQuery).toBe(nameToken('الطائف'));
    expect(seats.prepare('فعاليات الصيف في الطايف').entities).toEqual([nameToken('الطائف')]);
    expect(seats.prepare('طايف').pagefindQuery).toBe(nameToken('الطائف'));
    expect(seats.prepare('اسراييل').pagefindQuery).toBe(nameToken('إسرائيل'));
    expect(seats.prepare('الموتمر الشعبي العام').pagefindQuery).toBe(nameToken('المؤتمر الشعبي العام'));
  });

  it('never takes another entity’s own name', () => {
    const both = new QueryProcessor([['الطائف'], ['الطايف']]);
    expect(both.prepare('الطايف').pagefindQuery).toBe(nameToken('الطايف'));
    expect(both.prepare('الطائف').pagefindQuery).toBe(nameToken('الطائف'));
  });
});

describe('a nickname', () => {
  const sports = new QueryProcessor(
    [['نادي الاتحاد', 'فريق الاتحاد'], ['نادي الهلال', 'الهلال'], ['المنتخب السعودي لكرة القدم']],
    [],
    [
      ['العميد', 'نادي الاتحاد'],
      ['الزعيم', 'نادي الهلال'],
      ['الأخضر', 'المنتخب السعودي لكرة القدم'],
    ],
  );
  const ittihad = nameToken('نادي الاتحاد');

  it('stays a word, and also looks for the entity it nicknames: first where the page has both', () => {
    const prepared = sports.prepare('العميد');
    expect(prepared.pagefindQuery).toBe(queryTermOf('العميد'));
    expect(prepared.entities).toEqual([]);
    const both = prepared.alternatives.find((a) => a.query === `${queryTermOf('العميد')} ${ittihad}`);
    const entity = prepared.alternatives.find((a) => a.query === ittihad);
    expect(both?.weight).toBeGreaterThanOrEqual(1);
    expect(entity?.weight).toBeLessThan(0.5);
  });

  it('with proclitics and beside other words («فوز العميد على الزعيم»)', () => {
    const prepared = sports.prepare('فوز العميد على الزعيم');
    const queries = prepared.alternatives.map((a) => a.query);
    const forms = [queryTermOf('فوز'), queryTermOf('العميد'), queryTermOf('الزعيم')].join(' ');
    expect(prepared.pagefindQuery).toBe(forms);
    expect(queries).toContain(`${forms} ${ittihad}`);
    expect(queries).toContain(`${queryTermOf('فوز')} ${queryTermOf('الزعيم')} ${ittihad}`);
    expect(queries).toContain(`${forms} ${nameToken('نادي الهلال')}`);
    expect(sports.prepare('للأخضر').alternatives.map((a) => a.query)).toContain(nameToken('المنتخب السعودي لكرة القدم'));
  });

  it('is never read inside a name, and a name is no nickname', () => {
    expect(sports.prepare('الهلال').pagefindQuery).toBe(nameToken('الهلال'));
    expect(
      sports
        .prepare('الهلال')
        .alternatives.map((a) => a.query)
        .join(' '),
    ).not.toContain(ittihad);
    expect(
      new QueryProcessor()
        .prepare('العميد')
        .alternatives.map((a) => a.query)
        .join(' '),
    ).not.toMatch(/zq/);
  });
});
