import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planShards, type PlannedArticle, type ShardGroup } from '../../src/search/shard-plan.ts';

/** `count` articles dated `day`, ids prefixed by the day so they are unique. */
const day = (date: string, count: number): PlannedArticle[] =>
  Array.from({ length: count }, (_, i) => ({ id: `${date}-${String(i).padStart(5, '0')}`, published: date }));
const summary = (groups: ShardGroup[]) => groups.map((g) => [g.label, g.articles.length]);

describe('search shards by date (planShards)', () => {
  it('keeps a site of no more than one shard in one group, undated articles included', () => {
    const plan = planShards([...day('2015-07-21', 3), { id: 'x', published: null }], 4);
    expect(summary(plan.primary)).toEqual([['all', 4]]);
    expect(plan.older).toEqual([]);
  });

  it('cuts a period that holds too many into quarters, months, ten days and days, and merges neighbours while they fit', () => {
    const articles = [
      ...day('2014-03-02', 2),
      ...day('2014-11-30', 1),
      ...day('2015-05-10', 1),
      ...day('2015-07-21', 4),
      ...day('2015-07-22', 3),
      ...day('2015-07-23', 1),
      ...day('2015-08-01', 2),
      ...day('2015-08-12', 2),
    ];
    const plan = planShards(articles, 5);
    // 2014 (3) fits; 2015 (13) is cut: Q2 (1) fits; Q3 (12) is cut into July (8, cut) and August (4);
    // July's days 21–31 (8) are cut into days: the 21st (4) alone, the 22nd and 23rd together (4).
    expect(summary([...plan.primary, ...plan.older])).toEqual([
      ['2015-08-01_2015-08-31', 4],
      ['2015-07-22_2015-07-23', 4],
      ['2015-07-21', 4],
      ['2015-04-01_2015-06-30', 1],
      ['2014-01-01_2014-12-31', 3],
    ]);
    // The primary has the newest group and as many more as fit in one shard (5): one here (4 + 4).
    expect(plan.primary.map((g) => g.label)).toEqual(['2015-08-01_2015-08-31']);
    expect(plan.primary[0]!.from).toBe('2015-08-01');
    expect(plan.primary[0]!.to).toBe('2015-08-31');
  });

  it('gives the primary the newest groups while together they fit in one shard, and never more', () => {
    const plan = planShards([...day('2015-07-21', 2), ...day('2015-07-22', 2), ...day('2015-07-23', 1), ...day('2015-07-24', 5)], 5);
    // The 24th alone is a whole shard: the primary is that day only, however few articles follow.
    expect(summary(plan.primary)).toEqual([['2015-07-24', 5]]);
    const next = planShards([...day('2015-07-21', 5), ...day('2015-07-22', 2), ...day('2015-07-23', 1)], 5);
    expect(summary(next.primary)).toEqual([['2015-07-22_2015-07-23', 3]]);
    expect(summary(next.older)).toEqual([['2015-07-21', 5]]);
  });

  it('keeps a day of more articles than a shard whole, and puts undated articles last, by id, in blocks', () => {
    const undated = ['u3', 'u1', 'u2'].map((id) => ({ id, published: null }));
    const plan = planShards([...day('2015-07-21', 7), ...undated], 2);
    expect(summary([...plan.primary, ...plan.older])).toEqual([
      ['2015-07-21', 7],
      ['undated-1', 2],
      ['undated-2', 1],
    ]);
    expect(plan.older[0]!.articles.map((a) => a.id)).toEqual(['u1', 'u2']);
  });

  it('ends months, ten days and quarters on their last day, leap years included', () => {
    const dates = ['2016-01-05', '2016-02-29', '2016-04-02', '2016-04-30', '2016-09-30', '2016-12-31'];
    const plan = planShards(
      dates.flatMap((d) => day(d, 1)),
      1,
    );
    expect([...plan.primary, ...plan.older].map((g) => g.label).reverse()).toEqual([
      '2016-01-01_2016-01-31',
      '2016-02-01_2016-02-29',
      '2016-04-01_2016-04-10',
      '2016-04-21_2016-04-30',
      '2016-07-01_2016-09-30',
      '2016-10-01_2016-12-31',
    ]);
  });

  it('names an article whose date is not a day', () => {
    expect(() => planShards([{ id: 'a1', published: '2015-07' }], 5)).toThrow('article a1: date "2015-07" is not YYYY-MM-DD');
  });

  /** Days from 2014-12-20 on, with how many articles each gets. */
  const dailyCounts = fc.array(fc.nat({ max: 9 }), { minLength: 1, maxLength: 120 });
  const dateOf = (n: number) => new Date(Date.UTC(2014, 11, 20 + n)).toISOString().slice(0, 10);

  it('puts every article in exactly one group, each within its period and of at most a shard unless one day', () => {
    fc.assert(
      fc.property(dailyCounts, fc.integer({ min: 1, max: 40 }), (counts, max) => {
        const articles = counts.flatMap((c, n) => day(dateOf(n), c));
        const plan = planShards(articles, max);
        const groups = [...plan.primary, ...plan.older];
        expect(groups.flatMap((g) => g.articles.map((a) => a.id)).sort()).toEqual(articles.map((a) => a.id).sort());
        expect(new Set(groups.map((g) => g.label)).size).toBe(groups.length);
        if (articles.length <= max) return;
        for (const g of groups) {
          for (const a of g.articles) expect(a.published! >= g.from! && a.published! <= g.to!).toBe(true);
          if (g.articles.length > max) expect(new Set(g.articles.map((a) => a.published)).size).toBe(1);
        }
        // Newest first, periods not overlapping.
        for (let i = 1; i < groups.length; i++) expect(groups[i]!.to! < groups[i - 1]!.from!).toBe(true);
      }),
    );
  });

  it('never changes an older shard when articles arrive dated on or after the newest day', () => {
    fc.assert(
      fc.property(dailyCounts, fc.integer({ min: 1, max: 40 }), (counts, max) => {
        let articles: PlannedArticle[] = [];
        let before: ShardGroup[] | null = null;
        for (const [n, c] of counts.entries()) {
          // A day's articles, published one by one.
          for (const article of day(dateOf(n), c)) {
            articles = [...articles, article];
            const plan = planShards(articles, max);
            const now = new Map([...plan.primary, ...plan.older].map((g) => [g.label, g.articles.map((a) => a.id).join()]));
            // An older shard is never cut again nor changed, and never goes back into the primary.
            for (const g of before ?? []) expect(now.get(g.label)).toBe(g.articles.map((a) => a.id).join());
            for (const g of plan.primary) expect(before?.some((o) => o.label === g.label) ?? false).toBe(false);
            before = articles.length > max ? plan.older : null;
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
