import type { EntityType } from '../schemas/entity.ts';

/** What a picture needs to know about a registry entity. */
export interface PictureEntity {
  id: string;
  type: EntityType;
  /** Finer kind ("country", "city", "region", "sea"…), used by maps. */
  kind?: string | undefined;
  name: string;
  coordinates?: { lat: number; lon: number } | undefined;
}

/** The registry as pages hold it (id → collection entry); any map of `{ id, data }` will do. */
export type EntityLookup = ReadonlyMap<string, { id: string; data: Omit<PictureEntity, 'id'> }>;

/** Reads one entity out of an {@link EntityLookup}. */
export function pictureEntity(entities: EntityLookup, id: string): PictureEntity | undefined {
  const entry = entities.get(id);
  if (!entry) return undefined;
  const { type, kind, name, coordinates } = entry.data;
  return { id: entry.id, type, kind, name, coordinates };
}

/**
 * Each entity type has a shape as well as a colour, so the type reads without colour vision:
 * people are circles, places diamonds, organizations squares, events triangles.
 */
export type NodeShape = 'circle' | 'diamond' | 'square' | 'triangle';

export const shapeOfType: Record<EntityType, NodeShape> = {
  person: 'circle',
  place: 'diamond',
  organization: 'square',
  event: 'triangle',
};

/** Rounds to one decimal: enough precision for a picture, and short SVG attributes. */
export const round1 = (v: number): number => Math.round(v * 10) / 10;

/**
 * SVG path data of a node shape of "radius" `r` centred on (x, y), with about the visual weight
 * of a circle of that radius. Circles are drawn as `<circle>` and get no path.
 */
export function shapePath(shape: NodeShape, x: number, y: number, r: number): string | undefined {
  const f = round1;
  switch (shape) {
    case 'circle':
      return undefined;
    case 'square': {
      const h = r * 0.88;
      return `M${f(x - h)} ${f(y - h)}h${f(2 * h)}v${f(2 * h)}h${f(-2 * h)}z`;
    }
    case 'diamond': {
      const h = r * 1.2;
      return `M${f(x)} ${f(y - h)}L${f(x + h)} ${f(y)}L${f(x)} ${f(y + h)}L${f(x - h)} ${f(y)}z`;
    }
    case 'triangle': {
      const h = r * 1.25;
      return `M${f(x)} ${f(y - h)}L${f(x + h * 0.95)} ${f(y + h * 0.7)}L${f(x - h * 0.95)} ${f(y + h * 0.7)}z`;
    }
  }
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so layouts repeat exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable 32-bit seed from a string (FNV-1a), e.g. from an entity id. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
