import { describe, expect, it } from 'vitest';
import { mergeCoverage, mergeWeighted, runPlan, type ScoredResponse } from '../../src/search/plan.ts';
import type { PreparedQuery } from '../../src/search/query.ts';

const response = (...results: [string, number][]): ScoredResponse<{ id: string; score: number }> => ({
  results: results.map(([id, score]) => ({ id, score })),
});
const ids = (results: { id: string }[]) => results.map((r) => r.id);

describe('mergeWeighted', () => {
  it('ranks a page both queries find before one only one finds, by weighted sums', () => {
    const merged = mergeWeighted([
      { response: response(['a', 3], ['b', 2]), weight: 1 },
      { response: response(['b', 4], ['c', 10]), weight: 0.5 },
    ]);
    expect(ids(merged)).toEqual(['c', 'b', 'a']);
    expect(merged.find((r) => r.id === 'b')?.score).toBe(4);
  });

  it('survives a query that found nothing', () => {
    expect(
      ids(
        mergeWeighted([
          { response: null, weight: 1 },
          { response: response(['a', 1]), weight: 1 },
        ]),
      ),
    ).toEqual(['a']);
  });
});

describe('mergeCoverage', () => {
  it('puts the pages holding more of the query first, leaving out those already found', () => {
    const merged = mergeCoverage([response(['a', 1], ['b', 5], ['x', 9]), response(['a', 1], ['c', 9])], new Set(['x']));
    expect(ids(merged)).toEqual(['a', 'c', 'b']);
  });
});

describe('runPlan', () => {
  const prepared = (over: Partial<PreparedQuery>): PreparedQuery => ({
    text: 'q',
    pagefindQuery: 'main',
    alternatives: [],
    parts: [],
    terms: [],
    entities: [],
    words: [],
    exact: false,
    ...over,
  });
  const searches = (table: Record<string, ScoredResponse<{ id: string; score: number }>>) => {
    const asked: string[] = [];
    return {
      asked,
      search: async (q: string) => {
        asked.push(q);
        return table[q] ?? response();
      },
    };
  };

  it('merges the alternatives with the main query', async () => {
    const { search } = searches({ main: response(['a', 1]), alt: response(['b', 4], ['a', 1]) });
    const found = await runPlan(prepared({ alternatives: [{ query: 'alt', weight: 0.5 }] }), search, { sorted: false });
    expect(ids(found!.results)).toEqual(['b', 'a']);
  });

  it('finds the pages holding some of the words when the whole query finds none', async () => {
    const { search, asked } = searches({ w1: response(['b', 1], ['c', 1]), w2: response(['c', 1]) });
    const found = await runPlan(prepared({ parts: ['w1', 'w2'] }), search, { sorted: false });
    expect(ids(found!.results)).toEqual(['c', 'b']);
    expect(asked).toEqual(['main', 'w1', 'w2']);
  });

  it('keeps Pagefind’s order for a date-sorted search: only the main query runs', async () => {
    const { search, asked } = searches({ main: response(['a', 1]) });
    await runPlan(prepared({ alternatives: [{ query: 'alt', weight: 1 }], parts: ['w1', 'w2'] }), search, { sorted: true });
    expect(asked).toEqual(['main']);
  });
});
