/**
 * The words the site's own text uses, with how often: its headlines, standfirsts and the first
 * `LEAD_CHARS` characters of each article (src/site/search/lead.ts), read once per build and shared by the routes that
 * need corpus frequencies (the typo vocabulary, the words a lone proclitic must not be cut from).
 */
import { articleMetadata, getArticles } from '../data.ts';
import { wordsOf } from '../../search/analyzer.ts';

let counts: Promise<Map<string, number>> | undefined;

/** Each word as written (the tokenizer's words), with the number of times it is written. */
export function siteWordCounts(): Promise<Map<string, number>> {
  counts ??= (async () => {
    const found = new Map<string, number>();
    for (const article of await getArticles()) {
      const lead = articleMetadata(article).lead;
      if (lead === null) throw new Error(`${article.filePath ?? article.id}: this build does not hold the start of the article's text`);
      for (const word of wordsOf(`${article.data.title} ${article.data.standfirst ?? ''} ${lead}`))
        found.set(word, (found.get(word) ?? 0) + 1);
    }
    return found;
  })();
  return counts;
}
