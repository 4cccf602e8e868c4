/**
 * `/search/entities.json` (injected by the search integration in enriched builds), what the
 * browser's query processing needs on the first search (query.ts, `QueryData`):
 * - `names`: every registry entity's names, `[name, ...aliases]`, to recognise entity names in
 *   queries with the same matcher the linker uses, and to highlight them;
 * - `whole`: the words the site writes whole more often than without their first letter
 *   («كورونا», «بريطانيا»), which a query must not read as a proclitic + word (analyzer.ts);
 * - `nicknames`: each registry nickname («العميد») with its entity's name, which a query holding
 *   the nickname also looks for.
 */
import type { APIRoute } from 'astro';
import { getEntities } from '../data.ts';
import type { QueryData } from '../../search/query.ts';
import { wholeWordForms } from '../../search/analyzer.ts';
import { nameQueryKey, nameToken } from '../../search/name-token.ts';
import { namesOf } from './pages.ts';
import { siteWordCounts } from './site-words.ts';

export const prerender = true;

export const GET: APIRoute = async () => {
  const names: string[][] = [];
  const nicknames: [string, string][] = [];
  const keys = new Map<string, string>();
  for (const entity of (await getEntities()).values()) {
    for (const name of namesOf(entity)) {
      // Two different names must not share a token (same key = same name, spelled differently).
      const token = nameToken(name);
      const key = nameQueryKey(name);
      const other = keys.get(token);
      if (other !== undefined && other !== key) throw new Error(`Names "${other}" and "${key}" have the same search token ${token}`);
      keys.set(token, key);
    }
    names.push(namesOf(entity));
    for (const nickname of entity.data.nicknames) nicknames.push([nickname, entity.data.name]);
  }
  const data: QueryData = { names, whole: wholeWordForms(await siteWordCounts()), nicknames };
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
