import { isoDate } from './format.ts';

/** One article in the machine-readable export `dist/data/graph.json`. */
export interface GraphArticle {
  id: string;
  url: string;
  title: string;
  outlet: string | null;
  published: string | null;
  entities: { id: string; count: number }[];
}

/** The whole export; see README "graph.json". */
export interface Graph {
  version: 1;
  generated: string;
  articles: GraphArticle[];
}

interface ArticleLike {
  id: string;
  data: { title: string; outlet: string | null; published: Date | null };
}

/** Builds the export from the articles (absolute URLs against `site`). */
export function buildGraph(articles: readonly ArticleLike[], site: URL, urlOf: (id: string) => string): Graph {
  return {
    version: 1,
    generated: new Date().toISOString(),
    articles: articles.map((a) => ({
      id: a.id,
      url: new URL(urlOf(a.id), site).href,
      title: a.data.title,
      outlet: a.data.outlet,
      published: a.data.published ? isoDate(a.data.published) : null,
      entities: [],
    })),
  };
}
