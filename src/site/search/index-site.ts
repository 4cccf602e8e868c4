import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Graph } from '../graph.ts';
import { settings } from '../../settings.ts';
import { articleUrl, entityUrl, searchablePagesGlob } from '../../site-core/urls.ts';
import { MIN_RESULTS, PAGEFIND_PATH, SHARD_MANIFEST, type SearchShard, type ShardManifest } from '../../search/shards.ts';

/**
 * Builds the Pagefind search index over a finished site with Pagefind's Node API, into
 * `<dir>/pagefind/`. It runs as its own process after `astro build` has exited (`npm run build`),
 * so the build's memory and Pagefind's never add up.
 *
 * A site with more than `articlesPerShard` articles gets one index per shard, newest articles
 * first (src/search/shards.ts): the first, in `pagefind/`, holds every entity page and the newest
 * articles; each older shard is its own bundle in `pagefind/older/N/`, which the browser merges
 * (Pagefind's `mergeIndex`) only when a search needs the older archive. A cold search then loads
 * one shard's metadata, not the whole archive's, and Pagefind holds one shard in memory at a time.
 * `pagefind/marsad-shards.json` lists the shards for the browser.
 */
export interface IndexSiteOptions {
  /** Pages to index when the site is one shard (default: article and entity pages). */
  glob?: string;
  /** Articles per shard; the site is one index up to this many (default: the `searchShardArticles` setting). */
  articlesPerShard?: number;
  /** Fewer results than this from the first shard: the browser searches the older ones too (default 10). */
  minResults?: number;
}

interface SiteArticle {
  id: string;
  published: string | null;
}

/**
 * The site's articles, newest first (undated last, then by id): from its data export
 * (`data/graph.json`), or, in a folder without one, its article pages, undated.
 */
function articlesNewestFirst(dir: string): SiteArticle[] {
  const file = path.join(dir, 'data', 'graph.json');
  let articles: SiteArticle[];
  if (existsSync(file)) {
    let graph: Pick<Graph, 'articles'>;
    try {
      graph = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`${file}: cannot read the site's article list (${(error as Error).message})`);
    }
    articles = (graph.articles ?? []).map((a) => ({ id: a.id, published: a.published }));
  } else {
    articles = pageDirs(dir, 'articles').map((id) => ({ id, published: null }));
  }
  return articles.sort((a, b) => {
    if (a.published !== b.published) {
      if (a.published === null) return 1;
      if (b.published === null) return -1;
      return a.published < b.published ? 1 : -1;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
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

export async function indexSite(dir: string, options: IndexSiteOptions = {}): Promise<{ pages: number; ms: number; shards: number }> {
  const started = performance.now();
  const glob = options.glob ?? searchablePagesGlob;
  const perShard = options.articlesPerShard ?? settings().searchShardArticles;
  const minResults = options.minResults ?? MIN_RESULTS;
  const bundle = path.join(dir, PAGEFIND_PATH);
  try {
    // One shard: the whole site in one index, Pagefind reading only the pages that carry a search body.
    const articles = glob === searchablePagesGlob ? articlesNewestFirst(dir) : [];
    if (articles.length <= perShard) {
      const pages = await writeIndex(dir, glob, bundle);
      if (pages === 0) throw new Error(`${dir}: no page to index (build the site first: npm run build)`);
      writeManifest(bundle, { version: 1, shards: [shardInfo(PAGEFIND_PATH, pages, articles)], minResults });
      return { pages, ms: performance.now() - started, shards: 1 };
    }

    const groups: SiteArticle[][] = [];
    for (let i = 0; i < articles.length; i += perShard) groups.push(articles.slice(i, i + perShard));
    const stageRoot = path.join(dir, '.marsad-search-shards');
    const shards: SearchShard[] = [];
    let total = 0;
    rmSync(stageRoot, { recursive: true, force: true });
    try {
      for (const [n, group] of groups.entries()) {
        const stage = path.join(stageRoot, String(n));
        const pages = group.map((a) => pageFile(articleUrl(a.id))).filter((p) => existsSync(path.join(dir, p)));
        // The first shard also holds every entity page, so names always find their page at once.
        if (n === 0) pages.push(...entityPages(dir));
        stagePages(dir, stage, pages);
        const urlPath = n === 0 ? PAGEFIND_PATH : `${PAGEFIND_PATH}older/${n}/`;
        const count = await writeIndex(stage, searchablePagesGlob, path.join(dir, urlPath));
        shards.push(shardInfo(urlPath, count, group));
        total += count;
      }
    } finally {
      rmSync(stageRoot, { recursive: true, force: true });
    }
    writeManifest(bundle, { version: 1, shards, minResults });
    return { pages: total, ms: performance.now() - started, shards: shards.length };
  } finally {
    await pagefind.close();
  }
}

/** The built entity pages (their first pages: the ones with a search body). */
function entityPages(dir: string): string[] {
  return pageDirs(dir, 'entities').map((id) => pageFile(entityUrl(id)));
}

function shardInfo(urlPath: string, pages: number, articles: readonly SiteArticle[]): SearchShard {
  const dated = articles
    .map((a) => a.published)
    .filter((d): d is string => d !== null)
    .sort();
  return { path: urlPath, pages, articles: articles.length, newest: dated.at(-1) ?? null, oldest: dated[0] ?? null };
}

function writeManifest(bundle: string, manifest: ShardManifest): void {
  writeFileSync(path.join(bundle, SHARD_MANIFEST), `${JSON.stringify(manifest)}\n`);
}
