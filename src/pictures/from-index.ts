import type { MentionIndex } from '../entities/mentions.ts';
import { entityUrl } from '../site-core/urls.ts';
import {
  egoGraphLayout,
  siteGraphLayout,
  type CoOccurrence,
  type EgoGraphOptions,
  type GraphEntity,
  type GraphPicture,
  type SiteGraphOptions,
} from './graph.ts';
import { locatorMap, type MapPicture, type MapPlace } from './locator-map.ts';
import { timelineBins, timelineChart, type TimelinePicture } from './timeline.ts';
import { pictureEntity, type EntityLookup, type PictureEntity } from './types.ts';

/**
 * The pictures of the site, computed from the build's mention index and registry. Pages call
 * these through the components in `src/components/pictures/`; everything here is pure.
 */

/** Related entities shown in an entity's graph. */
export const EGO_GRAPH_NODES = 10;
/** Entities shown in the whole-site relations graph (the most mentioned). */
export const SITE_GRAPH_NODES = 60;
/** The same graph for narrow screens: fewer entities in a portrait frame, so labels stay legible. */
export const SITE_GRAPH_NARROW = { maxNodes: 30, width: 400, height: 640 } as const;
/** Places on an entity's map besides the place itself. */
export const MAP_PLACES = 8;

function graphEntity(e: PictureEntity, count: number): GraphEntity {
  return { id: e.id, name: e.name, type: e.type, href: entityUrl(e.id), count };
}

/** What an entity's graph is drawn from (`egoGraphLayout`'s arguments). */
export interface EgoGraphInput {
  center: GraphEntity;
  related: GraphEntity[];
  options: EgoGraphOptions;
}

/** The entity and the entities most often mentioned with it, to draw as a graph; null without relations. */
export function entityGraphInput(
  entityId: string,
  index: MentionIndex,
  entities: EntityLookup,
  maxNodes = EGO_GRAPH_NODES,
): EgoGraphInput | null {
  const center = pictureEntity(entities, entityId);
  if (!center) return null;
  const related = index
    .related(entityId, Infinity)
    .map((r) => ({ r, e: pictureEntity(entities, r.entityId) }))
    .filter((x): x is { r: (typeof x)['r']; e: PictureEntity } => x.e !== undefined)
    .slice(0, maxNodes);
  if (related.length === 0) return null;
  const ids = new Set(related.map((x) => x.e.id));
  const peers: CoOccurrence[] = [];
  for (const { e } of related) {
    for (const other of index.related(e.id, Infinity)) {
      if (ids.has(other.entityId) && e.id < other.entityId)
        peers.push({ source: e.id, target: other.entityId, count: other.sharedArticles });
    }
  }
  const articleCount = index.byEntity.get(entityId)?.length ?? 0;
  return {
    center: graphEntity(center, articleCount),
    related: related.map(({ r, e }) => graphEntity(e, r.sharedArticles)),
    options: { maxNodes, peers },
  };
}

/** Lays out an entity graph's input. */
export function drawEntityGraph({ center, related, options }: EgoGraphInput): GraphPicture {
  return egoGraphLayout(center, related, options);
}

/** The graph of an entity and the entities most often mentioned with it; null without relations. */
export function entityGraph(
  entityId: string,
  index: MentionIndex,
  entities: EntityLookup,
  maxNodes = EGO_GRAPH_NODES,
): GraphPicture | null {
  const input = entityGraphInput(entityId, index, entities, maxNodes);
  return input && drawEntityGraph(input);
}

/** The whole-site relations graph: the most mentioned entities and their strongest links. */
export function siteGraph(index: MentionIndex, entities: EntityLookup, options: SiteGraphOptions = {}): GraphPicture | null {
  const maxNodes = options.maxNodes ?? SITE_GRAPH_NODES;
  const ranked = [...index.byEntity]
    .map(([id, list]) => ({ e: pictureEntity(entities, id), count: list.length, mentions: list.reduce((s, a) => s + a.count, 0) }))
    .filter((x): x is { e: PictureEntity; count: number; mentions: number } => x.e !== undefined)
    .sort((a, b) => b.count - a.count || b.mentions - a.mentions || a.e.id.localeCompare(b.e.id))
    .slice(0, maxNodes);
  if (ranked.length === 0) return null;
  const ids = new Set(ranked.map((x) => x.e.id));
  const links: CoOccurrence[] = [];
  for (const { e } of ranked) {
    for (const other of index.related(e.id, Infinity)) {
      if (ids.has(other.entityId) && e.id < other.entityId)
        links.push({ source: e.id, target: other.entityId, count: other.sharedArticles });
    }
  }
  // The layout keeps this order among equal article counts.
  return siteGraphLayout(
    ranked.map(({ e, count }) => graphEntity(e, count)),
    links,
    { ...options, maxNodes },
  );
}

/** Articles mentioning an entity, per period; null when none of them has a date. */
export function entityTimeline(
  entityId: string,
  index: MentionIndex,
  published: (articleId: string) => Date | null | undefined,
): TimelinePicture | null {
  const dates = (index.byEntity.get(entityId) ?? []).map((a) => published(a.articleId) ?? null);
  const bins = timelineBins(dates);
  return bins.dated === 0 ? null : timelineChart(bins);
}

function mapPlace(e: PictureEntity, weight: number, emphasis = false): MapPlace | null {
  if (!e.coordinates) return null;
  return { id: e.id, name: e.name, href: entityUrl(e.id), lat: e.coordinates.lat, lon: e.coordinates.lon, weight, kind: e.kind, emphasis };
}

/** The places an article mentions, sized by mentions (those with coordinates). */
export function articleMapPlaces(articleId: string, index: MentionIndex, entities: EntityLookup): MapPlace[] {
  const counts = index.byArticle.get(articleId)?.counts ?? new Map<string, number>();
  return [...counts]
    .map(([id, count]) => {
      const e = pictureEntity(entities, id);
      return e?.type === 'place' ? mapPlace(e, count) : null;
    })
    .filter((p): p is MapPlace => p !== null);
}

/** The places an article mentions, sized by mentions; null when none has coordinates. */
export function articleMap(articleId: string, index: MentionIndex, entities: EntityLookup): MapPicture | null {
  return locatorMap(articleMapPlaces(articleId, index, entities));
}

/**
 * The places of an entity's map: for a place, the place itself and the places most often
 * mentioned with it; for anyone else, the places most often mentioned with them.
 */
export function entityMapPlaces(entityId: string, index: MentionIndex, entities: EntityLookup, maxPlaces = MAP_PLACES): MapPlace[] {
  const self = pictureEntity(entities, entityId);
  if (!self) return [];
  const related = index
    .related(entityId, Infinity)
    .map((r) => ({ e: pictureEntity(entities, r.entityId), shared: r.sharedArticles }))
    .filter((x) => x.e?.type === 'place' && x.e.coordinates)
    .slice(0, maxPlaces)
    .map((x) => mapPlace(x.e!, x.shared)!);
  const own = self.type === 'place' ? mapPlace(self, index.byEntity.get(entityId)?.length ?? 1, true) : null;
  return own ? [own, ...related] : related;
}

/** An entity's map (see `entityMapPlaces`); null when no place has coordinates. */
export function entityMap(entityId: string, index: MentionIndex, entities: EntityLookup, maxPlaces = MAP_PLACES): MapPicture | null {
  return locatorMap(entityMapPlaces(entityId, index, entities, maxPlaces));
}

/** Frame of a dossier's relation graph: an entity graph's width, so labels keep their size on phones. */
export const CHOSEN_GRAPH = { width: 400, height: 340 } as const;

/**
 * A graph of entities an editor chose (a dossier's <RelationGraph>): each sized by the articles
 * naming it, and lines as thick as the articles naming both ends: each entity's strongest two
 * and a spanning tree, as in the site graph. Null when none of them is known.
 */
export function chosenGraph(ids: readonly string[], index: MentionIndex, entities: EntityLookup): GraphPicture | null {
  const chosen = ids.map((id) => pictureEntity(entities, id)).filter((e): e is PictureEntity => e !== undefined);
  if (chosen.length === 0) return null;
  const set = new Set(chosen.map((e) => e.id));
  const links: CoOccurrence[] = [];
  for (const e of chosen) {
    for (const other of index.related(e.id, Infinity)) {
      if (set.has(other.entityId) && e.id < other.entityId)
        links.push({ source: e.id, target: other.entityId, count: other.sharedArticles });
    }
  }
  return siteGraphLayout(
    chosen.map((e) => graphEntity(e, index.byEntity.get(e.id)?.length ?? 0)),
    links,
    // Each entity's 2 strongest links and what keeps the whole connected, as on /relations/
    // (which keeps 3 among 60: a dozen chosen entities are often all named together).
    // Few nodes in a small frame: spread wider, and labels kept further apart than on /relations/.
    { ...CHOSEN_GRAPH, maxNodes: chosen.length, linksPerNode: 2, charge: -600, margin: 16 },
  );
}

/**
 * A map of places an editor chose (a dossier's <LocatorMap>), each sized by the articles naming
 * it; `focus` in bold. Places without coordinates are left out; null when none has any.
 */
export function chosenMap(ids: readonly string[], index: MentionIndex, entities: EntityLookup, focus?: string): MapPicture | null {
  const places = ids
    .map((id) => pictureEntity(entities, id))
    .filter((e): e is PictureEntity => e?.type === 'place')
    .map((e) => mapPlace(e, Math.max(1, index.byEntity.get(e.id)?.length ?? 0), e.id === focus))
    .filter((p): p is MapPlace => p !== null);
  return locatorMap(places);
}
