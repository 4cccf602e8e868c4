import { getCollection, type CollectionEntry } from 'astro:content';

export type ArticleEntry = CollectionEntry<'articles'>;

/** Newest first; articles without a date go last, then by title for a stable order. */
function byDateDesc(a: ArticleEntry, b: ArticleEntry): number {
  const da = a.data.published?.getTime() ?? -Infinity;
  const db = b.data.published?.getTime() ?? -Infinity;
  if (da !== db) return db - da;
  return a.data.title.localeCompare(b.data.title, 'ar');
}

let articles: Promise<ArticleEntry[]> | undefined;

/**
 * Every article, newest first. Loaded once per build and shared by all pages
 * (never call `getCollection('articles')` from a page).
 */
export function getArticles(): Promise<ArticleEntry[]> {
  articles ??= getCollection('articles').then((all) => all.sort(byDateDesc));
  return articles;
}

/** The public URL of an article page. */
export function articleUrl(id: string): string {
  return `/articles/${id}/`;
}
