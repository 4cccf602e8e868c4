/**
 * `/search/vocabulary.json` (injected by the search integration in enriched builds): the words of
 * the site's headlines, standfirsts and leads (site-words.ts), and of the registry's names, with
 * their counts, for the browser to correct a word the index does not know («بوتبن» → «بوتين»,
 * src/search/typos.ts). Downloaded only when a query holds such a word. Words of four letters or
 * more seen at least twice (names always), most frequent first, at most `VOCABULARY_SIZE`, each in
 * the spelling the site writes most (what the search page offers: «هل تقصد: الإسرائيلي؟»), with the
 * words never written with the article marked (src/search/typos.ts `VocabularyFile`).
 */
import type { APIRoute } from 'astro';
import { getEntities } from '../data.ts';
import { wordsOf } from '../../search/analyzer.ts';
import { siteWordCounts } from './site-words.ts';
import { hasArticle, shownSpelling, vocabularyKey, writeVocabulary } from '../../search/typos.ts';

export const prerender = true;

/** Most words the table holds (about 58 KB gzip for 11,807 words on a real day). */
export const VOCABULARY_SIZE = 15_000;

export const GET: APIRoute = async () => {
  const counts = new Map<string, number>();
  const names = new Set<string>();
  /** Per key, how often each spelling is written. */
  const spellings = new Map<string, Map<string, number>>();
  const count = (word: string, n: number, into: Set<string> | null = null) => {
    const key = vocabularyKey(word);
    if (key.length < 4 || !/^[\u0621-\u064a]+$/.test(key)) return;
    counts.set(key, (counts.get(key) ?? 0) + n);
    into?.add(key);
    let written = spellings.get(key);
    if (!written) spellings.set(key, (written = new Map()));
    written.set(word, (written.get(word) ?? 0) + n);
  };
  for (const [word, n] of await siteWordCounts()) count(word, n);
  for (const entity of (await getEntities()).values()) {
    for (const word of wordsOf([entity.data.name, ...entity.data.aliases].join(' '))) count(word, 1, names);
  }
  const rows = [...counts]
    .filter(([word, n]) => n >= 2 || names.has(word))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, VOCABULARY_SIZE);
  const table = writeVocabulary(
    rows,
    (key) => shownSpelling(key, spellings.get(key)!),
    (key) => [...spellings.get(key)!.keys()].some(hasArticle),
  );
  return new Response(JSON.stringify(table), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
