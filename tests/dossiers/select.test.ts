import { describe, expect, it } from 'vitest';
import { selectArticles } from '../../src/dossiers/select.ts';
import { boxesOverlap, nodeBox } from '../../src/pictures/force-layout.ts';
import { CHOSEN_GRAPH, chosenGraph, chosenMap } from '../../src/pictures/from-index.ts';
import { linesWidth } from '../../src/pictures/text.ts';
import { indexOf, registry, syntheticCorpus } from '../pictures/support.ts';

/** Articles a1…a5: who they name, and when (a5 undated). */
const index = indexOf({
  a1: { russia: 2, turkey: 1 },
  a2: { russia: 1, turkey: 1, syria: 3 },
  a3: { turkey: 1 },
  a4: { russia: 1, syria: 1 },
  a5: { russia: 1, turkey: 2 },
});
const dates: Record<string, Date | null> = {
  a1: new Date('2016-07-01'),
  a2: new Date('2017-03-10'),
  a3: new Date('2015-11-24'),
  a4: new Date('2017-03-10'),
  a5: null,
};
const article = (id: string) => ({ title: id, published: dates[id] });

describe('the articles a dossier lists', () => {
  it('are those naming every entity (all) or any of them, newest first, undated last', () => {
    expect(selectArticles({ entities: ['russia', 'turkey'] }, index, article)).toEqual(['a2', 'a1', 'a5']);
    expect(selectArticles({ entities: ['russia', 'turkey'], match: 'any' }, index, article)).toEqual(['a2', 'a4', 'a1', 'a3', 'a5']);
    expect(selectArticles({ entities: ['russia', 'turkey', 'syria'] }, index, article)).toEqual(['a2']);
    expect(selectArticles({ entities: ['nobody'] }, index, article)).toEqual([]);
  });

  it('oldest first on request, undated still last', () => {
    expect(selectArticles({ entities: ['russia'], order: 'oldest' }, index, article)).toEqual(['a1', 'a2', 'a4', 'a5']);
  });

  it('between two days, both included, leaving undated articles out', () => {
    expect(selectArticles({ entities: ['russia'], from: '2016-07-01', to: '2017-03-10' }, index, article)).toEqual(['a2', 'a4', 'a1']);
    expect(selectArticles({ entities: ['russia'], from: '2017-01-01' }, index, article)).toEqual(['a2', 'a4']);
    expect(selectArticles({ entities: ['turkey'], to: '2016-12-31' }, index, article)).toEqual(['a1', 'a3']);
  });
});

describe('the pictures of chosen entities', () => {
  const entities = registry([
    { id: 'russia', type: 'place', kind: 'country', name: 'روسيا', coordinates: { lat: 61.52, lon: 105.32 } },
    { id: 'turkey', type: 'place', kind: 'country', name: 'تركيا', coordinates: { lat: 39.06, lon: 35.18 } },
    { id: 'syria', type: 'place', kind: 'country', name: 'سوريا', coordinates: { lat: 34.8, lon: 38.99 } },
    { id: 'idlib', type: 'place', kind: 'governorate', name: 'إدلب', coordinates: { lat: 35.93, lon: 36.63 } },
  ]);

  it('graph only the chosen entities, linked only among themselves', () => {
    const graph = chosenGraph(['russia', 'turkey', 'syria'], index, entities)!;
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(['russia', 'syria', 'turkey']);
    expect(graph.nodes.find((n) => n.id === 'russia')!.count).toBe(4);
    for (const e of graph.edges) expect(['russia', 'turkey', 'syria']).toEqual(expect.arrayContaining([e.source, e.target]));
    expect(graph).toMatchObject(CHOSEN_GRAPH);
  });

  it('keep a dozen labels apart and inside the frame, on a busy synthetic archive', () => {
    const corpus = syntheticCorpus(200, 3000);
    const ids = Array.from({ length: 12 }, (_, i) => `e${i * 3}`);
    const graph = chosenGraph(ids, corpus.index, corpus.entities)!;
    expect(graph.nodes).toHaveLength(12);
    const boxes = graph.nodes.map((n) =>
      nodeBox(
        { r: n.r, labelWidth: linesWidth(n.label.lines, n.label.fontSize), labelHeight: n.label.lines.length * n.label.lineHeight },
        n.x,
        n.y,
        3,
      ),
    );
    for (const [i, a] of boxes.entries()) {
      expect(a.left, graph.nodes[i]!.id).toBeGreaterThanOrEqual(0);
      expect(a.right, graph.nodes[i]!.id).toBeLessThanOrEqual(graph.width);
      for (const b of boxes.slice(i + 1)) expect(boxesOverlap(a, b)).toBe(false);
    }
  });

  // The first map of a process converts the world outlines: seconds on a loaded machine.
  it('map the chosen places, the focus in bold', { timeout: 60_000 }, () => {
    const map = chosenMap(['turkey', 'syria', 'idlib'], index, entities, 'idlib')!;
    expect(map.marks.map((m) => m.id).sort()).toEqual(['idlib', 'syria', 'turkey']);
    expect(map.marks.find((m) => m.id === 'idlib')!.emphasis).toBe(true);
    expect(map.marks.filter((m) => m.emphasis)).toHaveLength(1);
  });
});
