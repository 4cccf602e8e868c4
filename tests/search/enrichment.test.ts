import { describe, expect, it } from 'vitest';
import { queryTermOf } from '../../src/search/analyzer.ts';
import { articleEnrichment, enrichmentTerms, entityEnrichment, pagefindFold } from '../../src/search/enrichment.ts';
import { nameToken } from '../../src/search/name-token.ts';

const NAMES = [
  ['تنظيم الدولة الإسلامية', 'تنظيم الدولة', 'داعش'],
  ['منظمة التعاون الاقتصادي للبحر الأسود'],
  ['البحر الأسود'],
  ['المعارضة السورية'],
  ['بشار الأسد', 'الأسد'],
];

describe('pagefindFold', () => {
  it('folds a word as Pagefind does before stemming', () => {
    expect(pagefindFold('أنقرة،')).toBe('انقرة');
    expect(pagefindFold('مَسؤولٌ')).toBe('مسوول');
    expect(pagefindFold('F-16')).toBe('f16');
  });
});

describe('enrichmentTerms', () => {
  it('adds the forms Pagefind does not index from the text', () => {
    const terms = enrichmentTerms(['وتزامن ذلك مع فالكتاب والعلاقات وقال المسئول']);
    expect(terms).toContain(queryTermOf('كتاب'));
    expect(terms).toContain(queryTermOf('العلاقات'));
    expect(terms).toContain(queryTermOf('مسؤول'));
  });

  it('leaves out forms identical to a visible word', () => {
    expect(enrichmentTerms(['موسكو وكتاب'])).not.toContain('موسكو');
  });
});

describe('articleEnrichment', () => {
  it('gives an article the tokens of every name of the entities it mentions', () => {
    const enrichment = articleEnrichment(['وتشن موسكو غارات على تنظيم الدولة الإسلامية'], { mentioned: [NAMES[0]!] });
    expect(enrichment.entities).toContain(nameToken('داعش'));
    expect(enrichment.entities).toContain(nameToken('تنظيم الدولة'));
  });

  it('says which entities the lead names and which the article names often, in fields of their own', () => {
    const enrichment = articleEnrichment(['الأسد يلتقي وفدا. وقال إن الأسد ... ثم الأسد'], {
      mentioned: [NAMES[4]!, NAMES[0]!],
      lead: [NAMES[4]!],
      many: [NAMES[4]!],
    });
    expect(enrichment.entitiesLead).toEqual([nameToken('الأسد'), nameToken('بشار الأسد')].sort());
    expect(enrichment.entitiesMany).toEqual(enrichment.entitiesLead);
    expect(enrichment.entities).toContain(nameToken('داعش'));
  });

  it('gives no token for a multi-word name whose words the article only holds apart', () => {
    const enrichment = articleEnrichment(['استهداف المعارضة التي تسعى لإسقاط النظام على الحدود التركية السورية'], { mentioned: [] });
    expect(enrichment.terms).not.toContain(nameToken('المعارضة السورية'));
    expect(enrichment.entities).toEqual([]);
  });
});

describe('entityEnrichment', () => {
  it('names the entity page by the tokens of all its names, and leaves their words ordinary terms', () => {
    const enrichment = entityEnrichment(NAMES[0]!, ['تنظيم متطرف يجند المسلحين']);
    expect(enrichment.names).toContain(nameToken('داعش'));
    expect(enrichment.names).not.toContain(queryTermOf('الإسلامية'));
    expect(enrichment.terms).toContain(queryTermOf('الإسلامية'));
    expect(enrichment.terms).toContain(queryTermOf('مسلح'));
  });
});
