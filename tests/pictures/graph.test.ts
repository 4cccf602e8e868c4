import { describe, expect, it } from 'vitest';
import { nodeBox, boxesOverlap } from '../../src/pictures/force-layout.ts';
import {
  describeNode,
  egoGraphLayout,
  siteGraphLayout,
  spanningTree,
  strongestLinks,
  type GraphEntity,
  type GraphPicture,
} from '../../src/pictures/graph.ts';
import { linesWidth } from '../../src/pictures/text.ts';

const TYPES = ['person', 'place', 'organization', 'event'] as const;
const NAMES = [
  'فلاديمير بوتين',
  'أنقرة',
  'منظمة التعاون الاقتصادي للبحر الأسود',
  'الكرملين',
  'تنظيم الدولة الإسلامية',
  'حلب',
  'سيرغي لافروف',
  'مجلس الأمن الدولي',
];
const entity = (i: number, count: number): GraphEntity => ({
  id: `e${i}`,
  name: NAMES[i % NAMES.length]!,
  type: TYPES[i % 4]!,
  href: `/entities/e${i}/`,
  count,
});

/** Every number in the picture is finite. */
function allFinite(p: GraphPicture): boolean {
  const nums = [
    ...p.nodes.flatMap((n) => [n.x, n.y, n.r, n.label.x, n.label.y]),
    ...p.edges.flatMap((e) => [e.x1, e.y1, e.x2, e.y2, e.width]),
  ];
  return nums.every(Number.isFinite) && p.nodes.every((n) => !n.d || !/NaN|Infinity/.test(n.d));
}

/** Mark and label of every node lie inside the viewBox. */
function expectInside(p: GraphPicture) {
  for (const n of p.nodes) {
    const half = Math.max(n.r, linesWidth(n.label.lines, n.label.fontSize) / 2);
    expect(n.x - half, n.id).toBeGreaterThanOrEqual(0);
    expect(n.x + half, n.id).toBeLessThanOrEqual(p.width);
    expect(n.y - n.r, n.id).toBeGreaterThanOrEqual(0);
    expect(n.label.y + (n.label.lines.length - 1) * n.label.lineHeight, n.id).toBeLessThanOrEqual(p.height);
  }
}

/** No two node boxes (mark + label) overlap. */
function overlappingPairs(p: GraphPicture): string[] {
  const boxes = p.nodes.map((n) => ({
    id: n.id,
    box: nodeBox(
      { r: n.r, labelWidth: linesWidth(n.label.lines, n.label.fontSize), labelHeight: n.label.lines.length * n.label.lineHeight },
      n.x,
      n.y,
      3,
    ),
  }));
  const pairs: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      if (boxesOverlap(boxes[i]!.box, boxes[j]!.box, -1)) pairs.push(`${boxes[i]!.id}/${boxes[j]!.id}`);
  return pairs;
}

describe('egoGraphLayout', () => {
  const center = entity(100, 40);
  const related = Array.from({ length: 14 }, (_, i) => entity(i, 20 - i));
  const peers = [
    { source: 'e0', target: 'e1', count: 6 },
    { source: 'e2', target: 'e3', count: 2 },
    { source: 'e1', target: 'e5', count: 1 },
  ];

  it('is deterministic', () => {
    expect(egoGraphLayout(center, related, { peers })).toEqual(egoGraphLayout(center, related, { peers }));
  });

  it('pins the centre in the middle and caps the related entities, strongest first', () => {
    const p = egoGraphLayout(center, related, { peers, maxNodes: 10 });
    expect(p.nodes).toHaveLength(11);
    expect(p.nodes[0]).toMatchObject({ id: 'e100', isCenter: true, x: p.width / 2 });
    expect(p.nodes.slice(1).map((n) => n.id)).toEqual(related.slice(0, 10).map((r) => r.id));
    expect(p.edges.filter((e) => e.kind === 'center')).toHaveLength(10);
    // Stronger relations are drawn thicker.
    const w = (id: string) => p.edges.find((e) => e.kind === 'center' && e.target === id)!.width;
    expect(w('e0')).toBeGreaterThan(w('e9'));
  });

  it('keeps every mark and label inside the viewBox, without NaN and without overlaps', () => {
    for (const n of [1, 3, 10]) {
      const p = egoGraphLayout(center, related.slice(0, n), { peers });
      expect(allFinite(p)).toBe(true);
      expectInside(p);
      expect(overlappingPairs(p), `${n} nodes`).toEqual([]);
    }
  });

  it('draws edges between the ends of the nodes', () => {
    const p = egoGraphLayout(center, related, { peers });
    const at = new Map(p.nodes.map((n) => [n.id, n]));
    for (const e of p.edges) {
      expect([e.x1, e.y1]).toEqual([at.get(e.source)!.x, at.get(e.source)!.y]);
      expect([e.x2, e.y2]).toEqual([at.get(e.target)!.x, at.get(e.target)!.y]);
    }
  });

  it('puts a plate under the centre label, as wide as the label', () => {
    const p = egoGraphLayout(center, related.slice(0, 3));
    const c = p.nodes[0]!;
    expect(c.plate!.width).toBeGreaterThanOrEqual(linesWidth(c.label.lines, c.label.fontSize));
    expect(c.plate!.height).toBeGreaterThanOrEqual(c.label.lines.length * c.label.lineHeight);
    expect(p.nodes.slice(1).every((n) => n.plate === undefined)).toBe(true);
  });
});

describe('describeNode', () => {
  it('names a node, its type and its count, or no count for the centre', () => {
    expect(describeNode({ name: 'سوريا', type: 'place' }, '٣ مقالات مشتركة')).toBe('سوريا — مكان، ٣ مقالات مشتركة');
    expect(describeNode({ name: 'فلاديمير بوتين', type: 'person' })).toBe('فلاديمير بوتين — شخص');
  });
});

describe('siteGraphLayout', () => {
  const entities = Array.from({ length: 200 }, (_, i) => entity(i, 1000 - i * 3));
  const links = Array.from({ length: 600 }, (_, k) => ({
    source: `e${k % 200}`,
    target: `e${(k * 7 + 3) % 200}`,
    count: 1 + (k % 9),
  })).filter((l) => l.source !== l.target);

  it('shows only the most mentioned entities (default cap 60) and links among them', () => {
    const p = siteGraphLayout(entities, links);
    expect(p.nodes).toHaveLength(60);
    expect(new Set(p.nodes.map((n) => n.id))).toEqual(new Set(entities.slice(0, 60).map((e) => e.id)));
    const ids = new Set(p.nodes.map((n) => n.id));
    for (const e of p.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    expect(siteGraphLayout(entities, links, { maxNodes: 25 }).nodes).toHaveLength(25);
  });

  it('is deterministic, finite, inside the viewBox, and its labels do not overlap', () => {
    const a = siteGraphLayout(entities, links);
    expect(a).toEqual(siteGraphLayout(entities, links));
    expect(allFinite(a)).toBe(true);
    expectInside(a);
    expect(overlappingPairs(a)).toEqual([]);
  });

  it('keeps the portrait variant inside its narrow frame', () => {
    const p = siteGraphLayout(entities, links, { width: 400, height: 640, maxNodes: 30 });
    expectInside(p);
    expect(overlappingPairs(p)).toEqual([]);
  });
});

describe('link pruning', () => {
  const links = [
    { source: 'a', target: 'b', count: 9 },
    { source: 'a', target: 'c', count: 8 },
    { source: 'a', target: 'd', count: 7 },
    { source: 'b', target: 'c', count: 1 },
    { source: 'c', target: 'd', count: 1 },
    { source: 'd', target: 'e', count: 1 },
  ];

  it('strongestLinks keeps each node its k strongest links', () => {
    const kept = strongestLinks(links, 1).map((l) => `${l.source}${l.target}`);
    expect(kept).toContain('ab');
    expect(kept).toContain('de'); // e's only link
    expect(kept).not.toContain('bc');
  });

  it('spanningTree connects every node with the strongest links and no cycle', () => {
    const tree = spanningTree(links).map((l) => `${l.source}${l.target}`);
    expect(tree).toHaveLength(4); // 5 nodes
    expect(tree).toEqual(['ab', 'ac', 'ad', 'de']);
  });
});
