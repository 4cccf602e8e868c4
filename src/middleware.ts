/**
 * One rule for partitioned builds (src/site/partition.ts): a partition that does not write the
 * lists renders no page but its own articles'. Astro renders every page that takes no paths (home,
 * search, feeds, the graph export, the search tables…) in every build; the merge takes those from
 * the lists partition only, so elsewhere they would be whole-archive work thrown away. Outside a
 * partitioned build this passes every request on.
 */
import { defineMiddleware } from 'astro:middleware';
import { emitsLists } from './site/data.ts';

/** The route whose pages an article partition writes (src/pages/articles/[id].astro). */
const ARTICLE_ROUTE = '/articles/[id]';

export const onRequest = defineMiddleware((context, next) => {
  if (emitsLists() || context.routePattern === ARTICLE_ROUTE) return next();
  return new Response('', { headers: { 'content-type': 'text/plain; charset=utf-8' } });
});
