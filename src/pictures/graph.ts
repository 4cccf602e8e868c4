import type { EntityType } from '../schemas/entity.ts';
import { entityTypeInfo } from '../site-core/labels.ts';
import { forceLayout, type LayoutLink, type LayoutNode } from './force-layout.ts';
import { linesWidth, wrapLabel } from './text.ts';
import { round1, seedOf, shapeOfType, shapePath, type NodeShape } from './types.ts';

/** An entity to draw in a relations graph. */
export interface GraphEntity {
  id: string;
  name: string;
  type: EntityType;
  href: string;
  /** Articles: shared with the centre (ego graph) or mentioning it (site graph). */
  count: number;
}

/** Co-occurrence of two entities: the number of articles mentioning both. */
export interface CoOccurrence {
  source: string;
  target: string;
  count: number;
}

export interface GraphNode {
  id: string;
  name: string;
  type: EntityType;
  href: string;
  count: number;
  x: number;
  y: number;
  r: number;
  shape: NodeShape;
  /** Path data for shapes other than circles. */
  d: string | undefined;
  /** Label lines under the mark; `x` is the label's centre, `y` the first line's baseline. */
  label: { x: number; y: number; lines: string[]; fontSize: number; lineHeight: number };
  /** The centre's label sits on a plate in the background colour, so the links under it do not cross it. */
  plate: Rect | undefined;
  /** Mark and label together: the area that links to the entity's page. */
  hit: Rect;
  isCenter: boolean;
}

/** An axis-aligned rectangle in viewBox units. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GraphEdge {
  source: string;
  target: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Stroke width in px. */
  width: number;
  /** Edges to the centre of an ego graph are drawn stronger than edges between neighbours. */
  kind: 'center' | 'peer';
}

/** A laid-out graph: what a component turns into `<svg>`. */
export interface GraphPicture {
  width: number;
  height: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface EgoGraphOptions {
  width?: number;
  height?: number;
  /** At most this many related entities are drawn (the strongest). */
  maxNodes?: number;
  /** Links among the related entities (articles mentioning both); the strongest few are drawn. */
  peers?: readonly CoOccurrence[];
  /** Peer links kept per node, so the picture stays a star with a few cross links. */
  peersPerNode?: number;
  ticks?: number;
}

const LABEL_GAP = 3;

interface Sized {
  entity: GraphEntity;
  r: number;
  lines: string[];
  fontSize: number;
  lineHeight: number;
  labelWidth: number;
  labelHeight: number;
}

function size(entity: GraphEntity, r: number, fontSize: number, maxLabelWidth: number): Sized {
  const lines = wrapLabel(entity.name, maxLabelWidth, fontSize);
  const lineHeight = Math.round(fontSize * 1.35);
  return { entity, r, lines, fontSize, lineHeight, labelWidth: linesWidth(lines, fontSize), labelHeight: lines.length * lineHeight };
}

function toNode(s: Sized, x: number, y: number, isCenter: boolean): GraphNode {
  const shape = shapeOfType[s.entity.type];
  const rx = round1(x);
  const ry = round1(y);
  return {
    ...s.entity,
    x: rx,
    y: ry,
    r: s.r,
    shape,
    d: shapePath(shape, rx, ry, s.r),
    // Baseline of the first line: below the mark, leaving room for the ascenders of Arabic letters.
    label: { x: rx, y: round1(ry + s.r + LABEL_GAP + s.fontSize), lines: s.lines, fontSize: s.fontSize, lineHeight: s.lineHeight },
    plate: isCenter
      ? {
          x: round1(rx - s.labelWidth / 2 - 5),
          y: round1(ry + s.r + 1),
          width: round1(s.labelWidth + 10),
          height: round1(s.labelHeight + LABEL_GAP + 2),
        }
      : undefined,
    hit: (() => {
      const half = Math.max(s.r, s.labelWidth / 2) + 2;
      return {
        x: round1(rx - half),
        y: round1(ry - s.r - 2),
        width: round1(2 * half),
        height: round1(2 * s.r + LABEL_GAP + s.labelHeight + 4),
      };
    })(),
    isCenter,
  };
}

function toEdge(a: GraphNode, b: GraphNode, width: number, kind: GraphEdge['kind']): GraphEdge {
  return { source: a.id, target: b.id, x1: a.x, y1: a.y, x2: b.x, y2: b.y, width: round1(width), kind };
}

/**
 * Keeps, for every node, its `perNode` strongest links (a link stays if either end keeps it).
 * Strength is `score(link)` (default: the shared article count), ties broken by count and ids.
 */
export function strongestLinks(
  links: readonly CoOccurrence[],
  perNode: number,
  score: (l: CoOccurrence) => number = (l) => l.count,
): CoOccurrence[] {
  const sorted = [...links].sort(
    (a, b) => score(b) - score(a) || b.count - a.count || a.source.localeCompare(b.source) || a.target.localeCompare(b.target),
  );
  const kept = new Map<string, number>();
  return sorted.filter((l) => {
    const keep = (kept.get(l.source) ?? 0) < perNode || (kept.get(l.target) ?? 0) < perNode;
    if (keep) {
      kept.set(l.source, (kept.get(l.source) ?? 0) + 1);
      kept.set(l.target, (kept.get(l.target) ?? 0) + 1);
    }
    return keep;
  });
}

/**
 * A maximum spanning forest (Kruskal): the strongest links that connect every connected group of
 * nodes without cycles. Strength is `score`, ties broken like {@link strongestLinks}.
 */
export function spanningTree(links: readonly CoOccurrence[], score: (l: CoOccurrence) => number = (l) => l.count): CoOccurrence[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const sorted = [...links].sort(
    (a, b) => score(b) - score(a) || b.count - a.count || a.source.localeCompare(b.source) || a.target.localeCompare(b.target),
  );
  const tree: CoOccurrence[] = [];
  for (const l of sorted) {
    const a = find(l.source);
    const b = find(l.target);
    if (a === b) continue;
    parent.set(a, b);
    parent.set(b, b);
    tree.push(l);
  }
  return tree;
}

/**
 * An entity and the entities most often mentioned with it, laid out with d3-force: the centre is
 * pinned in the middle, stronger relations sit closer and are drawn thicker, the strongest links
 * among the related entities pull them together. Labels never overlap; all fits the viewBox.
 * Deterministic: the start positions (golden-angle spiral by rank) and the random source depend
 * only on the input.
 */
export function egoGraphLayout(center: GraphEntity, related: readonly GraphEntity[], options: EgoGraphOptions = {}): GraphPicture {
  const { width = 400, height = 320, maxNodes = 10, peersPerNode = 1, ticks = 300 } = options;
  const chosen = related.filter((r) => r.id !== center.id).slice(0, maxNodes);
  const maxCount = Math.max(1, ...chosen.map((r) => r.count));
  const c = size(center, 11, 15, 150);
  const others = chosen.map((e) => size(e, 4.5 + 5 * Math.sqrt(e.count / maxCount), 13, 112));
  const cx = width / 2;
  const cy = (height - c.labelHeight) / 2;
  const minDist = Math.min(width, height) * 0.3;
  const maxDist = Math.min(width, height) * 0.46;

  const golden = Math.PI * (3 - Math.sqrt(5));
  const layoutNodes: LayoutNode[] = [
    { id: center.id, r: c.r, labelWidth: c.labelWidth, labelHeight: c.labelHeight, x: cx, y: cy, fixed: true },
    ...others.map((o, i) => {
      const radius = minDist + ((maxDist - minDist) * i) / Math.max(1, others.length);
      const angle = i * golden;
      return {
        id: o.entity.id,
        r: o.r,
        labelWidth: o.labelWidth,
        labelHeight: o.labelHeight,
        x: cx + radius * Math.cos(angle) * (width / height),
        y: cy + radius * Math.sin(angle),
      };
    }),
  ];
  const ids = new Set(chosen.map((e) => e.id));
  const peers = strongestLinks(
    (options.peers ?? []).filter((p) => ids.has(p.source) && ids.has(p.target)),
    peersPerNode,
  );
  const maxPeer = Math.max(1, ...peers.map((p) => p.count));
  const links: LayoutLink[] = [
    ...chosen.map((e) => ({
      source: center.id,
      target: e.id,
      distance: maxDist - (maxDist - minDist) * (e.count / maxCount),
      strength: 0.6,
    })),
    ...peers.map((p) => ({ source: p.source, target: p.target, distance: maxDist, strength: 0.08 * (p.count / maxPeer) })),
  ];
  const pos = forceLayout(layoutNodes, links, {
    width,
    height,
    padding: 6,
    labelGap: LABEL_GAP,
    margin: 6,
    ticks,
    charge: -260,
    gravity: 0.02,
    seed: seedOf(center.id),
  });

  const nodes = [toNode(c, cx, cy, true), ...others.map((o) => toNode(o, pos.get(o.entity.id)!.x, pos.get(o.entity.id)!.y, false))];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = [
    ...peers.map((p) => toEdge(byId.get(p.source)!, byId.get(p.target)!, 1 + (p.count / maxPeer) * 1.5, 'peer')),
    ...chosen.map((e) => toEdge(byId.get(center.id)!, byId.get(e.id)!, 1.2 + (e.count / maxCount) * 4, 'center')),
  ];
  return { width, height, nodes, edges };
}

export interface SiteGraphOptions {
  width?: number;
  height?: number;
  /** The graph shows the `maxNodes` entities mentioned in the most articles. */
  maxNodes?: number;
  /** Links kept per node (its strongest), so a dense graph stays readable. */
  linksPerNode?: number;
  ticks?: number;
  /** Many-body strength (default -260): stronger spreads a few nodes over the frame. */
  charge?: number;
  /** Least free space between two nodes' boxes (default 8), so neighbouring labels never read as one. */
  margin?: number;
}

/**
 * The whole site's relations: the `maxNodes` entities with the most articles (default 60; among
 * equal counts, the caller's order) and
 * their strongest co-occurrence links, laid out with d3-force. Node size follows the article
 * count, link width the number of shared articles. Deterministic, like {@link egoGraphLayout}.
 */
export function siteGraphLayout(
  entities: readonly GraphEntity[],
  coOccurrence: readonly CoOccurrence[],
  options: SiteGraphOptions = {},
): GraphPicture {
  const { width = 960, height = 640, maxNodes = 60, linksPerNode = 3, ticks = 400, charge = -260, margin = 8 } = options;
  // A stable sort: equal counts keep the caller's order.
  const chosen = [...entities].sort((a, b) => b.count - a.count).slice(0, maxNodes);
  const ids = new Set(chosen.map((e) => e.id));
  const maxCount = Math.max(1, ...chosen.map((e) => e.count));
  const sized = chosen.map((e) => {
    const s = Math.sqrt(e.count / maxCount);
    return size(e, 4 + 9 * s, s > 0.7 ? 15 : 13, 120);
  });
  // Rank each node's links by association (shared / √(countA·countB), the cosine of their article
  // sets), not raw counts, so the most mentioned entities do not take every node's links.
  const countOf = new Map(chosen.map((e) => [e.id, Math.max(1, e.count)]));
  const cosine = (l: CoOccurrence) => l.count / Math.sqrt(countOf.get(l.source)! * countOf.get(l.target)!);
  const candidates = coOccurrence.filter((l) => ids.has(l.source) && ids.has(l.target) && l.source !== l.target);
  // Each node's strongest links, plus a maximum spanning tree so what is connected stays connected.
  const strongest = strongestLinks(candidates, linksPerNode, cosine);
  const key = (l: CoOccurrence) => (l.source < l.target ? `${l.source} ${l.target}` : `${l.target} ${l.source}`);
  const keptKeys = new Set(strongest.map(key));
  const links = [...strongest, ...spanningTree(candidates, cosine).filter((l) => !keptKeys.has(key(l)))];
  const maxLink = Math.max(1, ...links.map((l) => l.count));
  // Start on a phyllotaxis spiral, most mentioned in the middle, stretched to the viewBox.
  const golden = Math.PI * (3 - Math.sqrt(5));
  const spread = Math.min(width, height) / 2.4 / Math.sqrt(Math.max(1, sized.length));
  const layoutNodes: LayoutNode[] = sized.map((s, i) => ({
    id: s.entity.id,
    r: s.r,
    labelWidth: s.labelWidth,
    labelHeight: s.labelHeight,
    x: width / 2 + spread * Math.sqrt(i + 0.5) * Math.cos(i * golden) * (width / height),
    y: height / 2 + spread * Math.sqrt(i + 0.5) * Math.sin(i * golden),
  }));
  const pos = forceLayout(
    layoutNodes,
    links.map((l) => ({ source: l.source, target: l.target, distance: 90 + 60 * (1 - cosine(l)), strength: 0.1 + 0.3 * cosine(l) })),
    {
      width,
      height,
      padding: 8,
      labelGap: LABEL_GAP,
      margin,
      ticks,
      charge,
      gravity: 0.07,
      seed: seedOf(chosen.map((e) => e.id).join(' ')),
    },
  );
  const nodes = sized.map((s) => toNode(s, pos.get(s.entity.id)!.x, pos.get(s.entity.id)!.y, false));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = links.map((l) => toEdge(byId.get(l.source)!, byId.get(l.target)!, 0.8 + (l.count / maxLink) * 4, 'peer'));
  return { width, height, nodes, edges };
}

/**
 * "سوريا — مكان، ٣ مقالات مشتركة" ("سوريا — مكان" without a count: the centre): a node's tooltip
 * and its line in the text alternative.
 */
export function describeNode(node: Pick<GraphNode, 'name' | 'type'>, countText?: string): string {
  return `${node.name} — ${entityTypeInfo[node.type].one}${countText === undefined ? '' : `، ${countText}`}`;
}
