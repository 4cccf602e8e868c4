/**
 * `npm run build:partitioned [-- --by month --jobs N]`: builds the site as partitions by
 * publication period that each render only their own articles' pages, against one archive index
 * computed first, and merges them into the build's output folder — the same site `npm run build`
 * writes (docs/scale.md, "Partitioned builds"; src/site/partitioned-build.ts). Work files (the
 * index, each partition's output and Astro cache) are kept under $MARSAD_CACHE_DIR/partitions/, so
 * a second run prepares only changed articles and each partition's incremental build reuses its
 * own cache. Exits 0 when the site and its search index are written, 1 when a step fails, 2 on a
 * usage error.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { settingsOrExit } from '../settings.ts';
import {
  inParallel,
  mergePartitions,
  partitionCommand,
  type PartitionPeriod,
  planPartitions,
  prepareArchiveIndex,
} from '../site/partitioned-build.ts';
import { commandLine, usageError } from './args.ts';

const USAGE = `usage: npm run build:partitioned [-- --by day|month|year] [--jobs N]
  --by     publication period of an article partition (default month; undated articles form one)
  --jobs   partitions built at a time (default 1); each is an astro build of its own
Writes the site to $MARSAD_OUT_DIR (default dist) and indexes it for search, as npm run build does;
work files under $MARSAD_CACHE_DIR/partitions/.`;

const { values } = commandLine(USAGE, {
  options: { by: { type: 'string', default: 'month' }, jobs: { type: 'string', default: '1' } },
});
if (!['day', 'month', 'year'].includes(values.by))
  usageError(`build:partitioned: --by must be day, month or year, not "${values.by}"`, USAGE);
if (!/^[1-9]\d*$/.test(values.jobs)) usageError(`build:partitioned: --jobs must be a whole number ≥ 1, not "${values.jobs}"`, USAGE);
const by = values.by as PartitionPeriod;
const jobs = Number(values.jobs);
const { contentDir, outDir, cacheDir, siteUrl, searchEnrich } = settingsOrExit();
const root = path.resolve(import.meta.dirname, '../..');
const work = path.join(cacheDir, 'partitions');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const say = (line: string) => process.stdout.write(`[partitions] ${line}\n`);

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, log: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => {
      writeFileSync(log, output);
      if (code === 0) resolve();
      else reject(new Error(`exit ${code}; its log, ${log}, ends:\n${output.split('\n').slice(-40).join('\n')}`));
    });
  });
}

try {
  const started = performance.now();
  const index = await prepareArchiveIndex({ root, contentDir, dir: path.join(work, 'index'), enrich: searchEnrich });
  say(
    `archive index: ${index.articles} articles, ${index.prepared} prepared, ${index.articles - index.prepared} unchanged (${seconds(performance.now() - started)})`,
  );

  const parts = planPartitions(index.records, { index: index.index, dir: path.join(work, 'plan'), by });
  mkdirSync(path.join(work, 'logs'), { recursive: true });
  say(`${parts.length} partitions by ${by}, ${jobs} at a time`);
  const built = await inParallel(parts, jobs, async (part) => {
    const begun = performance.now();
    const { command, args, cwd, env, outDir: partOut } = partitionCommand(root, work, contentDir, part);
    try {
      await run(command, args, cwd, env, path.join(work, 'logs', `${part.name}.log`));
    } catch (error) {
      throw new Error(`partition ${part.name} failed: ${(error as Error).message}`);
    }
    say(
      `${part.name}: ${part.partition.lists ? 'lists' : `${part.partition.articles.length} articles`} in ${seconds(performance.now() - begun)}`,
    );
    return { ...part, outDir: partOut };
  });

  const merging = performance.now();
  const merged = await mergePartitions(built, { outDir, site: siteUrl });
  say(
    `merged into ${outDir}: ${merged.files} files, ${merged.pages} pages in the sitemap, no broken links (${seconds(performance.now() - merging)})`,
  );

  await run(
    process.execPath,
    [path.join(root, 'src', 'cli', 'search-index.ts')],
    root,
    { ...process.env, MARSAD_OUT_DIR: outDir, MARSAD_CACHE_DIR: cacheDir },
    path.join(work, 'logs', 'search-index.log'),
  );
  say(`search index written; whole build ${seconds(performance.now() - started)}`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
