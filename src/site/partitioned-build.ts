/**
 * The steps of a partitioned build (`npm run build:partitioned`, docs/scale.md "Partitioned
 * builds"), outside Astro:
 *
 * 1. `prepareArchiveIndex`: every article prepared once with the content loader's own preparer and
 *    worker pool (src/site/article-prepare.ts), kept per article in a cache keyed like the
 *    loader's store (the file, the registry, the code that renders it), so a second run prepares
 *    only the articles that changed; then the archive index of their light records
 *    (src/site/partition.ts) and one HTML file per article.
 * 2. `planPartitions`: the articles grouped by publication period (day, month or year; undated
 *    ones together; small neighbouring periods together up to a number of articles), one
 *    partition file each, and one partition for the lists.
 * 3. Each partition is an `astro build` of its own (`MARSAD_PARTITION`, its own output and cache
 *    folders), so partitions can run side by side or on other machines.
 * 4. `mergePartitions`: their outputs copied into one folder — from an article partition only its
 *    article pages and Astro's bundled assets — failing on any file two partitions wrote with
 *    different bytes; the sitemap written once over every partition's pages; the link check run
 *    over the whole site. The search index is then built over it once, as after `astro build`.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';
import { loadRegistry } from '../entities/registry.ts';
import { displayPath, formatProblem } from '../entities/registry-rules.ts';
import { articleFiles, readArticleSource } from './article-files.ts';
import { prepareArticles } from './article-loader.ts';
import type { PrepareOptions } from './article-prepare.ts';
import { codeDigest } from './code-digest.ts';
import { findBrokenLinks, ownString } from './link-check.ts';
import {
  type ArchiveRecord,
  htmlFile,
  indexFile,
  leadsFile,
  type Partition,
  type PreparedRecord,
  preparedFile,
  readPrepared,
  serializeIndex,
  snippetsFile,
  writeArticleBody,
} from './partition.ts';
import type { Snippet } from '../entities/mentions.ts';
import { articleLead } from './search/lead.ts';
import { writeSitemap } from './sitemap.ts';
import { PAGEFIND_PATH } from '../search/shards.ts';

export type PartitionPeriod = 'day' | 'month' | 'year';

/** Articles prepared at a time: bounds the memory of step 1 whatever the archive's size. */
const CHUNK = 2_000;

const sha = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 32);

/**
 * Step 1. Writes `<dir>/archive-index.v8` and `<dir>/html/<key>.html`, preparing only articles
 * not prepared before (`<dir>/prepared/<key>.v8`); files of articles no longer in the content
 * folder are removed. Throws one error listing every article that cannot be built, by file.
 */
export async function prepareArchiveIndex(options: {
  root: string;
  contentDir: string;
  dir: string;
  enrich: boolean;
}): Promise<{ index: string; articles: number; prepared: number; records: ArchiveRecord[] }> {
  const { root, contentDir, dir, enrich } = options;
  const prepareOptions: PrepareOptions = { registry: loadRegistry(path.join(contentDir, 'entities')), enrich };
  // Keyed like the loader's store, and on this module too (what it keeps of each article).
  const code = await codeDigest([path.join(root, 'src', 'content.config.ts'), fileURLToPath(import.meta.url)], root);
  const context = sha(`${code}\0${enrich}\0${JSON.stringify(prepareOptions.registry)}`);
  mkdirSync(path.join(dir, 'prepared'), { recursive: true });
  mkdirSync(path.join(dir, 'html'), { recursive: true });

  const files = articleFiles(path.join(contentDir, 'articles'));
  const problems = files.problems.map(formatProblem);
  // Sources are read again chunk by chunk below: a first build must not hold the whole archive's.
  const articles: { id: string; file: string; key: string; done: boolean }[] = [];
  for (const { id, file } of files.articles) {
    const source = readArticleSource(file, problems);
    if (source === null) continue;
    const key = sha(`${context}\0${source}`);
    const done = existsSync(preparedFile(dir, key)) && existsSync(htmlFile(dir, key));
    articles.push({ id, file, key, done });
  }

  const changed = articles.filter((a) => !a.done);
  for (let i = 0; i < changed.length; i += CHUNK) {
    const chunk = changed.slice(i, i + CHUNK);
    const prepared = await prepareArticles(
      chunk.map((a) => ({ id: a.id, source: readFileSync(a.file, 'utf8') })),
      prepareOptions,
    );
    for (const [j, result] of prepared.entries()) {
      const article = chunk[j]!;
      if (!result.ok) {
        problems.push(`${displayPath(article.file)}${result.line ? `:${result.line}:${result.column}` : ''}: ${result.reason}`);
        continue;
      }
      const record: PreparedRecord = { frontmatter: result.frontmatter, metadata: result.metadata, lead: articleLead(result.html) };
      writeArticleBody(dir, article.key, result.html, record);
    }
  }
  if (problems.length > 0) {
    throw new Error(`${problems.length} article${problems.length === 1 ? '' : 's'} cannot be built:\n${problems.join('\n')}`);
  }

  // The index holds each article's light record only: what every partition reads of every article.
  // The sentences naming each entity go to one file per entity, for the lists partition's entity pages.
  // Their leads go to one file, for the lists partition's word counts.
  const snippets = new Map<string, Map<string, Snippet[]>>();
  const leads = new Map<string, string>();
  const records: ArchiveRecord[] = articles.map(({ id, file, key }) => {
    const { frontmatter, metadata, lead } = readPrepared(dir, key);
    leads.set(id, lead);
    for (const [entityId, sentences] of metadata.snippets) {
      if (sentences.length === 0) continue;
      let byArticle = snippets.get(entityId);
      if (!byArticle) snippets.set(entityId, (byArticle = new Map()));
      byArticle.set(id, sentences);
    }
    return {
      id,
      key,
      filePath: path.relative(root, file).split(path.sep).join('/'),
      frontmatter,
      metadata: { counts: metadata.counts, zones: metadata.zones },
    };
  });
  const keys = new Set(articles.map((a) => a.key));
  for (const [sub, ext] of [
    ['prepared', '.v8'],
    ['html', '.html'],
  ] as const) {
    for (const name of readdirSync(path.join(dir, sub))) {
      if (name.endsWith(ext) && !keys.has(name.slice(0, -ext.length))) rmSync(path.join(dir, sub, name));
    }
  }
  rmSync(path.join(dir, 'snippets'), { recursive: true, force: true });
  mkdirSync(path.join(dir, 'snippets'), { recursive: true });
  for (const [entityId, byArticle] of snippets) writeFileSync(snippetsFile(dir, entityId), serialize(byArticle));
  writeFileSync(leadsFile(dir), serialize(leads));
  const index = indexFile(dir);
  writeFileSync(index, serializeIndex(records));
  return { index, articles: records.length, prepared: changed.length, records };
}

/** An article's publication period: `2015-07-26`, `2015-07` or `2015`; `undated` without a date. */
export function periodOf(frontmatter: Record<string, unknown>, by: PartitionPeriod): string {
  const value = frontmatter.published;
  const iso = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : '';
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return 'undated';
  return iso.slice(0, by === 'day' ? 10 : by === 'month' ? 7 : 4);
}

/**
 * Step 2. The partitions, oldest period first and the lists last, their files written to `dir`.
 * With `most`, neighbouring periods are built together while they hold no more than `most`
 * articles between them (a period is never cut: one larger than `most` is a partition alone), so
 * that small periods do not each pay Astro's fixed costs.
 */
export function planPartitions(
  records: readonly ArchiveRecord[],
  options: { index: string; dir: string; by: PartitionPeriod; most?: number },
): { name: string; file: string; partition: Partition }[] {
  const periods = new Map<string, string[]>();
  for (const r of records) {
    const period = periodOf(r.frontmatter, options.by);
    const ids = periods.get(period);
    if (ids) ids.push(r.id);
    else periods.set(period, [r.id]);
  }
  const groups: { first: string; last: string; articles: string[] }[] = [];
  for (const period of [...periods.keys()].sort()) {
    const ids = periods.get(period)!;
    const open = groups.at(-1);
    if (open && options.most !== undefined && open.articles.length + ids.length <= options.most) {
      open.last = period;
      open.articles.push(...ids);
    } else groups.push({ first: period, last: period, articles: [...ids] });
  }
  const parts: Partition[] = groups.map(({ first, last, articles }) => ({
    name: `articles-${first}${last === first ? '' : `--${last}`}`,
    index: options.index,
    articles,
    lists: false,
  }));
  parts.push({ name: 'lists', index: options.index, articles: [], lists: true });
  mkdirSync(options.dir, { recursive: true });
  return parts.map((partition) => {
    const file = path.join(options.dir, `${partition.name}.json`);
    writeFileSync(file, `${JSON.stringify(partition)}\n`);
    return { name: partition.name, file, partition };
  });
}

/** Runs `task` over `items`, at most `jobs` at a time, keeping their order in the results. */
export async function inParallel<T, R>(items: readonly T[], jobs: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  });
  await Promise.all(runners);
  return results;
}

/** Every file under `dir`, relative, with POSIX separators. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

const SITEMAP = /^sitemap-[^/]*\.xml$/;

/**
 * Step 4. Copies the partitions' outputs into `outDir` (emptied first): the lists partition's
 * every file, an article partition's `articles/` and `_astro/`; fails naming the file and both
 * partitions when two wrote one file with different bytes. Then writes the sitemap over the
 * pages of every partition (each partition's own sitemap lists its pages only) and checks every
 * internal link of the merged site.
 */
export async function mergePartitions(
  parts: readonly { name: string; outDir: string; partition: Partition }[],
  options: { outDir: string; site: string },
): Promise<{ files: number; pages: number }> {
  const { outDir } = options;
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const writtenBy = new Map<string, string>();
  const conflicts: string[] = [];
  const locs = new Set<string>();
  for (const part of parts) {
    for (const file of filesUnder(part.outDir)) {
      if (SITEMAP.test(file)) {
        for (const [, loc] of readFileSync(path.join(part.outDir, file), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)) {
          if (!loc!.includes('/sitemap-')) locs.add(ownString(loc!));
        }
        continue;
      }
      if (!part.partition.lists && !file.startsWith('articles/') && !file.startsWith('_astro/')) continue;
      const from = path.join(part.outDir, file);
      const to = path.join(outDir, file);
      const earlier = writtenBy.get(file);
      if (earlier !== undefined) {
        if (!readFileSync(from).equals(readFileSync(to)))
          conflicts.push(`${file}: partitions ${earlier} and ${part.name} wrote different bytes`);
        continue;
      }
      mkdirSync(path.dirname(to), { recursive: true });
      copyFileSync(from, to);
      writtenBy.set(file, part.name);
    }
  }
  if (conflicts.length > 0) {
    throw new Error(`${conflicts.length} file(s) differ between partitions:\n${conflicts.slice(0, 50).join('\n')}`);
  }
  await writeSitemap(outDir, options.site, [...locs]);
  const broken = findBrokenLinks(outDir, { include: (url) => !url.startsWith(PAGEFIND_PATH) });
  if (broken.length > 0) throw new Error(`${broken.length} broken internal link(s):\n${broken.slice(0, 50).join('\n')}`);
  return { files: writtenBy.size, pages: locs.size };
}

/**
 * Where step 3 keeps a partition's output and Astro cache. The output folder is inside the
 * project (`.astro/partitions/<digest of the work folder>/<name>/dist`): Astro bundles a build's prerendered pages into its
 * output folder when that is inside the current folder (the project), and else into the
 * project's `.astro/.prerender/`, where two partitions building at once would overwrite each
 * other's bundle. The cache goes under the partitioned build's work folder.
 */
export function partitionFolders(root: string, work: string, name: string): { outDir: string; cacheDir: string } {
  const build = sha(path.resolve(work)).slice(0, 12);
  return { outDir: path.join(root, '.astro', 'partitions', build, name, 'dist'), cacheDir: path.join(work, 'parts', name, 'cache') };
}

/**
 * The JavaScript heap a partition may use, in MB: Node's default (about 4 GiB on a 64-bit machine
 * with 16 GiB or more) is below what the lists partition of a 120k-article archive holds; 7 GiB
 * keeps a partition, with its buffers, within the 8 GiB a build machine is asked to have
 * (docs/scale.md, "Partitioned builds").
 */
export const PARTITION_HEAP_MB = 7168;

/** Step 3's command for one partition: `astro build` with its partition file and its own folders. */
export function partitionCommand(
  root: string,
  work: string,
  contentDir: string,
  part: { name: string; file: string },
): { command: string; args: string[]; cwd: string; env: NodeJS.ProcessEnv; outDir: string } {
  const { outDir, cacheDir } = partitionFolders(root, work, part.name);
  return {
    command: process.execPath,
    args: [`--max-old-space-size=${PARTITION_HEAP_MB}`, path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'],
    cwd: root,
    env: {
      ...process.env,
      MARSAD_CONTENT_DIR: contentDir,
      MARSAD_PARTITION: part.file,
      MARSAD_OUT_DIR: outDir,
      MARSAD_CACHE_DIR: cacheDir,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    outDir,
  };
}
