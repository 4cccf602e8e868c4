import { describe, expect, it } from 'vitest';
import {
  articleMap,
  EGO_GRAPH_NODES,
  entityGraph,
  entityMap,
  entityTimeline,
  SITE_GRAPH_NODES,
  siteGraph,
} from '../../src/pictures/from-index.ts';
import { indexOf, registry, syntheticCorpus } from './support.ts';

const entities = registry([
  { id: 'putin', type: 'person', name: 'فلاديمير بوتين' },
  { id: 'erdogan', type: 'person', name: 'رجب طيب أردوغان' },
  { id: 'kremlin', type: 'organization', name: 'الكرملين' },
  { id: 'russia', type: 'place', kind: 'country', name: 'روسيا', coordinates: { lat: 61.52, lon: 105.32 } },
  { id: 'sochi', type: 'place', kind: 'city', name: 'سوتشي', coordinates: { lat: 43.5855, lon: 39.7231 } },
  { id: 'idlib', type: 'place', kind: 'governorate', name: 'إدلب', coordinates: { lat: 35.9306, lon: 36.6339 } },
  { id: 'tell-tamer', type: 'place', kind: 'town', name: 'تل تمر' },
  { id: 'lonely', type: 'organization', name: 'منظمة وحيدة' },
]);
const index = indexOf({
  a1: { putin: 3, erdogan: 2, sochi: 1, russia: 2 },
  a2: { putin: 1, kremlin: 2, russia: 1 },
  a3: { erdogan: 1, idlib: 2, putin: 1 },
  a4: { 'tell-tamer': 1, kremlin: 1 },
  a5: { lonely: 1 },
});

describe('entityGraph', () => {
  it('draws the entity and its related entities, linked to their pages', () => {
    const g = entityGraph('putin', index, entities)!;
    expect(g.nodes[0]).toMatchObject({ id: 'putin', isCenter: true, href: '/entities/putin/' });
    expect(new Set(g.nodes.slice(1).map((n) => n.id))).toEqual(new Set(['erdogan', 'sochi', 'russia', 'kremlin', 'idlib']));
    // Erdogan and Russia share two articles with Putin: the strongest come first.
    expect(
      g.nodes
        .slice(1, 3)
        .map((n) => n.id)
        .sort(),
    ).toEqual(['erdogan', 'russia']);
    expect(g.nodes.find((n) => n.id === 'erdogan')!.count).toBe(2);
    for (const n of g.nodes) expect(n.href).toBe(`/entities/${n.id}/`);
  });

  it('returns null for an entity mentioned with no one, or unknown', () => {
    expect(entityGraph('lonely', index, entities)).toBeNull();
    expect(entityGraph('nobody', index, entities)).toBeNull();
  });

  it(`caps a popular entity's graph at ${EGO_GRAPH_NODES} related entities`, () => {
    const big = syntheticCorpus(300, 2000);
    const g = entityGraph('e0', big.index, big.entities)!;
    expect(g.nodes).toHaveLength(EGO_GRAPH_NODES + 1);
  });
});

describe('siteGraph', () => {
  it(`shows at most ${SITE_GRAPH_NODES} entities, the most mentioned, on a 31k-article mention index`, () => {
    const big = syntheticCorpus(3000, 31_000);
    const g = siteGraph(big.index, big.entities)!;
    expect(g.nodes).toHaveLength(SITE_GRAPH_NODES);
    const counts = [...big.index.byEntity].map(([, list]) => list.length).sort((a, b) => b - a);
    expect(Math.min(...g.nodes.map((n) => n.count))).toBe(counts[SITE_GRAPH_NODES - 1]);
    expect(g.edges.length).toBeLessThanOrEqual(SITE_GRAPH_NODES * 4);
  });

  it('is null for an empty site', () => {
    expect(siteGraph(indexOf({}), entities)).toBeNull();
  });
});

describe('entityTimeline', () => {
  const dates: Record<string, Date | null> = { a1: new Date('2016-07-01'), a2: null, a3: new Date('2016-08-09'), a4: null, a5: null };
  it('counts dated articles and reports the undated', () => {
    const t = entityTimeline('putin', index, (id) => dates[id])!;
    expect(t.dated).toBe(2);
    expect(t.undated).toBe(1);
    expect(t.bars.reduce((s, b) => s + b.count, 0)).toBe(2);
  });
  it('is null when no article about the entity has a date', () => {
    expect(entityTimeline('kremlin', index, (id) => dates[id])).toBeNull();
  });
});

describe('maps', () => {
  it('an article map shows the places the article mentions, sized by mentions', () => {
    const m = articleMap('a1', index, entities)!;
    expect(m.marks.map((x) => x.id).sort()).toEqual(['russia', 'sochi']);
    expect(m.marks.find((x) => x.id === 'russia')!.weight).toBe(2);
    expect(articleMap('a2', index, entities)!.marks.map((x) => x.id)).toEqual(['russia']);
    expect(articleMap('a5', index, entities)).toBeNull();
  });

  it("a place's map shows the place, emphasised, and the places mentioned with it", () => {
    const m = entityMap('sochi', index, entities)!;
    expect(m.marks.find((x) => x.id === 'sochi')!.emphasis).toBe(true);
    expect(m.marks.map((x) => x.id).sort()).toEqual(['russia', 'sochi']);
  });

  it("anyone else's map shows the places related to them; none without coordinates", () => {
    expect(
      entityMap('putin', index, entities)!
        .marks.map((x) => x.id)
        .sort(),
    ).toEqual(['idlib', 'russia', 'sochi']);
    expect(entityMap('kremlin', index, entities)!.marks.map((x) => x.id)).toEqual(['russia']); // Tell Tamer has no coordinates
    expect(entityMap('lonely', index, entities)).toBeNull();
    expect(entityMap('tell-tamer', index, entities)).toBeNull();
  });
});
