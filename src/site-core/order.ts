/** The archive's order, shared by the build (src/site/data.ts) and the scripts that rebuild its indexes. */

/** What the order reads of an article. */
export interface Dated {
  title: string;
  published?: Date | null | undefined;
}

/** Newest first; articles without a date go last, then by title for a stable order. */
export function newestFirst(a: Dated, b: Dated): number {
  const da = a.published?.getTime() ?? -Infinity;
  const db = b.published?.getTime() ?? -Infinity;
  if (da !== db) return db - da;
  return a.title.localeCompare(b.title, 'ar');
}
