import type { EntityType } from '../schemas/entity.ts';
import type { MentionIndex, ZoneCounts } from '../entities/mentions.ts';
import { isoDate } from '../site-core/format.ts';

/** An entity count inside an article, or an article count inside an entity. */
export interface GraphCount {
  id: string;
  /** Mentions in the article's title and body (0: named only as its dateline, credit or outlet). */
  count: number;
  /** Mentions per zone: title, body, dateline, credit, outlet. */
  zones: ZoneCounts;
}

/** One article in the machine-readable export `dist/data/graph.json`. */
export interface GraphArticle {
  id: string;
  url: string;
  title: string;
  outlet: string | null;
  published: string | null;
  /** Entities the article names, with mention counts per zone, most mentioned first. */
  entities: GraphCount[];
}

/** One registry entity in the export. */
export interface GraphEntity {
  id: string;
  type: EntityType;
  name: string;
  nameEn: string;
  aliases: string[];
  wikidata: string | null;
  url: string;
  /** Articles naming the entity, with mention counts per zone: those about it (title, body) newest first, then the others newest first. */
  articles: GraphCount[];
}

/** The whole export; see README "graph.json". */
export interface Graph {
  version: 1;
  generated: string;
  articles: GraphArticle[];
  entities: GraphEntity[];
}

interface ArticleLike {
  id: string;
  data: { title: string; outlet: string | null; published: Date | null };
}

interface EntityLike {
  id: string;
  data: { type: EntityType; name: string; nameEn: string; aliases: string[]; wikidata?: string | undefined };
}

interface Urls {
  site: URL;
  article: (id: string) => string;
  entity: (id: string) => string;
}

const byCountDesc = (a: GraphCount, b: GraphCount) => b.count - a.count || a.id.localeCompare(b.id);

/** Builds the export from the articles, the registry and the mention index (absolute URLs). */
export function buildGraph(articles: readonly ArticleLike[], entities: readonly EntityLike[], index: MentionIndex, urls: Urls): Graph {
  return {
    version: 1,
    generated: new Date().toISOString(),
    articles: articles.map((a) => ({
      id: a.id,
      url: new URL(urls.article(a.id), urls.site).href,
      title: a.data.title,
      outlet: a.data.outlet,
      published: a.data.published ? isoDate(a.data.published) : null,
      entities: [...(index.byArticle.get(a.id)?.zones ?? [])]
        .map(([id, zones]) => ({ id, count: index.byArticle.get(a.id)!.counts.get(id) ?? 0, zones }))
        .sort(byCountDesc),
    })),
    entities: entities.map((e) => ({
      id: e.id,
      type: e.data.type,
      name: e.data.name,
      nameEn: e.data.nameEn,
      aliases: e.data.aliases,
      wikidata: e.data.wikidata ?? null,
      url: new URL(urls.entity(e.id), urls.site).href,
      articles: [...(index.byEntity.get(e.id) ?? []), ...(index.attributions.get(e.id) ?? [])].map((m) => ({
        id: m.articleId,
        count: m.count,
        zones: m.zones,
      })),
    })),
  };
}
