/**
 * The search index in shards (built by src/site/search/index-site.ts, read by the browser in
 * src/browser/search/adapter.ts). A large archive's index is cut by date: the first shard, the
 * primary Pagefind bundle, holds the newest articles, and the entity pages and dossiers are a
 * bundle of their own (a companion) merged with it before the first search; older articles are in
 * further bundles the browser merges only when a search needs them: when the newest articles give
 * few results, when results are sorted oldest first, or when the reader asks for the whole archive.
 * (A site of one shard is one index, entity pages and all, with no companion.)
 */

/** URL path of the primary Pagefind bundle. */
export const PAGEFIND_PATH = '/pagefind/';

/** The shard list, in the primary bundle. */
export const SHARD_MANIFEST = 'marsad-shards.json';

export interface SearchShard {
  /** URL path of the shard's Pagefind bundle (the first is PAGEFIND_PATH). */
  path: string;
  /** Pages indexed (in a site of one shard, the entity pages too). */
  pages: number;
  articles: number;
  /** Dates of its newest and oldest dated articles (YYYY-MM-DD), null when none is dated. */
  newest: string | null;
  oldest: string | null;
}

export interface ShardManifest {
  version: 1;
  /** Newest first; `shards[0]` is the primary bundle. */
  shards: SearchShard[];
  /**
   * Bundles merged with the primary before the first search, whatever it asks (the entity pages
   * and dossiers: `/pagefind/entities/`); absent when the primary holds them.
   */
  companions?: SearchShard[];
  /** Fewer results than this from the first shard: the search goes on into the older ones. */
  minResults: number;
}

/** The default of `minResults`: a first page of results. */
export const MIN_RESULTS = 10;

/**
 * Whether a search answered by the first shard alone must go on into the older shards: the
 * reader asked for the whole archive, the sort is oldest first (the first shard holds the newest),
 * or the newest articles gave fewer than `minResults` results.
 */
export function needsArchive(
  firstShardResults: number,
  options: { wholeArchive: boolean; oldestFirst: boolean; minResults: number },
): boolean {
  return options.wholeArchive || options.oldestFirst || firstShardResults < options.minResults;
}
