import { describe, expect, it } from 'vitest';
import { EntityMatcher } from '../../src/entities/matcher.ts';
import { queryTermOf } from '../../src/search/analyzer.ts';
import {
  articleEnrichment,
  enrichmentTerms,
  entityEnrichment,
  multiWordNames,
  namesWrittenIn,
  pagefindFold,
} from '../../src/search/enrichment.ts';
import { nameToken } from '../../src/search/name-token.ts';

const NAMES = [
  ['تنظيم الدولة الإسلامية', 'تنظيم الدولة', 'داعش'],
  ['منظمة التعاون الاقتصادي للبحر الأسود'],
  ['البحر الأسود'],
  ['المعارضة السورية'],
  ['بشار الأسد', 'الأسد'],
];
const matcher = new EntityMatcher(NAMES.flat().map((name) => ({ id: nameToken(name), names: [name] })));
const findNames = (text: string) => matcher.findMentions(text);

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

describe('namesWrittenIn', () => {
  it('finds names inside longer names', () => {
    const tokens = namesWrittenIn('على هامش قمة منظمة التعاون الاقتصادي للبحر الأسود', findNames);
    expect(tokens).toEqual(new Set([nameToken('منظمة التعاون الاقتصادي للبحر الأسود'), nameToken('البحر الأسود')]));
  });

  it('keeps the linker’s rules: no name read out of an ordinary word', () => {
    expect(namesWrittenIn('وقال إن الوضع فاسد', findNames).size).toBe(0);
  });
});

describe('articleEnrichment', () => {
  it('gives an article the tokens of every name of the entities it mentions', () => {
    const enrichment = articleEnrichment(['وتشن موسكو غارات على تنظيم الدولة الإسلامية'], {
      mentioned: [NAMES[0]!],
      findNames,
    });
    expect(enrichment.entities).toContain(nameToken('داعش'));
    expect(enrichment.entities).toContain(nameToken('تنظيم الدولة'));
  });

  it('gives it the token of a multi-word name whose words it contains apart', () => {
    const enrichment = articleEnrichment(['استهداف المعارضة التي تسعى لإسقاط النظام على الحدود التركية السورية'], {
      mentioned: [],
      wordedNames: multiWordNames(NAMES),
      findNames,
    });
    expect(enrichment.terms).toContain(nameToken('المعارضة السورية'));
    expect(enrichment.terms).not.toContain(nameToken('البحر الأسود'));
    expect(enrichment.entities).toEqual([]);
  });
});

describe('entityEnrichment', () => {
  it('names the entity page by the tokens and forms of all its names', () => {
    const enrichment = entityEnrichment(NAMES[0]!, ['تنظيم متطرف يجند المسلحين']);
    expect(enrichment.names).toContain(nameToken('داعش'));
    expect(enrichment.names).toContain(queryTermOf('الإسلامية'));
    expect(enrichment.terms).toContain(queryTermOf('مسلح'));
  });
});
