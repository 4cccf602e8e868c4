/**
 * `npm run build:partitioned [-- STEP] [--by month] [--jobs N]`: builds the site as partitions by
 * publication period that each render only their own articles' pages, against one archive index
 * computed first, and merges them into the build's output folder — the same site `npm run build`
 * writes (docs/scale.md, "Partitioned builds"; src/site/partitioned-build.ts). Work files (the
 * index, the partition files, each partition's Astro cache) are kept under
 * $MARSAD_CACHE_DIR/partitions/, so a second run prepares only changed articles and each
 * partition's incremental build reuses its own cache.
 *
 * STEP runs one step, for CI jobs: `plan` (the archive index and the partition files; prints one
 * line per partition), `partition NAME` (one partition's astro build), `merge` (the partitions'
 * outputs into the output folder, the sitemap, the link check, then the search index). Without
 * STEP, all of them, `--jobs` partitions at a time. Exits 0 when the step (or the site and its
 * search index) is written, 1 when a step fails, 2 on a usage error.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { settingsOrExit } from '../settings.ts';
import { readPartition } from '../site/partition.ts';
import {
  inParallel,
  mergePartitions,
  partitionCommand,
  partitionFolders,
  type PartitionPeriod,
  planPartitions,
  prepareArchiveIndex,
} from '../site/partitioned-build.ts';
import { commandLine, usageError } from './args.ts';

const USAGE = `usage: npm run build:partitioned [-- STEP] [--by day|month|year] [--most N] [--jobs N]
  STEP     one step only: plan | partition NAME | merge (default: all of them)
  --by     publication period of an article partition (default month; undated articles form one)
  --most   neighbouring periods share a partition while they hold at most N articles together
  --jobs   partitions built at a time when running all steps (default 1)
Writes the site to $MARSAD_OUT_DIR (default dist) and indexes it for search, as npm run build does;
work files under $MARSAD_CACHE_DIR/partitions/.`;

const { values, positionals } = commandLine(USAGE, {
  allowPositionals: true,
  options: { by: { type: 'string', default: 'month' }, most: { type: 'string' }, jobs: { type: 'string', default: '1' } },
});
if (!['day', 'month', 'year'].includes(values.by))
  usageError(`build:partitioned: --by must be day, month or year, not "${values.by}"`, USAGE);
if (values.most !== undefined && !/^[1-9]\d*$/.test(values.most)) {
  usageError(`build:partitioned: --most must be a whole number ≥ 1, not "${values.most}"`, USAGE);
}
if (!/^[1-9]\d*$/.test(values.jobs)) usageError(`build:partitioned: --jobs must be a whole number ≥ 1, not "${values.jobs}"`, USAGE);
const [step = 'all', name, ...extra] = positionals;
if (!['all', 'plan', 'partition', 'merge'].includes(step))
  usageError(`build:partitioned: no step "${step}" (plan, partition NAME or merge)`, USAGE);
if ((step === 'partition') !== (name !== undefined) || extra.length > 0) {
  usageError(`build:partitioned: ${step === 'partition' ? 'partition takes one NAME' : `${step} takes no more arguments`}`, USAGE);
}
const by = values.by as PartitionPeriod;
const jobs = Number(values.jobs);
const { contentDir, outDir, cacheDir, siteUrl, searchEnrich } = settingsOrExit();
const root = path.resolve(import.meta.dirname, '../..');
const work = path.join(cacheDir, 'partitions');
const planDir = path.join(work, 'plan');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const say = (line: string) => process.stdout.write(`[partitions] ${line}\n`);

/** Runs a command, its output into `log` (or through, without), rejecting with the log's end on failure. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, log?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: log ? 'pipe' : 'inherit' });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (log) writeFileSync(log, output);
      if (code === 0) resolve();
      else reject(new Error(`exit ${code}${log ? `; its log, ${log}, ends:\n${output.split('\n').slice(-40).join('\n')}` : ''}`));
    });
  });
}

async function plan() {
  const started = performance.now();
  const index = await prepareArchiveIndex({ root, contentDir, dir: path.join(work, 'index'), enrich: searchEnrich });
  say(
    `archive index: ${index.articles} articles, ${index.prepared} prepared, ${index.articles - index.prepared} unchanged (${seconds(performance.now() - started)})`,
  );
  rmSync(planDir, { recursive: true, force: true });
  const most = values.most === undefined ? undefined : Number(values.most);
  const parts = planPartitions(index.records, { index: index.index, dir: planDir, by, ...(most ? { most } : {}) });
  say(`${parts.length} partitions by ${by}${most ? `, at most ${most} articles each unless one ${by} has more` : ''}`);
  for (const part of parts) say(`partition ${part.name}: ${part.partition.lists ? 'lists' : `${part.partition.articles.length} articles`}`);
  return parts;
}

/** The partitions the plan step wrote. */
function planned() {
  if (!existsSync(planDir)) throw new Error(`${planDir}: no partitions planned (run the plan step first)`);
  return readdirSync(planDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = path.join(planDir, f);
      return { name: f.slice(0, -'.json'.length), file, partition: readPartition(file) };
    });
}

async function buildPartition(part: { name: string; file: string; partition: { lists: boolean; articles: string[] } }, quiet: boolean) {
  const begun = performance.now();
  const { command, args, cwd, env } = partitionCommand(root, work, contentDir, part);
  mkdirSync(path.join(work, 'logs'), { recursive: true });
  try {
    await run(command, args, cwd, env, quiet ? path.join(work, 'logs', `${part.name}.log`) : undefined);
  } catch (error) {
    throw new Error(`partition ${part.name} failed: ${(error as Error).message}`);
  }
  say(
    `${part.name}: ${part.partition.lists ? 'lists' : `${part.partition.articles.length} articles`} in ${seconds(performance.now() - begun)}`,
  );
}

async function merge() {
  const merging = performance.now();
  const parts = planned().map((part) => ({ ...part, outDir: partitionFolders(root, work, part.name).outDir }));
  const merged = await mergePartitions(parts, { outDir, site: siteUrl });
  say(
    `merged ${parts.length} partitions into ${outDir}: ${merged.files} files, ${merged.pages} pages in the sitemap, no broken links (${seconds(performance.now() - merging)})`,
  );
  await run(process.execPath, [path.join(root, 'src', 'cli', 'search-index.ts')], root, {
    ...process.env,
    MARSAD_OUT_DIR: outDir,
    MARSAD_CACHE_DIR: cacheDir,
  });
}

try {
  const started = performance.now();
  if (step === 'plan') await plan();
  else if (step === 'merge') await merge();
  else if (step === 'partition') {
    const part = planned().find((p) => p.name === name);
    if (!part) throw new Error(`no partition "${name}" planned in ${planDir} (the plan step lists them)`);
    await buildPartition(part, false);
  } else {
    const parts = await plan();
    say(`building ${parts.length} partitions, ${jobs} at a time`);
    await inParallel(parts, jobs, (part) => buildPartition(part, true));
    await merge();
    say(`whole build ${seconds(performance.now() - started)}`);
  }
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
