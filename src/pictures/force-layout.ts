import { forceLink, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import { seededRandom } from './types.ts';

/** A node to place: a mark of radius `r` with a label box of `labelWidth` × `labelHeight` under it. */
export interface LayoutNode {
  id: string;
  r: number;
  labelWidth: number;
  labelHeight: number;
  /** Starting position (deterministic: the caller computes it). */
  x: number;
  y: number;
  /** Pinned nodes (the centre of an ego graph) never move. */
  fixed?: boolean;
}

export interface LayoutLink {
  source: string;
  target: string;
  /** Preferred length in px. */
  distance: number;
  /** 0..1: how hard the link pulls towards that length. */
  strength: number;
}

export interface LayoutOptions {
  width: number;
  height: number;
  /** Free margin inside the viewBox. */
  padding: number;
  /** Space between a mark and its label. */
  labelGap: number;
  /** Minimum free space between two nodes' boxes. */
  margin: number;
  /** Simulation steps; the simulation is run synchronously, never animated. */
  ticks: number;
  /** Many-body strength (negative repels). */
  charge: number;
  /** Pull towards the middle of the viewBox. */
  gravity: number;
  seed: number;
}

/** A node box: the mark and its label under it. */
export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

type SimNode = LayoutNode & SimulationNodeDatum & { x: number; y: number; vx: number; vy: number };

/**
 * Many-body repulsion computed exactly, pair by pair: d3's forceManyBody with its Barnes–Hut
 * approximation switched off (what it computes with theta 0), minus the quadtree it rebuilds on
 * every tick, which for the dozens of nodes of these pictures cost most of the layout time.
 * `strength` is the charge times the simulation's alpha (negative repels).
 */
function repel(nodes: readonly SimNode[], strength: number): void {
  for (let i = 0; i < nodes.length; i++) {
    const a = nodes[i]!;
    for (let j = i + 1; j < nodes.length; j++) {
      const b = nodes[j]!;
      let dx = b.x - a.x;
      const dy = b.y - a.y;
      // Two nodes on one spot: nudge them apart deterministically (d3 jiggles them at random).
      if (dx === 0 && dy === 0) dx = 1e-6 * (j - i);
      let l = dx * dx + dy * dy;
      // d3's minimum distance of 1 px, which keeps close nodes from flying apart.
      if (l < 1) l = Math.sqrt(l);
      const k = strength / l;
      a.vx += dx * k;
      a.vy += dy * k;
      b.vx -= dx * k;
      b.vy -= dy * k;
    }
  }
}

/** The box a node occupies at (x, y): the mark on top, the label centred under it. */
export function nodeBox(n: Pick<LayoutNode, 'r' | 'labelWidth' | 'labelHeight'>, x: number, y: number, labelGap: number): Box {
  const half = Math.max(n.r, n.labelWidth / 2);
  return { left: x - half, right: x + half, top: y - n.r, bottom: y + n.r + labelGap + n.labelHeight };
}

export function boxesOverlap(a: Box, b: Box, margin = 0): boolean {
  return a.left < b.right + margin && b.left < a.right + margin && a.top < b.bottom + margin && b.top < a.bottom + margin;
}

/**
 * Places nodes with d3-force (links, many-body repulsion, a pull to the middle) plus a collision
 * force on the rectangular node boxes, so labels never overlap; every box stays inside the viewBox.
 * Runs `ticks` steps synchronously from the given start positions with a seeded random source:
 * the same input always gives the same output. Returns positions by node id.
 */
export function forceLayout(
  nodes: readonly LayoutNode[],
  links: readonly LayoutLink[],
  options: LayoutOptions,
): Map<string, { x: number; y: number }> {
  const { width, height, padding, labelGap, margin } = options;
  const sim: SimNode[] = nodes.map((n) => ({ ...n, vx: 0, vy: 0, ...(n.fixed ? { fx: n.x, fy: n.y } : {}) }));
  const byId = new Map(sim.map((n) => [n.id, n]));
  const simLinks = links.filter((l) => byId.has(l.source) && byId.has(l.target) && l.source !== l.target).map((l) => ({ ...l }));

  const clamp = (n: SimNode) => {
    if (n.fixed) return;
    const half = Math.max(n.r, n.labelWidth / 2);
    n.x = Math.min(Math.max(n.x, padding + half), width - padding - half);
    n.y = Math.min(Math.max(n.y, padding + n.r), height - padding - n.r - labelGap - n.labelHeight);
  };

  // Box extents relative to a node's position, fixed for the whole layout: the hot loops below
  // then do plain arithmetic (this runs for every entity page of the site).
  const half = sim.map((n) => Math.max(n.r, n.labelWidth / 2));
  const below = sim.map((n) => n.r + labelGap + n.labelHeight);

  /** Pushes overlapping boxes apart along the axis where they overlap least. */
  const separate = (strength: number, useVelocity: boolean) => {
    for (let i = 0; i < sim.length; i++) {
      const a = sim[i]!;
      const ah = half[i]!;
      for (let j = i + 1; j < sim.length; j++) {
        const b = sim[j]!;
        const bh = half[j]!;
        const ox = Math.min(a.x + ah, b.x + bh) - Math.max(a.x - ah, b.x - bh) + margin;
        if (ox <= 0) continue;
        const oy = Math.min(a.y + below[i]!, b.y + below[j]!) - Math.max(a.y - a.r, b.y - b.r) + margin;
        if (oy <= 0) continue;
        const moveA = a.fixed ? 0 : b.fixed ? 1 : 0.5;
        const moveB = 1 - moveA;
        // Move sideways when that is the shorter way out (labels are wide, so usually vertically).
        if (ox < oy) {
          const dir = a.x < b.x || (a.x === b.x && i < j) ? -1 : 1;
          const d = ox * strength;
          if (useVelocity) {
            a.vx += dir * d * moveA;
            b.vx -= dir * d * moveB;
          } else {
            a.x += dir * d * moveA;
            b.x -= dir * d * moveB;
          }
        } else {
          const dir = a.y < b.y || (a.y === b.y && i < j) ? -1 : 1;
          const d = oy * strength;
          if (useVelocity) {
            a.vy += dir * d * moveA;
            b.vy -= dir * d * moveB;
          } else {
            a.y += dir * d * moveA;
            b.y -= dir * d * moveB;
          }
        }
      }
    }
  };

  /** Whether any two boxes still overlap (closer than `gap`). */
  const anyOverlap = (gap: number): boolean => {
    for (let i = 0; i < sim.length; i++) {
      const a = sim[i]!;
      for (let j = i + 1; j < sim.length; j++) {
        const b = sim[j]!;
        if (
          a.x - half[i]! < b.x + half[j]! + gap &&
          b.x - half[j]! < a.x + half[i]! + gap &&
          a.y - a.r < b.y + below[j]! + gap &&
          b.y - b.r < a.y + below[i]! + gap
        ) {
          return true;
        }
      }
    }
    return false;
  };

  const aspect = width / height;
  const simulation = forceSimulation<SimNode>(sim)
    .randomSource(seededRandom(options.seed))
    .stop()
    .force(
      'link',
      forceLink<SimNode, (typeof simLinks)[number] & { source: string | SimNode; target: string | SimNode }>(simLinks)
        .id((d) => d.id)
        .distance((l) => l.distance)
        .strength((l) => l.strength),
    )
    .force('charge', (alpha: number) => repel(sim, options.charge * alpha))
    // A wide viewBox pulls harder vertically, so the picture fills its width.
    .force('x', forceX<SimNode>(width / 2).strength(options.gravity / Math.max(1, aspect)))
    .force('y', forceY<SimNode>(height / 2).strength(options.gravity * Math.max(1, aspect)))
    .force('boxes', (alpha: number) => separate(0.5 + alpha * 0.5, true));

  for (let t = 0; t < options.ticks; t++) {
    simulation.tick();
    sim.forEach(clamp);
  }
  // Settle what the forces left: plain position moves until no boxes overlap (or give up).
  for (let t = 0; t < 300; t++) {
    separate(0.6, false);
    sim.forEach(clamp);
    if (!anyOverlap(margin * 0.5)) break;
  }
  return new Map(sim.map((n) => [n.id, { x: n.x, y: n.y }]));
}
