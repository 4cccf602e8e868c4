import type { APIRoute } from 'astro';
import { articleUrl, entityUrl, getArticles, getEntities, getMentionIndex } from '../../site/data.ts';
import { buildGraph } from '../../site/graph.ts';

export const GET: APIRoute = async ({ site }) => {
  const [articles, entities, index] = await Promise.all([getArticles(), getEntities(), getMentionIndex()]);
  const graph = buildGraph(articles, [...entities.values()], index, { site: site!, article: articleUrl, entity: entityUrl });
  return new Response(JSON.stringify(graph, null, 2), { headers: { 'Content-Type': 'application/json' } });
};
