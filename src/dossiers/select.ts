/**
 * Which articles a dossier's components show, from the build's mention index: the articles that
 * name chosen entities (all of them, or any), between two days, newest or oldest first.
 */
import type { MentionIndex } from '../entities/mentions.ts';
import { newestFirst, type Dated } from '../site-core/order.ts';

export interface ArticleSelection {
  entities: readonly string[];
  /** `all` (the default): articles naming every entity; `any`: naming at least one. */
  match?: 'all' | 'any' | undefined;
  /** First and last day (YYYY-MM-DD, inclusive); with either, undated articles are left out. */
  from?: string | undefined;
  to?: string | undefined;
  /** `newest` (the default) or `oldest` first; undated articles come last either way, by title. */
  order?: 'newest' | 'oldest' | undefined;
}

/**
 * The ids of the articles naming the entities in their title or body (the index's `byEntity`;
 * an article that only carries an entity's dateline or credit is not about it), in `order`.
 */
export function selectArticles(selection: ArticleSelection, index: MentionIndex, article: (articleId: string) => Dated): string[] {
  const { entities, match = 'all', from, to, order = 'newest' } = selection;
  const sets = entities.map((id) => new Set((index.byEntity.get(id) ?? []).map((m) => m.articleId)));
  let ids: string[];
  if (match === 'all') {
    const [first, ...rest] = sets;
    ids = [...(first ?? [])].filter((id) => rest.every((s) => s.has(id)));
  } else {
    ids = [...new Set(sets.flatMap((s) => [...s]))];
  }
  if (from || to) {
    ids = ids.filter((id) => {
      const day = article(id).published?.toISOString().slice(0, 10);
      return day !== undefined && (!from || day >= from) && (!to || day <= to);
    });
  }
  return ids.sort((a, b) => {
    const [x, y] = [article(a), article(b)];
    if (order === 'oldest' && x.published && y.published && x.published.getTime() !== y.published.getTime())
      return x.published.getTime() - y.published.getTime();
    return newestFirst(x, y) || a.localeCompare(b);
  });
}
