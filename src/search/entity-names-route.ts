/**
 * `/search/entities.json` (injected by the search integration in enriched builds): every registry
 * entity's names, `[name, ...aliases]`, for the browser to recognise entity names in queries with
 * the same matcher the linker uses (see query.ts), and to highlight them.
 */
import type { APIRoute } from 'astro';
import { getEntities } from '../site/data.ts';
import { nameKey, nameToken } from './name-token.ts';
import { namesOf } from './pages.ts';

export const prerender = true;

export const GET: APIRoute = async () => {
  const rows: string[][] = [];
  const keys = new Map<string, string>();
  for (const entity of (await getEntities()).values()) {
    for (const name of namesOf(entity)) {
      // Two different names must not share a token (same key = same name, spelled differently).
      const token = nameToken(name);
      const key = nameKey(name);
      const other = keys.get(token);
      if (other !== undefined && other !== key) throw new Error(`Names "${other}" and "${key}" have the same search token ${token}`);
      keys.set(token, key);
    }
    rows.push(namesOf(entity));
  }
  return new Response(JSON.stringify(rows), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
