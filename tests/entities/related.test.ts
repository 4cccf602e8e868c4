import { describe, expect, it } from 'vitest';
import { buildMentionIndex, type ArticleMentions, type ZoneCounts } from '../../src/entities/mentions.ts';
import { headlineKey, relatedStories, type RelatedArticleInfo, type RelatedOptions } from '../../src/entities/related.ts';

interface Spec {
  id: string;
  /** Day of August 2015. */
  day: number;
  title?: string;
  /** Entities the body names. */
  body?: string[];
  /** Entities the headline names. */
  titled?: string[];
  /** Entities named only as the dateline. */
  dateline?: string[];
}

/** An archive as the build gives it: articles newest first and their mention index. */
function archive(specs: Spec[]) {
  const sorted = [...specs].sort((a, b) => b.day - a.day || a.id.localeCompare(b.id));
  const articles: RelatedArticleInfo[] = sorted.map((s) => ({
    id: s.id,
    title: s.title ?? `خبر ${s.id}`,
    published: new Date(Date.UTC(2015, 7, s.day)),
  }));
  const mentions: ArticleMentions[] = sorted.map((s) => {
    const counts = new Map<string, number>();
    const zones = new Map<string, ZoneCounts>();
    const add = (e: string, zone: 'title' | 'body' | 'dateline') => {
      const z = zones.get(e) ?? {};
      z[zone] = (z[zone] ?? 0) + 1;
      zones.set(e, z);
      if (zone !== 'dateline') counts.set(e, (counts.get(e) ?? 0) + 1);
    };
    for (const e of s.titled ?? []) add(e, 'title');
    for (const e of s.body ?? []) add(e, 'body');
    for (const e of s.dateline ?? []) add(e, 'dateline');
    return { articleId: s.id, counts, zones, snippets: new Map() };
  });
  const index = buildMentionIndex(mentions);
  return { articles, byArticle: index.byArticle, byEntity: index.byEntity };
}

const ids = (specs: Spec[], id: string, options?: RelatedOptions) =>
  relatedStories(archive(specs), options)(id).stories.map((s) => s.articleId);

/** `n` filler articles that all name `entities` in their body, one a day from day `from`. */
const filler = (n: number, entities: string[], from = 1): Spec[] =>
  Array.from({ length: n }, (_, i) => ({ id: `f${String(i).padStart(3, '0')}`, day: from + (i % 28), body: entities }));

describe('relatedStories', () => {
  it('ranks a story sharing a specific person above one sharing a country named everywhere', () => {
    const specs: Spec[] = [
      ...filler(60, ['saudi']),
      { id: 'a', day: 10, body: ['saudi', 'person'] },
      { id: 'country', day: 10, body: ['saudi', 'riyadh'] },
      { id: 'person', day: 3, body: ['person'] },
      { id: 'both', day: 2, body: ['person', 'saudi'] },
    ];
    expect(ids(specs, 'a')).toEqual(['both', 'person']);
    // Sharing only the ubiquitous country relates nothing, however close in time.
    expect(ids(specs, 'country')).toEqual([]);
  });

  it('weighs an entity by how few articles name it', () => {
    const rare = relatedStories(archive([...filler(40, []), { id: 'a', day: 5, body: ['p'] }, { id: 'b', day: 5, body: ['p'] }]))('a');
    // 20 of the 42 articles name q.
    const common = relatedStories(
      archive([
        ...filler(20, ['q']),
        ...filler(20, [], 1).map((s) => ({ ...s, id: `g${s.id}` })),
        { id: 'a', day: 5, body: ['p', 'q'] },
        { id: 'b', day: 5, body: ['q', 'p'] },
      ]),
    )('a');
    expect(rare.stories[0]!.score).toBeCloseTo(Math.log(42 / 2));
    expect(common.stories[0]!.score).toBeCloseTo(Math.log(42 / 2) + Math.log(42 / 22));
    expect(common.stories[0]!.shared).toEqual(['p', 'q']);
    // An entity every article names weighs nothing.
    const everywhere = relatedStories(archive([...filler(20, ['q']), { id: 'a', day: 5, body: ['q'] }]))('a');
    expect(everywhere).toEqual({ stories: [], examined: 0 });
  });

  it('gives an entity both headlines name a bonus', () => {
    const specs: Spec[] = [
      ...filler(30, []),
      { id: 'a', day: 10, titled: ['p'], body: ['q'] },
      { id: 'titled', day: 5, titled: ['p'] },
      { id: 'body', day: 10, body: ['q'] },
    ];
    expect(ids(specs, 'a')).toEqual(['titled', 'body']);
    expect(ids(specs, 'a', { titleBonus: 1 })).toEqual(['body', 'titled']);
  });

  it('counts no dateline: an article filed from the same city is no related story', () => {
    const specs: Spec[] = [
      ...filler(30, []),
      { id: 'a', day: 4, body: ['p'], dateline: ['jeddah'] },
      { id: 'b', day: 4, dateline: ['jeddah'] },
    ];
    expect(ids(specs, 'a')).toEqual([]);
  });

  it('bounds the candidates examined, and takes those nearest in time', () => {
    // 300 of 601 articles name one place, 10 a day; the article names it and one person no one else names.
    const specs: Spec[] = [
      ...Array.from({ length: 600 }, (_, i) => ({
        id: `p${String(i).padStart(3, '0')}`,
        day: 1 + Math.floor(i / 20),
        body: i % 2 ? [`other${i % 7}`] : ['place', `other${i % 7}`],
      })),
      { id: 'a', day: 15, body: ['place', 'only-a'] },
    ];
    const source = archive(specs);
    const result = relatedStories(source, { perEntity: 10, minScore: 0 })('a');
    expect(result.examined).toBe(10);
    // Every story is of the article's own day: the nearest in time.
    const day = (id: string) => source.articles.find((x) => x.id === id)!.published!.getUTCDate();
    expect(result.stories).toHaveLength(5);
    for (const s of result.stories) expect(day(s.articleId)).toBe(15);
    // Through at most `maxEntities` entities, each giving at most `perEntity` candidates.
    const many = relatedStories(archive([...specs, { id: 'b', day: 15, body: ['place', 'other0', 'other1', 'other2', 'other3'] }]), {
      perEntity: 10,
      maxEntities: 3,
    })('b');
    expect(many.examined).toBeGreaterThan(10);
    expect(many.examined).toBeLessThanOrEqual(30);
    // The same bound in a larger archive.
    const larger = archive([...specs, ...Array.from({ length: 3000 }, (_, i) => ({ id: `q${i}`, day: 1 + (i % 28), body: ['place'] }))]);
    expect(relatedStories(larger, { perEntity: 10 })('a').examined).toBe(10);
  });

  it('gathers through entities other articles name, however many the article names alone', () => {
    const own = Array.from({ length: 20 }, (_, i) => `own${i}`);
    const specs: Spec[] = [...filler(30, []), { id: 'a', day: 10, body: [...own, 'p'] }, { id: 'b', day: 10, body: ['p'] }];
    expect(ids(specs, 'a', { maxEntities: 3 })).toEqual(['b']);
  });

  it('never lists the article itself or a story with the same headline, and one story per headline', () => {
    const specs: Spec[] = [
      ...filler(30, []),
      { id: 'a', day: 10, title: 'أمير منطقة الرياض يستقبل السفير', body: ['p'] },
      { id: 'copy', day: 10, title: 'امير منطقة الرياض يستقبل  السفير.', body: ['p'] },
      { id: 'wire1', day: 9, title: '«بوتين» يلتقي أردوغان', body: ['p'] },
      { id: 'wire2', day: 9, title: 'بوتين يلتقي أردوغان', body: ['p'] },
      { id: 'other', day: 8, body: ['p'] },
    ];
    const related = ids(specs, 'a');
    expect(related).toEqual(['wire1', 'other']);
    expect(headlineKey('«بوتين» يلتقي أردوغان')).toBe(headlineKey('بوتين يلتقي أردوغان'));
  });

  it('lists nothing for an article sharing no entity, or unknown to the index', () => {
    const specs: Spec[] = [...filler(10, ['x']), { id: 'alone', day: 3, body: ['y'] }, { id: 'none', day: 3 }];
    expect(ids(specs, 'alone')).toEqual([]);
    expect(ids(specs, 'none')).toEqual([]);
    expect(ids(specs, 'missing')).toEqual([]);
  });

  it('orders ties by nearness in time, then the newer, the same at every call', () => {
    const specs: Spec[] = [
      ...filler(30, []),
      { id: 'a', day: 15, body: ['p'] },
      { id: 'far', day: 2, body: ['p'] },
      { id: 'older', day: 13, body: ['p'] },
      { id: 'newer', day: 17, body: ['p'] },
      { id: 'same', day: 15, body: ['p'] },
    ];
    expect(ids(specs, 'a')).toEqual(['same', 'newer', 'older', 'far']);
    const find = relatedStories(archive(specs));
    expect(find('a')).toEqual(find('a'));
  });

  it('shows at most `limit` stories', () => {
    const specs: Spec[] = [...filler(30, []), ...Array.from({ length: 8 }, (_, i) => ({ id: `s${i}`, day: 1 + i, body: ['p'] }))];
    expect(ids(specs, 's0')).toHaveLength(5);
    expect(ids(specs, 's0', { limit: 3 })).toHaveLength(3);
  });
});
