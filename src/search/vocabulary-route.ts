/**
 * `/search/vocabulary.json` (injected by the search integration in enriched builds): the words of
 * the site's headlines, standfirsts and leads, and of the registry's names, with their counts, for
 * the browser to correct a word the index does not know («بوتبن» → «بوتين», src/search/typos.ts).
 * Downloaded only when a query holds such a word. Words of four letters or more seen at least twice
 * (names always), most frequent first, at most `VOCABULARY_SIZE`.
 */
import type { APIRoute } from 'astro';
import { getArticles, getEntities } from '../site/data.ts';
import { wordsOf } from './analyzer.ts';
import { vocabularyKey } from './typos.ts';

export const prerender = true;

/** Most words the table holds (about 60 KB gzip). */
export const VOCABULARY_SIZE = 15_000;
/** Characters of an article's text read after its headline and standfirst. */
const LEAD_CHARS = 600;

export const GET: APIRoute = async () => {
  const counts = new Map<string, number>();
  const names = new Set<string>();
  const count = (text: string, into: Set<string> | null = null) => {
    for (const word of wordsOf(text)) {
      const key = vocabularyKey(word);
      if (key.length < 4 || !/^[\u0621-\u064a]+$/.test(key)) continue;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      into?.add(key);
    }
  };
  for (const article of await getArticles()) {
    const lead = (article.rendered?.html ?? '').replace(/<[^>]+>/g, ' ').slice(0, LEAD_CHARS);
    count(`${article.data.title} ${article.data.standfirst ?? ''} ${lead}`);
  }
  for (const entity of (await getEntities()).values()) count([entity.data.name, ...entity.data.aliases].join(' '), names);
  const rows = [...counts]
    .filter(([word, n]) => n >= 2 || names.has(word))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, VOCABULARY_SIZE);
  return new Response(JSON.stringify(Object.fromEntries(rows)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
