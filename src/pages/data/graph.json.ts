import type { APIRoute } from 'astro';
import { articleUrl, getArticles } from '../../site/data.ts';
import { buildGraph } from '../../site/graph.ts';

export const GET: APIRoute = async ({ site }) => {
  const graph = buildGraph(await getArticles(), site!, articleUrl);
  return new Response(JSON.stringify(graph, null, 2), { headers: { 'Content-Type': 'application/json' } });
};
