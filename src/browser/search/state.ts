/**
 * Search state shared by this site's browser modules on one page (one module instance per page):
 * the site's search settings, the last processed query and the lazily loaded search code.
 */
import { entityNamesUrl, vocabularyUrl } from '../../search/config.ts';
import type { PreparedQuery, QueryData, QueryProcessor } from '../../search/query.ts';
import { SHARD_MANIFEST, type ShardManifest } from '../../search/shards.ts';
import type { VocabularyFile } from '../../search/typos.ts';

export interface SearchSettings {
  /** The index is enriched: process queries (see src/search/query.ts). */
  enrich: boolean;
  /** Where the entity names table is served. */
  entityNamesUrl: string;
  /** Where Pagefind's bundle is served. */
  bundlePath: string;
}

/** Settings from the page (`<SearchEnhance>` renders them as data attributes). */
export function readSettings(): SearchSettings {
  const el = document.getElementById('marsad-search');
  return {
    enrich: el?.dataset.enrich === 'true',
    entityNamesUrl: el?.dataset.entityNames ?? entityNamesUrl,
    bundlePath: el?.dataset.bundlePath ?? '/pagefind/',
  };
}

export const state: {
  settings: SearchSettings | null;
  /** The last query sent, processed, for excerpts. */
  lastQuery: PreparedQuery | null;
  /** The query processor, once loaded. */
  processor: QueryProcessor | null;
  /** The lazily loaded search code (./tools.ts), once loaded. */
  tools: typeof import('./tools.ts') | null;
  /** The reader asked to search the whole archive (all shards), not only the newest articles. */
  wholeArchive: boolean;
  /** The last search's correction of a word the index does not know: what was typed, what was searched. */
  correction: { typed: string; searched: string } | null;
} = { settings: null, lastQuery: null, processor: null, tools: null, wholeArchive: false, correction: null };

let vocabulary: Promise<Partial<VocabularyFile>> | undefined;

/** The site's vocabulary file (src/site/search/vocabulary-route.ts), fetched the first time a query needs it. */
export function siteVocabulary(): Promise<Partial<VocabularyFile>> {
  vocabulary ??= fetch(vocabularyUrl)
    .then((response) => (response.ok ? (response.json() as Promise<Partial<VocabularyFile>>) : {}))
    .catch(() => ({}));
  return vocabulary;
}

let manifest: Promise<ShardManifest | null> | undefined;

/** The index's shard list (src/search/shards.ts), fetched with the first search; null if missing. */
export function shardManifest(): Promise<ShardManifest | null> {
  manifest ??= fetch(`${settings().bundlePath}${SHARD_MANIFEST}`)
    .then((response) => (response.ok ? (response.json() as Promise<ShardManifest>) : null))
    .catch(() => null);
  return manifest;
}

export function settings(): SearchSettings {
  state.settings ??= readSettings();
  return state.settings;
}

let processor: Promise<QueryProcessor> | undefined;

/**
 * The query processor, loaded on first use (its code and the entity names are only downloaded
 * when someone searches). Without enrichment it knows no entity names.
 */
export function queryProcessor(): Promise<QueryProcessor> {
  processor ??= (async () => {
    state.tools = await import('./tools.ts');
    let data: QueryData = { names: [], whole: [] };
    if (settings().enrich) {
      const response = await fetch(settings().entityNamesUrl);
      if (response.ok) data = await response.json();
    }
    state.processor = new state.tools.QueryProcessor(data.names, data.whole, data.nicknames);
    return state.processor;
  })();
  return processor;
}
