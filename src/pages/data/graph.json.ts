import type { APIRoute } from 'astro';
import { articleUrl, entityUrl, getArticles, getEntities, getMentionIndex } from '../../site/data.ts';
import { buildGraph } from '../../site/graph.ts';

export const GET: APIRoute = async ({ site }) => {
  const [articles, entities, index] = await Promise.all([getArticles(), getEntities(), getMentionIndex()]);
  const graph = buildGraph(articles, [...entities.values()], index, { site: site!, article: articleUrl, entity: entityUrl });
  // Compact: at 31k articles the export is 25 MB, 57 MB indented, written at every build (and
  // read again by the search step).
  return new Response(JSON.stringify(graph), { headers: { 'Content-Type': 'application/json' } });
};
