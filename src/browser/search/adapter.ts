/**
 * Puts this site's query processing between the Pagefind Component UI and Pagefind: every search
 * the UI (search page, header box) or `window.marsadSearch` makes is processed (enriched builds),
 * and the enriched ranking weights apply.
 *
 * The Component UI has no hook for the query, so the instance's Pagefind object is wrapped when
 * the UI assigns it (a property setter); the wrapper is a Proxy that changes `search` only.
 */
import { searchRanking, sortKeys } from '../../search/config.ts';
import { runPlan } from '../../search/plan.ts';
import type { PreparedQuery } from '../../search/query.ts';
import { MIN_RESULTS, needsArchive, type SearchShard, type ShardManifest } from '../../search/shards.ts';
import type { TypoVocabulary } from '../../search/typos.ts';
import type {
  ComponentInstance,
  PagefindApi,
  PagefindComponentsGlobal,
  PagefindSearchOptions,
  PagefindSearchResponse,
} from './pagefind-types.ts';
import { queryProcessor, settings, shardManifest, siteVocabulary, state } from './state.ts';

const WRAPPED = Symbol('marsad-wrapped');

/** What the last search covered, for the search page: every shard, or the newest articles only. */
export interface SearchScope {
  /** Shards searched, newest first. */
  searched: SearchShard[];
  /** Shards not searched (older articles). */
  left: SearchShard[];
}

/** Sent on `document` after each search: `detail` is its SearchScope. */
export const SCOPE_EVENT = 'marsad:search-scope';

/**
 * How many older shards (newest first) each Pagefind instance has merged, and the merges under way.
 * Pagefind cannot drop a merged bundle: once merged, an instance searches it in every search.
 */
const merged = new WeakMap<PagefindApi, { count: number; done: Promise<void> }>();

/**
 * Merges the older shards into the instance up to the `count` newest of them, each once, in order;
 * returns how many are merged once `done` settles (more, when another search asked for more).
 */
function mergeOlder(pagefind: PagefindApi, older: readonly SearchShard[], count: number): { count: number; done: Promise<void> } {
  const current = merged.get(pagefind) ?? { count: 0, done: Promise.resolve() };
  if (count <= current.count) return current;
  const shards = older.slice(current.count, count);
  // Pagefind's options apply to the primary bundle only: a merged one gets the ranking itself.
  const options = settings().enrich ? { ranking: searchRanking } : {};
  const done = current.done.then(async () => {
    for (const shard of shards) await pagefind.mergeIndex(shard.path, options);
  });
  const next = { count, done };
  merged.set(pagefind, next);
  return next;
}

/** The companion bundles' merge (the entity pages) each Pagefind instance has started. */
const companionsMerged = new WeakMap<PagefindApi, Promise<void>>();

/**
 * Merges the bundles the manifest says belong with the primary (the entity pages and dossiers,
 * src/search/shards.ts) into the instance, once: every search and filter list waits for it, so a
 * name finds its entity page on the first search, as when the primary held them.
 */
function mergeCompanions(pagefind: PagefindApi, manifest: ShardManifest | null): Promise<void> {
  let done = companionsMerged.get(pagefind);
  if (!done) {
    const companions = manifest?.companions ?? [];
    const options = settings().enrich ? { ranking: searchRanking } : {};
    done = (async () => {
      for (const bundle of companions) await pagefind.mergeIndex(bundle.path, options);
    })();
    companionsMerged.set(pagefind, done);
  }
  return done;
}

/** Waits until the instance holds its companion bundles. */
async function withCompanions(pagefind: PagefindApi): Promise<void> {
  await mergeCompanions(pagefind, await shardManifest());
}

/**
 * Searches the newest articles first and goes on into the older archive when needed
 * (src/search/shards.ts): the whole archive at once when the reader asked for it or the sort is
 * oldest first; otherwise one older shard at a time, newest first, until the results are enough,
 * so a query the newest articles almost answer loads one more shard, not the whole archive.
 */
async function shardedSearch(
  pagefind: PagefindApi,
  term: string | null,
  options: PagefindSearchOptions,
): Promise<PagefindSearchResponse | null> {
  const searchable = term !== null && term.trim() !== '';
  const oldestFirst = Boolean(options.sort?.[sortKeys.oldest]);
  const everything = searchable && (state.wholeArchive || oldestFirst);
  /** A search over what the instance has merged (the manifest is not needed for it). */
  const searchMerged = async () => {
    await withCompanions(pagefind);
    const now = merged.get(pagefind);
    await now?.done;
    return { count: now?.count ?? 0, response: await pagefind.search(term, options) };
  };
  const [manifest, first] = await Promise.all([shardManifest(), everything ? null : searchMerged()]);
  const shards = manifest?.shards ?? [];
  const older = shards.slice(1);
  const wanted = { wholeArchive: state.wholeArchive, oldestFirst, minResults: manifest?.minResults ?? MIN_RESULTS };
  /** Merges up to `n` older shards; returns how many the next search covers. */
  const reach = async (n: number): Promise<number> => {
    const now = mergeOlder(pagefind, older, n);
    await now.done;
    return now.count;
  };
  if (!first) await mergeCompanions(pagefind, manifest);
  let count = first?.count ?? (await reach(older.length));
  let response = first ? first.response : await pagefind.search(term, options);
  while (searchable && count < older.length && needsArchive(response?.results.length ?? 0, wanted)) {
    count = await reach(count + 1);
    response = await pagefind.search(term, options);
  }
  const scope: SearchScope = { searched: shards.slice(0, count + 1), left: shards.slice(count + 1) };
  document.dispatchEvent(new CustomEvent(SCOPE_EVENT, { detail: scope }));
  return response;
}

/** Runs one search the way this site searches. */
async function processedSearch(
  pagefind: PagefindApi,
  term: string | null,
  options: PagefindSearchOptions = {},
): Promise<PagefindSearchResponse | null> {
  if (!settings().enrich || term === null || !term.trim()) {
    state.lastQuery = null;
    return shardedSearch(pagefind, term, options);
  }
  const processor = await queryProcessor();
  const prepared = processor.prepare(term);
  state.lastQuery = prepared;
  state.correction = null;
  const main = prepared.pagefindQuery || term;
  // The main query decides whether the older shards are needed; the others search what it searched.
  const search = (query: string) => (query === main ? shardedSearch(pagefind, query, options) : pagefind.search(query, options));
  const sorted = Object.keys(options.sort ?? {}).length > 0;
  const response = (await runPlan(prepared, search, { sorted })) as PagefindSearchResponse | null;
  // Checked however many results the query found: Pagefind's fallback to a shorter indexed word
  // gives a typo plenty of unrelated results («الاسرائلي» finds every «أسرة»). The check is one
  // exact search per word, on index chunks the query has loaded.
  if (sorted || prepared.exact) return response;
  const corrected = await correct(pagefind, prepared, options);
  if (!corrected) return response;
  // The query as the reader most likely meant it first, then what the typed words found.
  const better = processor.prepare(corrected);
  const fixed = (await runPlan(better, (query) => pagefind.search(query, options), { sorted })) as PagefindSearchResponse | null;
  if (!fixed || fixed.results.length === 0) return response;
  state.lastQuery = better;
  state.correction = { typed: term, searched: corrected };
  // The corrected query's results first, then what the typed words found besides: a typo's own
  // results are mostly Pagefind's fallback to a shorter word («الاسرائلي» → every «أسرة»), whose
  // scores can outweigh the pages the reader meant.
  const seen = new Set(fixed.results.map((r) => r.id));
  const results = [...fixed.results, ...(response?.results ?? []).filter((r) => !seen.has(r.id))];
  return { ...fixed, results, unfilteredResultCount: results.length };
}

/**
 * The query with its typos corrected (src/search/typos.ts `correctedQuery`), or null. Pagefind's
 * stemming finds something for almost any word («بوتبن» → «وتبني»), so a typed word's pages are
 * counted with an exact search. The vocabulary is downloaded only when a word looks like a typo.
 */
async function correct(pagefind: PagefindApi, prepared: PreparedQuery, options: PagefindSearchOptions): Promise<string | null> {
  const tools = state.tools;
  if (!tools) return null;
  const count = async (query: string) => (await pagefind.search(query, { filters: options.filters }))?.results.length ?? 0;
  // Fetched when `correctedQuery` asks for it (a word found on too few pages), not before: at 31k
  // articles the file is ~80 KB gzip, more than a cold query's own index chunks.
  const known = () => (vocabulary ??= siteVocabulary().then((file) => tools.readVocabulary(file)));
  return tools.correctedQuery(prepared, count, known);
}

/** The vocabulary as the typo check reads it, once per page. */
let vocabulary: Promise<TypoVocabulary> | undefined;

/**
 * Whether the page shows the filters of the Component UI instance `name`: a filter pane or
 * dropdown bound to it. The Component UI asks every instance for every filter's values as it
 * loads; an instance that shows none (the header's search box) need not download them — at 31k
 * articles every filter chunk of the newest shard, ~27 KB gzip, most of them the entities' filters.
 */
export function showsFilters(name: string): boolean {
  for (const component of document.querySelectorAll('pagefind-filter-pane, pagefind-filter-dropdown')) {
    if ((component.getAttribute('instance') || 'default') === name) return true;
  }
  return false;
}

/**
 * The Pagefind object with this site's `search`. With `filters: false` its filter list is empty
 * and costs nothing (searches still apply the filters they are given).
 */
export function wrapPagefind(pagefind: PagefindApi, { filters = true }: { filters?: boolean } = {}): PagefindApi {
  if ((pagefind as unknown as Record<symbol, boolean>)[WRAPPED]) return pagefind;
  return new Proxy(pagefind, {
    get(target, prop) {
      if (prop === WRAPPED) return true;
      if (prop === 'search') return (term: string | null, options?: PagefindSearchOptions) => processedSearch(target, term, options);
      // The filters' values and counts include the entity pages' (their type).
      if (prop === 'filters') {
        return async () => {
          if (!filters) return {};
          await withCompanions(target);
          return target.filters();
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Wraps whatever Pagefind object the Component UI instance holds now or is given later. */
export function hookInstance(instance: ComponentInstance, name: string): void {
  if (settings().enrich) {
    instance.pagefindOptions = { ...instance.pagefindOptions, ranking: searchRanking };
  }
  const wrap = (pagefind: PagefindApi) => wrapPagefind(pagefind, { filters: showsFilters(name) });
  let current = instance.__pagefind__ ? wrap(instance.__pagefind__) : null;
  if (current && settings().enrich) void current.options({ ranking: searchRanking });
  Object.defineProperty(instance, '__pagefind__', {
    configurable: true,
    get: () => current,
    set: (value: PagefindApi | null) => {
      current = value ? wrap(value) : value;
    },
  });
}

/** The instance the search page's components use (the header box uses the default one). */
export const PAGE_INSTANCE = 'search';

/** The Component UI's instance manager, once its script has run (null if it never does). */
export async function componentManager(): Promise<ReturnType<PagefindComponentsGlobal['getInstanceManager']> | null> {
  for (let i = 0; i < 100 && !window.PagefindComponents; i++) await new Promise((r) => setTimeout(r, 50));
  return window.PagefindComponents?.getInstanceManager() ?? null;
}

/** A Component UI instance by name, once the Component UI has run. */
export async function componentInstance(name = 'default'): Promise<ComponentInstance | null> {
  return (await componentManager())?.getInstance(name) ?? null;
}
