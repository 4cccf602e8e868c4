/**
 * The articles collection's content loader. Each article's MDX is validated (frontmatter against
 * the collection schema) and rendered to HTML once, here, with the entity links, what the article
 * says of each entity and its search fields (`src/site/article-prepare.ts`), under a digest of the
 * file, the registry and the code that renders it (every module the content config loads,
 * src/site/code-digest.ts), so the next build renders only the articles that changed. In the
 * build cache (`<cacheDir>/marsad-articles/`, src/site/partition.ts) each article's HTML,
 * sentences and search fields are files read by its own page, and one records file holds every
 * article's parsed frontmatter and light record (`StoredArticle`: mention counts, the start of its
 * text, its file's time and size); Astro's content store keeps each article's id and digest only.
 * Astro writes the store, reads it back and bundles it into its build as one module at every
 * build: at 31,000 articles the whole text made that 185 MB and the frontmatter and light records
 * 64 MB, and its time and memory grew with the archive. Many changed articles are prepared in worker threads: plain Node on every
 * core, outside Vite's module runner (whose import getters make the matcher's per-character loops
 * several times slower).
 *
 * Why not Astro's glob loader with @astrojs/mdx: it turns every article into a JavaScript module
 * Vite compiles and keeps in memory for the whole build — 9 GB and most of the build time at
 * 30,000 articles — only to print static HTML, and it would run any expression an article holds.
 * Articles here are data: the same MDX syntax, parsed by the compiler @astrojs/mdx uses.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { loadRegistry } from '../entities/registry.ts';
import { displayPath, formatProblem } from '../entities/registry-rules.ts';
import { WorkerPool } from '../ingest/io/pool.ts';
import { settings } from '../settings.ts';
import { articleFiles, readArticleSource } from './article-files.ts';
import { articlePreparer, type PreparedArticle, type PrepareOptions } from './article-prepare.ts';
import { contentCodeDigest } from './code-digest.ts';
import { sameStamp, settledStamp } from './file-stamp.ts';
import {
  type ArchiveRecord,
  currentPartition,
  htmlFile,
  leadsFile,
  type Partition,
  preparedFile,
  readArchiveIndex,
  readLeads,
  readArticleRecords,
  type StoredArticle,
  type StoredArticleMetadata,
  articleRecordsFile,
  writeArticleRecords,
  wholeBuildBodyDir,
  writeArticleBody,
} from './partition.ts';
import { articleLead } from './search/lead.ts';

export type { ArticleRenderMetadata } from './article-prepare.ts';

export interface ArticleLoaderOptions {
  /** Folder of `*.mdx` articles (id = path without the extension). */
  base: string;
  /** Folder of the registry's `*.json` entities. */
  entities: string;
}

export function articleLoader({ base, entities }: ArticleLoaderOptions): Loader {
  return {
    name: 'marsad-articles',
    load: async (context) => {
      // One partition of a partitioned build: the articles come from the archive index (src/site/partition.ts).
      const partition = currentPartition();
      if (partition) return syncPartition(context, partition);
      await syncArticles(context, base, entities);
      // In dev, an edit syncs again; syncs run one after the other so two never write the store at once.
      let syncing = Promise.resolve();
      context.watcher?.on('all', (_event, changed) => {
        const file = path.resolve(changed);
        if ((file.startsWith(base + path.sep) && file.endsWith('.mdx')) || file.startsWith(entities + path.sep)) {
          syncing = syncing
            .then(() => syncArticles(context, base, entities))
            .catch((error) => context.logger.error((error as Error).message));
        }
      });
    },
  };
}

/** Fewer changed articles than this are prepared in the loader's own thread (workers take ~0.3 s to start). */
const WORKER_THRESHOLD = 200;
/** Articles per message to a worker. */
const BATCH = 100;

/**
 * Prepares articles batch by batch on `workers` worker threads — by default one per core (at most
 * 4) for 200 articles or more, none for fewer — or, with none, in this thread.
 */
export async function prepareArticles(
  items: { id: string; source: string }[],
  options: PrepareOptions,
  workers = WorkerPool.sizeFor(items.length, { minimum: WORKER_THRESHOLD, perWorker: BATCH }),
): Promise<PreparedArticle[]> {
  let prepare: ReturnType<typeof articlePreparer> | undefined;
  const pool = new WorkerPool<{ id: string; source: string }[], PreparedArticle[]>(new URL('./article-worker.ts', import.meta.url), {
    size: workers,
    inline: (batch) => {
      prepare ??= articlePreparer(options);
      return batch.map(({ id, source }) => prepare!(id, source));
    },
    workerData: options,
  });
  const batches: { id: string; source: string }[][] = [];
  for (let i = 0; i < items.length; i += BATCH) batches.push(items.slice(i, i + BATCH));
  try {
    return (await Promise.all(batches.map((batch) => pool.run(batch)))).flat();
  } finally {
    await pool.close();
  }
}

async function syncArticles(context: LoaderContext, base: string, entitiesDir: string): Promise<void> {
  const { store, parseData, generateDigest, logger, config } = context;
  const root = fileURLToPath(config.root);
  const bodies = wholeBuildBodyDir(fileURLToPath(config.cacheDir));
  mkdirSync(path.join(bodies, 'html'), { recursive: true });
  mkdirSync(path.join(bodies, 'prepared'), { recursive: true });
  const options: PrepareOptions = { registry: loadRegistry(entitiesDir), enrich: settings().searchEnrich };
  const contextDigest = generateDigest(`${await contentCodeDigest(config)}\0${options.enrich}\0${JSON.stringify(options.registry)}`);

  // The records the last build kept (src/site/partition.ts); an unreadable file renders everything again.
  let records: Map<string, StoredArticle>;
  try {
    records = readArticleRecords(bodies, { orEmpty: true });
  } catch (error) {
    logger.warn(`${(error as Error).message}: every article is rendered again`);
    records = new Map();
  }
  const before = records.size;
  const started = Date.now();
  // The bodies the cache holds (one listing, not a check per article).
  const bodyFiles = new Set(readdirSync(path.join(bodies, 'html')));
  let stamped = 0;
  const seen = new Map<string, string>();
  const files = articleFiles(base);
  const problems: string[] = files.problems.map(formatProblem);
  const changed: { id: string; source: string; digest: string; stamp?: StoredArticle['source'] }[] = [];
  for (const { id, file: full } of files.articles) {
    seen.set(id, full);
    const record = records.get(id);
    const kept = (digest: string) => store.get(id)?.digest === digest && record?.digest === digest && bodyFiles.has(`${digest}.html`);
    // The file's time and size, for a file settled before the build (src/site/file-stamp.ts).
    let stamp: StoredArticle['source'];
    try {
      const settled = settledStamp(full, started);
      if (settled) stamp = { ...settled, context: contextDigest };
    } catch {
      // Read below, which reports the file and why it cannot be read.
    }
    // Unchanged without reading it: the same time, size, registry and code as when its digest was taken.
    if (stamp && record && sameStamp(record.source, stamp) && record.source?.context === contextDigest && kept(record.digest)) continue;
    const source = readArticleSource(full, problems);
    if (source === null) continue;
    const digest = generateDigest(`${contextDigest}\0${source}`);
    // Unchanged when the store and the records have this digest and the cache still holds its body.
    if (!kept(digest)) changed.push({ id, source, digest, ...(stamp ? { stamp } : {}) });
    else if (record && stamp) {
      record.source = stamp;
      stamped++;
    }
  }

  const prepared = await prepareArticles(changed, options);
  for (const [i, result] of prepared.entries()) {
    const { id, digest, stamp } = changed[i]!;
    const full = seen.get(id)!;
    if (!result.ok) {
      problems.push(`${displayPath(full)}${result.line ? `:${result.line}:${result.column}` : ''}: ${result.reason}`);
      continue;
    }
    try {
      const data = await parseData({ id, data: result.frontmatter, filePath: full });
      const filePath = path.relative(root, full).split(path.sep).join('/');
      const lead = articleLead(result.html);
      writeArticleBody(bodies, digest, result.html, { frontmatter: result.frontmatter, metadata: result.metadata, lead });
      const { counts, zones } = result.metadata;
      const metadata: StoredArticleMetadata = { counts, zones, lead, body: digest };
      records.set(id, { digest, ...(stamp ? { source: stamp } : {}), filePath, data, metadata });
      // The store: the id and digest only (a changed digest still tells `astro dev` to reload the pages).
      store.set({ id, data: {}, digest });
    } catch (error) {
      problems.push(`${displayPath(full)}: ${(error as Error).message}`);
    }
  }
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
  for (const id of records.keys()) if (!seen.has(id)) records.delete(id);
  if (problems.length > 0) {
    throw new Error(`${problems.length} article${problems.length === 1 ? '' : 's'} cannot be built:\n${problems.join('\n')}`);
  }
  if (changed.length > 0 || stamped > 0 || records.size !== before || !existsSync(articleRecordsFile(bodies)))
    writeArticleRecords(bodies, records);
  forgetBodies(bodies, new Set([...records.values()].map((record) => record.digest)));
  logger.info(`${seen.size} articles, ${changed.length} rendered, ${seen.size - changed.length} unchanged`);
}

/** Deletes the bodies of articles the store no longer holds (edited or deleted ones). */
function forgetBodies(bodies: string, keys: ReadonlySet<string>): void {
  for (const [folder, suffix] of [
    ['html', '.html'],
    ['prepared', '.v8'],
  ] as const) {
    for (const file of readdirSync(path.join(bodies, folder))) {
      if (!keys.has(file.slice(0, -suffix.length))) rmSync(path.join(bodies, folder, file), { force: true });
    }
  }
}

/**
 * What a partition's store keeps of an article, from the archive index: its mention counts by
 * entity and zone (related stories, mentions, the lists) always; the start of its text, `lead`,
 * in the partition that writes the lists (the site's word counts, src/site/search/site-words.ts;
 * null elsewhere); and the key of its body files (`body`) in the partition that writes its page.
 * The sentences naming each entity the lists partition reads per entity as it renders entity
 * pages (`withSnippets` in src/site/data.ts); the search fields only the article's own page reads.
 * So a partition's memory grows with the archive by a small record per article.
 */
export function partitionCopy(record: ArchiveRecord, lead: string | null, own: boolean): StoredArticleMetadata {
  const { counts, zones } = record.metadata;
  return { counts, zones, lead, body: own ? record.key : null };
}

/** An article's lead from the plan step's leads file (`file`), which holds every article of the index. */
function leadOf(leads: ReadonlyMap<string, string>, id: string, file: string): string {
  const lead = leads.get(id);
  if (lead === undefined) throw new Error(`${file}: no lead for article "${id}"; run npm run build:partitioned again`);
  return lead;
}

/**
 * A partition's articles: every article of the archive index with its frontmatter and what other
 * pages read of it (`partitionCopy`); the pages of its own articles read their bodies from the
 * files beside the index as they render. The index was written by the loader's own preparer
 * (src/cli/build-partitioned.ts), which has reported any bad article.
 */
async function syncPartition(context: LoaderContext, partition: Partition): Promise<void> {
  const { store, parseData, generateDigest, logger } = context;
  const { records } = readArchiveIndex(partition.index);
  const own = new Set(partition.articles);
  const dir = path.dirname(partition.index);
  const leads = partition.lists ? readLeads(dir) : null;
  const seen = new Set<string>();
  const problems: string[] = [];
  let loaded = 0;
  for (const record of records) {
    seen.add(record.id);
    const withBody = own.has(record.id);
    const digest = generateDigest(`${record.key}\0${withBody}\0${partition.lists}`);
    if (store.get(record.id)?.digest === digest) continue;
    try {
      if (withBody && !(existsSync(htmlFile(dir, record.key)) && existsSync(preparedFile(dir, record.key)))) {
        throw new Error(`its HTML or prepared record (${record.key}) is missing from ${dir}; run the plan step again`);
      }
      const metadata = partitionCopy(record, leads ? leadOf(leads, record.id, leadsFile(dir)) : null, withBody);
      const data = await parseData({ id: record.id, data: record.frontmatter, filePath: record.filePath });
      store.set({
        id: record.id,
        data,
        digest,
        filePath: record.filePath,
        rendered: { html: '', metadata: metadata as unknown as Record<string, unknown> },
      });
      loaded++;
    } catch (error) {
      problems.push(`${record.filePath}: ${(error as Error).message}`);
    }
  }
  for (const id of own)
    if (!seen.has(id))
      problems.push(`${partition.index}: partition ${partition.name} names article "${id}", which the index does not hold`);
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
  if (problems.length > 0)
    throw new Error(`partition ${partition.name}: ${problems.length} article(s) cannot be loaded:\n${problems.join('\n')}`);
  logger.info(`partition ${partition.name}: ${seen.size} articles in the index, ${own.size} with their pages, ${loaded} loaded`);
}
