import { createHash } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Graph } from '../graph.ts';
import { settings } from '../../settings.ts';
import { sameStamp, settledStamp } from '../file-stamp.ts';
import { articleUrl, dossierUrl, entityUrl, searchablePagesGlob } from '../../site-core/urls.ts';
import { planShards, type PlannedArticle, type ShardGroup, type ShardPlan } from '../../search/shard-plan.ts';
import { MIN_RESULTS, PAGEFIND_PATH, SHARD_MANIFEST, type SearchShard, type ShardManifest } from '../../search/shards.ts';

/**
 * Builds the Pagefind search index over a finished site with Pagefind's Node API, into
 * `<dir>/pagefind/`. It runs as its own process after `astro build` has exited (`npm run build`),
 * so the build's memory and Pagefind's never add up.
 *
 * A site with more than `articlesPerShard` articles gets one index per shard (src/search/shards.ts):
 * closed, date-anchored groups of articles (src/search/shard-plan.ts). The first, in `pagefind/`,
 * holds the newest articles; the entity pages and dossiers are a bundle of their own,
 * `pagefind/entities/`, which the browser merges (Pagefind's `mergeIndex`) before its first search,
 * so a name finds its page at once; each older group is its own bundle in `pagefind/older/<period>/`,
 * merged only when a search needs the older archive. A cold search then loads one shard's metadata
 * and the entities', not the whole archive's, and Pagefind holds one shard in memory at a time.
 * `pagefind/marsad-shards.json` lists the bundles. (A site of one shard is one index, entity pages
 * and all.)
 *
 * With `cacheDir`, each bundle is also kept there under a digest of its input (its pages, as
 * Pagefind reads them): a shard whose pages did not change is copied from there, not indexed
 * again, so its files stay byte for byte what they were. (`astro build` empties the output folder,
 * so the previous build's bundles survive only in the cache, next to Astro's own.)
 */
export interface IndexSiteOptions {
  /** Pages to index when the site is one shard (default: article and entity pages). */
  glob?: string;
  /** Articles per shard; the site is one index up to this many (default: the `searchShardArticles` setting). */
  articlesPerShard?: number;
  /** Entity pages and dossiers in a bundle of their own in a site of several shards (default: the `searchEntityBundle` setting). */
  entityBundle?: boolean;
  /** Fewer results than this from the first shard: the browser searches the older ones too (default 10). */
  minResults?: number;
  /** Folder that keeps the shards' bundles between builds (none: every shard is indexed). */
  cacheDir?: string;
}

/** URL path of the entity pages' bundle (a site of more than one shard). */
export const ENTITY_BUNDLE_PATH = `${PAGEFIND_PATH}entities/`;

/** What became of one shard in a run. */
export interface ShardRun {
  /** URL path of its bundle. */
  path: string;
  /** Its period(s) (src/search/shard-plan.ts), newest first. */
  periods: string[];
  pages: number;
  articles: number;
  /** Digest of its input. */
  digest: string;
  /** True when its bundle was copied from the cache or kept in the folder, false when Pagefind indexed it. */
  reused: boolean;
  /** True when the folder already held it, written by the last run over the same folder: left in place, not copied. */
  kept?: boolean;
  /** Time it took: reading its pages for the digest, then indexing or copying. */
  ms: number;
}

export interface IndexSiteResult {
  pages: number;
  ms: number;
  /** Shards of articles (the entity pages' bundle is not one). */
  shards: number;
  /** Every bundle: the primary, the entity pages' (if any), then the older shards. */
  runs: ShardRun[];
}

/** The search bundles' folder inside a build cache folder (Astro's `cacheDir`). */
export const searchCacheDir = (cacheDir: string): string => path.join(cacheDir, 'marsad-search');

/** Record of the last run in the search cache: which shards were indexed and which reused. */
export const LAST_RUN = 'last-run.json';

/**
 * Bump when the way a bundle is made from its pages changes (options, pruning), so no cached
 * bundle of the old way is reused.
 */
const BUNDLE_FORMAT = 2;

/** A cached bundle is complete once this file is in it (written last). */
const COMPLETE = '.complete';

/** The only files of a bundle that Pagefind's `mergeIndex` reads; an older shard keeps just these. */
const MERGED_BUNDLE_FILES = /^(pagefind-entry\.json|.*\.pf_meta|index|fragment|filter)$/;

/** The installed Pagefind's version (its package exports no package.json: found where Node looks). */
const pagefindVersion: string = (() => {
  for (const modules of createRequire(import.meta.url).resolve.paths('pagefind') ?? []) {
    const file = path.join(modules, 'pagefind', 'package.json');
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')).version;
  }
  throw new Error('cannot find the installed Pagefind package');
})();

/**
 * The site's articles: from its data export (`data/graph.json`), or, in a folder without one,
 * its article pages, undated.
 */
function siteArticles(dir: string): PlannedArticle[] {
  const file = path.join(dir, 'data', 'graph.json');
  if (!existsSync(file)) return pageDirs(dir, 'articles').map((id) => ({ id, published: null }));
  let graph: Pick<Graph, 'articles'>;
  try {
    graph = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot read the site's article list (${(error as Error).message})`);
  }
  return (graph.articles ?? []).map((a) => ({ id: a.id, published: a.published }));
}

/** The built page of a site URL path ("/articles/x/" → "articles/x/index.html"). */
const pageFile = (urlPath: string): string => `${urlPath.slice(1)}index.html`;

/** Names of the folders under `dir/section` that hold an index.html. */
function pageDirs(dir: string, section: string): string[] {
  const root = path.join(dir, section);
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(root, d.name, 'index.html')))
    .map((d) => d.name)
    .sort();
}

/** Indexes the pages under `root` matching `glob` into `outputPath`; returns the page count. */
async function writeIndex(root: string, glob: string, outputPath: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: root, glob });
    if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    // One shard in memory at a time.
    await index.deleteIndex();
  }
}

/** Links (or copies) the given pages of `dir` into `stage`, keeping their paths. */
function stagePages(dir: string, stage: string, pages: readonly string[]): void {
  for (const page of pages) {
    const target = path.join(stage, page);
    mkdirSync(path.dirname(target), { recursive: true });
    try {
      linkSync(path.join(dir, page), target);
    } catch {
      copyFileSync(path.join(dir, page), target);
    }
  }
}

/** An element's opening tag that asks Pagefind to ignore it: its tag name, and whether "all". */
const IGNORED = /<([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?\sdata-pagefind-ignore(?=[\s=/>])(?:=(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?[^>]*>/g;

/** Elements that have no closing tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Where the element opened at `start` (tag `tag`, opening tag ending at `from`) ends, or -1. */
function elementEnd(html: string, tag: string, from: number): number {
  const pattern = new RegExp(`<(/?)${tag}(?=[\\s>/])[^>]*>`, 'gi');
  pattern.lastIndex = from;
  let depth = 1;
  for (let m = pattern.exec(html); m; m = pattern.exec(html)) {
    if (m[1]) depth--;
    else if (!m[0].endsWith('/>')) depth++;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}

/**
 * What Pagefind reads of a page, for its digest: the page, less the elements it ignores
 * (`data-pagefind-ignore`) with no `data-pagefind-*` field inside (Pagefind still reads the fields
 * of an element ignored for its text; "all" drops them too). Those are what changes as the archive
 * grows while the page's searchable words do not: an article's related stories
 * (src/components/RelatedArticles.astro), an entity page's counts, related entities and lists of
 * articles. So a new story related to an old one does not re-index the old one's shard, and a new
 * article naming an entity does not re-index the entity pages' bundle.
 */
export function searchInput(html: string): string {
  let out = '';
  let kept = 0;
  IGNORED.lastIndex = 0;
  for (let m = IGNORED.exec(html); m; m = IGNORED.exec(html)) {
    const tag = m[1]!.toLowerCase();
    const openEnd = m.index + m[0].length;
    if (VOID.has(tag) || m[0].endsWith('/>')) continue;
    const end = elementEnd(html, tag, openEnd);
    if (end < 0) continue;
    const mode = m[2] ?? m[3] ?? m[4] ?? '';
    if (mode !== 'all' && html.slice(openEnd, end).includes('data-pagefind-')) continue;
    out += html.slice(kept, m.index);
    kept = end;
    IGNORED.lastIndex = end;
  }
  return kept === 0 ? html : out + html.slice(kept);
}

/**
 * Each page's digest as Pagefind reads it (`searchInput`), with the modification time and size
 * its file had, as the last run over the same folder found them (`page-digests.json` in the
 * search cache). A page whose file has the same time and size is not read again: a build rebuilds
 * `dist/` in place and leaves the pages it does not render again untouched (src/site/stale-files.ts),
 * so after one article most of 36,000 pages keep their time (at 31k, reading them all took ~6 s).
 */
class PageDigests {
  static readonly FILE = 'page-digests.json';
  readonly #known: Map<string, [number, number, string]>;
  readonly #next = new Map<string, [number, number, string]>();
  readonly #started = Date.now();

  readonly dir: string;
  readonly cache: string | null;

  constructor(dir: string, cache: string | null) {
    this.dir = dir;
    this.cache = cache;
    let known: [string, number, number, string][] = [];
    try {
      const saved = JSON.parse(readFileSync(path.join(cache ?? '', PageDigests.FILE), 'utf8')) as { outDir?: string; pages?: typeof known };
      if (cache && saved.outDir === path.resolve(dir)) known = saved.pages ?? [];
    } catch {
      // None yet (or unreadable): every page is read.
    }
    this.#known = new Map(known.map(([page, mtime, size, digest]) => [page, [mtime, size, digest]]));
  }

  of(page: string): string {
    const file = path.join(this.dir, page);
    // Only a settled file's time and size vouch for it (src/site/file-stamp.ts); others are read and not recorded.
    const stamp = settledStamp(file, this.#started);
    const known = this.#known.get(page);
    const digest =
      known && stamp && sameStamp({ mtimeMs: known[0], size: known[1] }, stamp)
        ? known[2]
        : createHash('sha256')
            .update(searchInput(readFileSync(file, 'utf8')))
            .digest('hex');
    if (stamp) this.#next.set(page, [stamp.mtimeMs, stamp.size, digest]);
    return digest;
  }

  save(): void {
    if (!this.cache) return;
    const pages = [...this.#next].map(([page, [mtime, size, digest]]) => [page, mtime, size, digest]);
    mkdirSync(this.cache, { recursive: true });
    writeFileSync(path.join(this.cache, PageDigests.FILE), JSON.stringify({ outDir: path.resolve(this.dir), pages }));
  }
}

/** Digest of a bundle's input: how bundles are made, its role and each page as Pagefind reads it. */
function bundleDigest(digests: PageDigests, pages: readonly string[], primary: boolean): string {
  const hash = createHash('sha256');
  hash.update(`marsad search bundle ${BUNDLE_FORMAT}, pagefind ${pagefindVersion}, ${primary ? 'primary' : 'merged'}\n`);
  for (const page of [...pages].sort()) hash.update(`${page}\0${digests.of(page)}\n`);
  return hash.digest('hex').slice(0, 32);
}

/** Leaves in an older shard's bundle only what `mergeIndex` reads (no scripts, styles or WebAssembly). */
function pruneMergedBundle(bundle: string): void {
  for (const entry of readdirSync(bundle)) {
    if (!MERGED_BUNDLE_FILES.test(entry)) rmSync(path.join(bundle, entry), { recursive: true, force: true });
  }
}

interface Planned {
  urlPath: string;
  groups: ShardGroup[];
  /** Built pages (relative paths) the bundle indexes. */
  pages: string[];
  primary: boolean;
  /** Merged with the primary before the first search (the entity pages' bundle). */
  companion?: boolean;
}

export async function indexSite(dir: string, options: IndexSiteOptions = {}): Promise<IndexSiteResult> {
  const started = performance.now();
  const glob = options.glob ?? searchablePagesGlob;
  const perShard = options.articlesPerShard ?? settings().searchShardArticles;
  const minResults = options.minResults ?? MIN_RESULTS;
  const bundle = path.join(dir, PAGEFIND_PATH);
  const cache = options.cacheDir ? searchCacheDir(options.cacheDir) : null;
  // The closed bundles the last run wrote into this folder are set aside (renamed, not copied) and
  // put back if this run would restore them; files of an earlier run must not linger otherwise.
  const keep = path.join(dir, '.marsad-search-kept');
  rmSync(keep, { recursive: true, force: true });
  if (cache) setAsideBundles(cache, dir, keep);
  rmSync(bundle, { recursive: true, force: true });
  try {
    if (glob !== searchablePagesGlob) {
      // Other pages than the site's searchable ones: one index, as asked, and no cache.
      const pages = await writeIndex(dir, glob, bundle);
      if (pages === 0) throw new Error(`${dir}: no page to index (build the site first: npm run build)`);
      writeManifest(bundle, { version: 1, shards: [shardInfo(PAGEFIND_PATH, pages, [])], minResults });
      return { pages, ms: performance.now() - started, shards: 1, runs: [] };
    }

    let plan: ShardPlan;
    try {
      plan = planShards(siteArticles(dir), perShard);
    } catch (error) {
      throw new Error(`${path.join(dir, 'data', 'graph.json')}: ${(error as Error).message}`);
    }
    const articlePages = (groups: ShardGroup[]) =>
      groups.flatMap((g) => g.articles.map((a) => pageFile(articleUrl(a.id)))).filter((p) => existsSync(path.join(dir, p)));
    // Entity pages and dossiers (undated lists of the archive, edited over time) are searched from
    // the first query on: in the primary bundle, or — with `entityBundle`, in a site of several
    // shards — in a bundle of their own the browser merges before its first search, so that
    // publishing an article re-indexes the newest articles, not every entity page with them (the
    // entity bundle is indexed again only when an entity page changes as Pagefind reads it,
    // searchInput: not its counts or lists of articles). That bundle's own metadata, filters and
    // index chunks cost a cold search 45–85 KB more (docs/scale.md), so it is off by default.
    const named = [...entityPages(dir), ...dossierPages(dir)];
    const single = plan.older.length === 0 || !(options.entityBundle ?? settings().searchEntityBundle);
    const planned: Planned[] = [
      { urlPath: PAGEFIND_PATH, groups: plan.primary, pages: [...articlePages(plan.primary), ...(single ? named : [])], primary: true },
      ...(single || named.length === 0 ? [] : [{ urlPath: ENTITY_BUNDLE_PATH, groups: [], pages: named, primary: false, companion: true }]),
      ...plan.older.map((g) => ({ urlPath: `${PAGEFIND_PATH}older/${g.label}/`, groups: [g], pages: articlePages([g]), primary: false })),
    ];
    if (planned[0]!.pages.length === 0) throw new Error(`${dir}: no page to index (build the site first: npm run build)`);

    const digests = new PageDigests(dir, cache);
    const stageRoot = path.join(dir, '.marsad-search-shards');
    const shards: SearchShard[] = [];
    const companions: SearchShard[] = [];
    const runs: ShardRun[] = [];
    rmSync(stageRoot, { recursive: true, force: true });
    try {
      for (const [n, shard] of planned.entries()) {
        const shardStarted = performance.now();
        const target = path.join(dir, shard.urlPath);
        const digest = bundleDigest(digests, shard.pages, shard.primary);
        const cached = cache ? path.join(cache, 'bundles', digest) : null;
        const kept = putBack(path.join(keep, digest), target);
        const reused = kept || (cached !== null && restoreBundle(cached, target));
        if (!reused) {
          const stage = path.join(stageRoot, String(n));
          stagePages(dir, stage, shard.pages);
          await writeIndex(stage, searchablePagesGlob, target);
          rmSync(stage, { recursive: true, force: true });
          if (!shard.primary) pruneMergedBundle(target);
          if (cached) saveBundle(target, cached, shard.primary);
        }
        const articles = shard.groups.flatMap((g) => g.articles);
        const pages = indexedPages(target);
        (shard.companion ? companions : shards).push(shardInfo(shard.urlPath, pages, articles));
        runs.push({
          path: shard.urlPath,
          periods: shard.groups.map((g) => g.label),
          pages,
          articles: articles.length,
          digest,
          reused,
          ...(kept ? { kept } : {}),
          ms: Math.round(performance.now() - shardStarted),
        });
      }
    } finally {
      rmSync(stageRoot, { recursive: true, force: true });
    }
    writeManifest(bundle, { version: 1, shards, ...(companions.length > 0 ? { companions } : {}), minResults });
    if (cache) forgetOthers(cache, runs, dir);
    digests.save();
    const pages = [...shards, ...companions].reduce((sum, s) => sum + s.pages, 0);
    if (pages === 0) throw new Error(`${dir}: no page to index (build the site first: npm run build)`);
    return { pages, ms: performance.now() - started, shards: shards.length, runs };
  } finally {
    rmSync(keep, { recursive: true, force: true });
    await pagefind.close();
  }
}

/**
 * Moves the closed bundles (not the primary, whose folder holds the others) that the last run
 * recorded as written into `dir` to `keep/<digest>`, and forgets that record: a run that stops
 * half-way leaves no claim on the folder. Bundles of a run over another folder are not touched.
 */
function setAsideBundles(cache: string, dir: string, keep: string): void {
  const record = path.join(cache, LAST_RUN);
  let last: { outDir?: string; shards?: ShardRun[] };
  try {
    last = JSON.parse(readFileSync(record, 'utf8'));
  } catch {
    return;
  }
  rmSync(record, { force: true });
  if (last.outDir !== path.resolve(dir)) return;
  for (const run of last.shards ?? []) {
    const from = path.join(dir, run.path);
    if (run.path === PAGEFIND_PATH || !existsSync(path.join(from, 'pagefind-entry.json'))) continue;
    mkdirSync(keep, { recursive: true });
    renameSync(from, path.join(keep, run.digest));
  }
}

/** Puts a bundle set aside by `setAsideBundles` back at `target`; false when there is none. */
function putBack(kept: string, target: string): boolean {
  if (!existsSync(kept)) return false;
  mkdirSync(path.dirname(target), { recursive: true });
  renameSync(kept, target);
  return true;
}

/**
 * Copies a cached bundle into the site; false when there is none, or it went away meanwhile (a build
 * of another site sharing the cache folder may drop it), and the shard is indexed instead.
 */
function restoreBundle(cached: string, target: string): boolean {
  if (!existsSync(path.join(cached, COMPLETE))) return false;
  try {
    cpSync(cached, target, { recursive: true, filter: (source) => path.basename(source) !== COMPLETE });
    return existsSync(path.join(target, 'pagefind-entry.json'));
  } catch {
    rmSync(target, { recursive: true, force: true });
    return false;
  }
}

/**
 * Copies a freshly written bundle into the cache (the primary without the older shards inside it).
 * The cache only saves work: a bundle it cannot keep is indexed again next time.
 */
function saveBundle(from: string, to: string, primary: boolean): void {
  const partial = `${to}.${process.pid}.partial`;
  try {
    rmSync(to, { recursive: true, force: true });
    cpSync(from, partial, {
      recursive: true,
      filter: (source) => !(primary && ['older', 'entities'].includes(path.relative(from, source))),
    });
    writeFileSync(path.join(partial, COMPLETE), '');
    renameSync(partial, to);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    process.stderr.write(`[marsad-pagefind] could not keep ${from} in the cache: ${(error as Error).message}\n`);
  }
}

/** Pages a bundle holds, as its entry file counts them. */
function indexedPages(bundle: string): number {
  const entry = JSON.parse(readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
}

/** A half-written cached bundle older than this is a crashed run's: dropped. */
const STALE_PARTIAL_MS = 60 * 60 * 1000;

/** Drops the cached bundles this run did not use, and records the run and the folder it wrote. */
function forgetOthers(cache: string, runs: readonly ShardRun[], dir: string): void {
  const used = new Set(runs.map((r) => r.digest));
  const bundles = path.join(cache, 'bundles');
  for (const entry of existsSync(bundles) ? readdirSync(bundles) : []) {
    const full = path.join(bundles, entry);
    // Another build sharing the cache may be writing this one now; a crashed run's is old.
    const mtime = statSync(full, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (entry.endsWith('.partial') && Date.now() - mtime < STALE_PARTIAL_MS) continue;
    if (!used.has(entry)) rmSync(full, { recursive: true, force: true });
  }
  writeFileSync(path.join(cache, LAST_RUN), `${JSON.stringify({ outDir: path.resolve(dir), shards: runs }, null, 1)}\n`);
}

/** The built entity pages (their first pages: the ones with a search body). */
function entityPages(dir: string): string[] {
  return pageDirs(dir, 'entities').map((id) => pageFile(entityUrl(id)));
}

/** The built dossier pages: few, edited over time, about entities; searched with the primary. */
function dossierPages(dir: string): string[] {
  return pageDirs(dir, 'dossiers').map((slug) => pageFile(dossierUrl(slug)));
}

function shardInfo(urlPath: string, pages: number, articles: readonly PlannedArticle[]): SearchShard {
  const dated = articles
    .map((a) => a.published)
    .filter((d): d is string => d !== null)
    .sort();
  return { path: urlPath, pages, articles: articles.length, newest: dated.at(-1) ?? null, oldest: dated[0] ?? null };
}

function writeManifest(bundle: string, manifest: ShardManifest): void {
  writeFileSync(path.join(bundle, SHARD_MANIFEST), `${JSON.stringify(manifest)}\n`);
}
