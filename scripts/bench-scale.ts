/**
 * Scale benchmark: the SaudiNewsNet corpus (or its first N articles) as one Marsad site.
 *   npm run bench:scale -- --corpus ../shared/corpus/saudinewsnet --limit N [--baselines]
 *                          [--rebuild] [--shard-articles N] [--json FILE] [--keep DIR]
 *                          [--partitions day|month|year [--most N] [--jobs N] [--no-single]]
 *                          [--copies N]
 * 1. takes the first N records of the corpus ZIPs (day by day) into a JSON Lines file;
 * 2. ingests them with the project's ingest CLI into a temp content folder, with the registry
 *    content/entities + bench/scale/registry;
 * 3. builds the site with MARSAD_CONTENT_DIR as `npm run build` does (Astro, then the Pagefind index);
 * 4. with --rebuild, holds back the newest day of those records (taken whole, past N if the limit
 *    cuts it) from the first build, then adds
 *    that day's articles and rebuilds with the same cache (incremental), then one more article and
 *    rebuilds again: ingest, Astro (by phase) and Pagefind time, and which search shards were
 *    indexed again;
 * 5. with --baselines, builds the same articles as a plain Astro + MDX + Pagefind site and as a
 *    Starlight site (bench/scale/baselines/), without entities;
 * 6. runs a fixed set of cold entity-name queries in headless Chromium, each in a fresh browser
 *    context, through the site's own search from its home page (newest shard first, as readers
 *    get it) and again over the whole archive (every shard): bytes the server sent from the query
 *    on (gzip, per file kind) and time to the first result's data; with --baselines, Pagefind's
 *    API alone on the plain site's index too;
 * 7. with --partitions BY, builds the same articles again as a partitioned build
 *    (`npm run build:partitioned`, docs/scale.md) step by step — the archive index, each
 *    partition (`--jobs` at a time), the merge with the search index — with each step's time and
 *    peak memory, and checks that its `dist/` is the single build's, file for file; with
 *    --no-single, the partitioned build is the only one (for archives one build cannot hold), and
 *    the site measured and queried;
 * 8. with --copies N, the records taken and N − 1 copies of them, each re-dated by whole years
 *    (1, 2, … years later: the record's collection date and every year written in its title,
 *    text and URL), its title marked «(نسخة K)» and its URL given `?copy=K`, so that ingest keeps
 *    them as distinct articles: an archive N times the corpus, for memory and time past its 31k
 *    articles;
 * and prints one table (and writes the figures as JSON).
 */
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { unzipSync, strFromU8 } from 'fflate';
import { commandLine, usageFromHeader } from '../src/cli/args.ts';
import { buildSteps, projectRoot } from './lib/build.ts';
import { launchChromium, precompress, serveStatic } from './lib/browser.ts';
import { DEFAULT_CORPUS } from './lib/corpus.ts';
import { folderSize, measure, type Measured } from './lib/measure.ts';
import { LAST_RUN, searchCacheDir, type ShardRun } from '../src/site/search/index-site.ts';
import { PAGEFIND_PATH, SHARD_MANIFEST, type ShardManifest } from '../src/search/shards.ts';

const USAGE = usageFromHeader(import.meta.url);

const { values: args } = commandLine(USAGE, {
  options: {
    corpus: { type: 'string', default: DEFAULT_CORPUS },
    limit: { type: 'string' },
    baselines: { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
    'shard-articles': { type: 'string' },
    json: { type: 'string' },
    keep: { type: 'string' },
    queries: { type: 'boolean', default: true },
    partitions: { type: 'string' },
    jobs: { type: 'string', default: '1' },
    most: { type: 'string' },
    single: { type: 'boolean', default: true },
    copies: { type: 'string', default: '1' },
  },
  allowNegative: true,
});

/** Typical reader queries: entity names and aliases the corpus is full of. */
const QUERIES = ['بوتين', 'الملك سلمان', 'الرياض', 'داعش', 'الحوثيين', 'أرامكو', 'الأمم المتحدة', 'جدة', 'إيران', 'الهلال'];

const node = process.execPath;
const astroBin = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
const limit = args.limit ? Number(args.limit) : Infinity;
if (!/^[1-9]\d*$/.test(args.copies)) throw new Error(`--copies must be a whole number ≥ 1, not "${args.copies}"`);
const copies = Number(args.copies);
if (!args.single && (!args.partitions || args.rebuild || args.baselines)) {
  throw new Error('--no-single needs --partitions, and goes with neither --rebuild nor --baselines');
}
const work = args.keep ? path.resolve(args.keep) : await mkdtemp(path.join(os.tmpdir(), 'marsad-scale-'));
if (args.keep) await rm(work, { recursive: true, force: true });
await mkdir(work, { recursive: true });
const log = (line: string) => process.stderr.write(`${line}\n`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * The first `count` corpus records, day by day (days as the corpus files name them), as JSON lines;
 * with `wholeDays`, the last day is taken whole even past `count` (--rebuild publishes it as a day).
 */
async function corpusRecords(count: number, wholeDays = false): Promise<{ day: string; lines: string[] }[]> {
  const files = (await readdir(args.corpus!)).filter((f) => f.endsWith('.zip')).sort();
  const days: { day: string; lines: string[] }[] = [];
  let taken = 0;
  for (const file of files) {
    if (taken >= count) break;
    const day = { day: file.replace(/\.zip$/, ''), lines: [] as string[] };
    for (const [name, bytes] of Object.entries(unzipSync(await readFile(path.join(args.corpus!, file))))) {
      if (!name.endsWith('.json')) continue;
      for (const record of JSON.parse(strFromU8(bytes)) as Record<string, unknown>[]) {
        if (taken >= count && !wholeDays) break;
        day.lines.push(JSON.stringify(record));
        taken += 1;
      }
    }
    if (day.lines.length > 0) days.push(day);
  }
  return days;
}

const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';
const arabicDigits = (n: number) => String(n).replace(/\d/g, (d) => ARABIC_DIGITS[Number(d)]!);

/**
 * --copies: the corpus days again, `years` later: the collection date, and every year the title
 * and text write (in Western or Arabic digits) from 2000 to 2030, moved on by `years`; the title
 * marked with the copy's number so that its content hash (the article's id) is its own.
 */
function redated(days: readonly { day: string; lines: string[] }[], years: number): { day: string; lines: string[] }[] {
  const shiftYear = (text: string) =>
    text
      .replace(/(?<!\d)20[0-3]\d(?!\d)/g, (y) => String(Number(y) + years))
      .replace(/(?<![٠-٩])٢٠[٠-٣][٠-٩](?![٠-٩])/g, (y) =>
        arabicDigits(Number([...y].map((d) => ARABIC_DIGITS.indexOf(d)).join('')) + years),
      );
  return days.map((d) => ({
    day: shiftYear(d.day),
    lines: d.lines.map((line) => {
      const record = JSON.parse(line) as Record<string, unknown>;
      for (const field of ['date_extracted', 'date', 'content', 'title', 'url']) {
        if (typeof record[field] === 'string') record[field] = shiftYear(record[field] as string);
      }
      if (typeof record.title === 'string') record.title = `${record.title} (نسخة ${arabicDigits(years + 1)})`;
      // Its own address too: ingest takes a record at an address it has seen as a revision of that article.
      if (typeof record.url === 'string') record.url = `${record.url}${record.url.includes('?') ? '&' : '?'}copy=${years + 1}`;
      return JSON.stringify(record);
    }),
  }));
}

const writeLines = (file: string, lines: readonly string[]) => writeFile(file, lines.map((l) => `${l}\n`).join(''));

async function copyRegistry(into: string) {
  await mkdir(into, { recursive: true });
  for (const dir of ['content/entities', 'bench/scale/registry']) {
    const full = path.join(projectRoot, dir);
    let files: string[] = [];
    try {
      files = (await readdir(full)).filter((f) => f.endsWith('.json'));
    } catch {
      continue;
    }
    for (const f of files) await copyFile(path.join(full, f), path.join(into, f));
  }
}

function check(step: string, m: Measured): Measured {
  if (m.code !== 0) throw new Error(`${step} failed (exit ${m.code}):\n${m.stdout.slice(-4000)}\n${m.stderr.slice(-4000)}`);
  return m;
}

const content = path.join(work, 'content');
const dist = path.join(work, 'dist');
const cache = path.join(work, 'cache');
const records = path.join(work, 'records.jsonl');
const env = (extra: Record<string, string>) => ({ ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...extra });

log(`extracting ${Number.isFinite(limit) ? limit : 'all'} records from ${args.corpus}…`);
const corpusDays = await corpusRecords(limit, args.rebuild);
const days = [...corpusDays];
for (let k = 1; k < copies; k++) days.push(...redated(corpusDays, k));
const total = days.reduce((sum, d) => sum + d.lines.length, 0);
/**
 * --rebuild: the newest day's records are held back from the first build, as a newsroom's next day
 * (the last tenth of the records when they are all of one day); the last of them, one with text,
 * is then added on its own.
 */
let held: { day: string; lines: string[]; partial: boolean } | null = null;
if (args.rebuild) {
  const last = days.at(-1)!;
  const partial = days.length === 1;
  const lines = partial ? last.lines.slice(-Math.max(2, Math.floor(last.lines.length / 10))) : last.lines;
  if (lines.length < 2 || lines.length >= total) throw new Error(`--rebuild needs more records than the ${total} taken: raise --limit`);
  held = { day: last.day, lines, partial };
  if (partial) last.lines = last.lines.slice(0, -lines.length);
  else days.pop();
}
await writeLines(
  records,
  days.flatMap((d) => d.lines),
);
const firstRecords = days.reduce((sum, d) => sum + d.lines.length, 0);
await copyRegistry(path.join(content, 'entities'));

log(`ingesting ${firstRecords} records…`);
const ingest = await measure(
  node,
  [path.join(projectRoot, 'src/cli/ingest.ts'), '--quiet', '--out', path.join(content, 'articles'), records],
  { cwd: projectRoot },
);
if (ingest.code !== 0 && ingest.code !== 1) check('ingest', ingest);
const articleCount = (await readdir(path.join(content, 'articles'))).filter((f) => f.endsWith('.mdx')).length;
const entityCount = (await readdir(path.join(content, 'entities'))).length;

log(`building ${articleCount} articles with ${entityCount} registry entities…`);
/** One `npm run build`: both steps' figures together, each step's time and CPU, and Astro's log. */
type Build = Measured & { astroMs: number; pagefindMs: number; astroCpuMs: number; pagefindCpuMs: number; astroLog: string };
const buildEnv = env({
  MARSAD_CONTENT_DIR: content,
  MARSAD_OUT_DIR: dist,
  MARSAD_CACHE_DIR: cache,
  // --shard-articles N: smaller search shards, to see them on a small site (src/search/shard-plan.ts).
  ...(args['shard-articles'] ? { MARSAD_SEARCH_SHARD_ARTICLES: args['shard-articles'] } : {}),
});
/**
 * `npm run build`: its steps one after the other; the peak is the larger of the two processes'.
 * Each step's log is kept in `<work>/logs/` (see --keep).
 */
async function buildAll(name: string): Promise<Build> {
  const steps: Measured[] = [];
  await mkdir(path.join(work, 'logs'), { recursive: true });
  for (const step of buildSteps) {
    const m = await measure(node, [path.join(projectRoot, step.script), ...step.args], { cwd: projectRoot, env: buildEnv });
    await writeFile(path.join(work, 'logs', `${name}-${step.name.replace(/ /g, '-')}.log`), m.stdout + m.stderr);
    steps.push(check(step.name, m));
  }
  const [astro, index] = steps as [Measured, Measured];
  return {
    ...astro,
    ms: astro.ms + index.ms,
    cpuMs: astro.cpuMs + index.cpuMs,
    peakRss: Math.max(astro.peakRss, index.peakRss),
    astroMs: astro.ms,
    pagefindMs: index.ms,
    astroCpuMs: astro.cpuMs,
    pagefindCpuMs: index.cpuMs,
    astroLog: astro.stdout,
  };
}
/** --partitions: the same articles as a partitioned build, step by step (src/cli/build-partitioned.ts). */
interface PartitionedFigures {
  by: string;
  jobs: number;
  ms: number;
  plan: { ms: number; peakRss: number; cpuMs: number };
  partitions: { name: string; articles: number; lists: boolean; ms: number; peakRss: number; cpuMs: number }[];
  /** Wall time of all partitions (`jobs` at a time). */
  partitionsMs: number;
  merge: { ms: number; peakRss: number; cpuMs: number };
  /** Files whose bytes differ from the single build's (data/graph.json's build time aside), and files only one of them has. */
  differ: string[];
}
/**
 * `npm run build:partitioned` step by step into `pdist` (its work files in `pcache`): the archive
 * index, each partition (`--jobs` at a time), the merge with the search index.
 */
async function partitionedBuild(pdist: string, pcache: string): Promise<Omit<PartitionedFigures, 'differ'>> {
  const { inParallel } = await import('../src/site/partitioned-build.ts');
  const cli = path.join(projectRoot, 'src/cli/build-partitioned.ts');
  const by = args.partitions!;
  const penv = env({
    MARSAD_CONTENT_DIR: content,
    MARSAD_OUT_DIR: pdist,
    MARSAD_CACHE_DIR: pcache,
    ...(args['shard-articles'] ? { MARSAD_SEARCH_SHARD_ARTICLES: args['shard-articles'] } : {}),
  });
  const jobs = Number(args.jobs);
  const figure = ({ ms, peakRss, cpuMs }: Measured) => ({ ms, peakRss, cpuMs });
  await mkdir(path.join(work, 'logs'), { recursive: true });
  log(`partitioned build by ${by}, ${jobs} at a time: the archive index…`);
  const planRun = check(
    'partitioned plan',
    await measure(node, [cli, 'plan', '--by', by, ...(args.most ? ['--most', args.most] : [])], { cwd: projectRoot, env: penv }),
  );
  log(`  archive index: ${sec(planRun.ms)} (CPU ${sec(planRun.cpuMs)}, peak ${mb(planRun.peakRss)})`);
  const planDir = path.join(pcache, 'partitions', 'plan');
  const parts = await Promise.all(
    (await readdir(planDir)).sort().map(async (f) => ({
      name: f.slice(0, -'.json'.length),
      ...(JSON.parse(await readFile(path.join(planDir, f), 'utf8')) as { articles: string[]; lists: boolean }),
    })),
  );
  const begun = performance.now();
  const runs = await inParallel(parts, jobs, async (part) => {
    log(`  partition ${part.name} (${part.lists ? 'lists' : `${part.articles.length} articles`})…`);
    const m = check(`partition ${part.name}`, await measure(node, [cli, 'partition', part.name], { cwd: projectRoot, env: penv }));
    await writeFile(path.join(work, 'logs', `partition-${part.name}.log`), m.stdout + m.stderr);
    // Each partition's figures as it ends, so a run that fails later still leaves them.
    log(`  partition ${part.name}: ${sec(m.ms)} (CPU ${sec(m.cpuMs)}, peak ${mb(m.peakRss)})`);
    return { name: part.name, articles: part.articles.length, lists: part.lists, ...figure(m) };
  });
  const partitionsMs = performance.now() - begun;
  log('  merge and search index…');
  const mergeRun = check('partitioned merge', await measure(node, [cli, 'merge'], { cwd: projectRoot, env: penv }));
  await writeFile(path.join(work, 'logs', 'partitioned-merge.log'), mergeRun.stdout + mergeRun.stderr);
  await rm(path.join(projectRoot, '.astro', 'partitions'), { recursive: true, force: true }).catch(() => {});
  return {
    by,
    jobs,
    ms: planRun.ms + partitionsMs + mergeRun.ms,
    plan: figure(planRun),
    partitions: runs,
    partitionsMs,
    merge: figure(mergeRun),
  };
}

/** --no-single: the partitioned build is the site's build; its steps' figures summed as one build's. */
async function partitionedAsBuild(): Promise<Build> {
  const p = await partitionedBuild(dist, cache);
  partitioned = { ...p, differ: [] };
  const steps = [p.plan, ...p.partitions, p.merge];
  const cpu = (list: { cpuMs: number }[]) => list.reduce((sum, r) => sum + r.cpuMs, 0);
  return {
    code: 0,
    stdout: '',
    stderr: '',
    ms: p.ms,
    cpuMs: cpu(steps),
    peakRss: Math.max(...steps.map((r) => r.peakRss)),
    astroMs: p.plan.ms + p.partitionsMs,
    pagefindMs: p.merge.ms,
    astroCpuMs: cpu([p.plan, ...p.partitions]),
    pagefindCpuMs: p.merge.cpuMs,
    astroLog: '',
  };
}
let partitioned: PartitionedFigures | null = null;
const build = args.single ? await buildAll('build') : await partitionedAsBuild();
const pagefindMs = build.pagefindMs;
const distSize = folderSize(dist);
const indexSize = folderSize(path.join(dist, 'pagefind'));
const htmlPages = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.html')).length;
const firstShards = await readShards();
const entityPages = (await readdir(path.join(dist, 'entities'), { recursive: true })).filter((f) => /^[^/]+\/index\.html$/.test(f)).length;

if (args.partitions && args.single) {
  const pdist = path.join(work, 'partitioned-dist');
  const figures = await partitionedBuild(pdist, path.join(work, 'partitioned-cache'));
  const differ: string[] = [];
  const listed = async (dir: string) =>
    new Set(
      (await readdir(dir, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile())
        .map((e) => path.relative(dir, path.join(e.parentPath, e.name))),
    );
  const [a, b] = await Promise.all([listed(dist), listed(pdist)]);
  for (const f of new Set([...a, ...b])) {
    if (!a.has(f) || !b.has(f)) differ.push(`${f} (only in one)`);
    else if (f !== path.join('data', 'graph.json') && !(await readFile(path.join(dist, f))).equals(await readFile(path.join(pdist, f))))
      differ.push(f);
  }
  partitioned = { ...figures, differ };
}

const baselines: Record<string, Measured & { pagefindMs?: number }> = {};
if (args.baselines) {
  // The same articles without Marsad's components: captions become plain paragraphs.
  const plainArticles = path.join(work, 'baseline-articles');
  await mkdir(plainArticles, { recursive: true });
  for (const f of await readdir(path.join(content, 'articles'))) {
    const mdx = await readFile(path.join(content, 'articles', f), 'utf8');
    await writeFile(path.join(plainArticles, f), mdx.replace(/^<Caption[^>]*>(.*)<\/Caption>$/gm, '$1'));
  }
  for (const name of ['plain', 'starlight']) {
    log(`building the ${name} baseline…`);
    const out = path.join(work, `${name}-dist`);
    const benv = env({ BENCH_ARTICLES_DIR: plainArticles, BENCH_OUT_DIR: out, BENCH_CACHE_DIR: path.join(work, `${name}-cache`) });
    const root = path.join(projectRoot, 'bench/scale/baselines', name);
    const b = check(`${name} build`, await measure(node, [astroBin, 'build', '--root', root], { cwd: projectRoot, env: benv }));
    if (name === 'plain') {
      // Pagefind as its docs describe: the CLI over the built folder.
      const pf = check(
        'plain pagefind',
        await measure(node, [path.join(projectRoot, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', out], { cwd: projectRoot }),
      );
      baselines[name] = { ...b, ms: b.ms + pf.ms, cpuMs: b.cpuMs + pf.cpuMs, peakRss: Math.max(b.peakRss, pf.peakRss), pagefindMs: pf.ms };
    } else {
      baselines[name] = b;
    }
  }
}

/** What one rebuild after publishing cost, and what it did. */
interface Publish {
  /** Records ingested, and the articles the site gained. */
  records: number;
  articles: number;
  ingestMs: number;
  build: Build;
  /** Astro's log read by phase (seconds, from its clock's whole seconds) and the pages it rendered or restored. */
  phases: AstroPhases;
  /** The search shards (src/site/search/index-site.ts), each indexed again or copied from the cache. */
  shards: { path: string; periods: string[]; articles: number; pages: number; reused: boolean; kept?: boolean; ms: number }[];
}

interface AstroPhases {
  /** Seconds of the step outside its log's first and last line (Node's start, the config, the exit). */
  unlogged: number | null;
  /** Seconds from Astro's first log line to: content synced, Vite's bundle done, pages written, the end. */
  startup: number | null;
  contentSync: number | null;
  /** Types, build info: from the content synced to Vite's start. */
  prepare: number | null;
  vite: number | null;
  pages: number | null;
  after: number | null;
  /** The content loader's line: articles rendered again and unchanged. */
  articles: string | null;
  rendered: number;
  restored: number;
  /** Pages and files rendered again (not restored), by route: where the pages phase goes. */
  renderedByRoute: Record<string, number>;
}

/** The route a built file belongs to, for counting: ids, days and page numbers folded. */
function routeOf(file: string): string {
  const parts = file.split('/').filter(Boolean);
  const [first, second, third] = parts;
  if (parts.length <= 1 || !second) return `/${first ?? ''}`;
  if (first === 'archive') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(second)) return 'archive/<day>';
    if (/^\d{4}-\d{2}$/.test(second)) return 'archive/<month>';
    return 'archive/<page>';
  }
  if (first === 'entities' || first === 'outlets' || first === 'articles' || first === 'dossiers') {
    if (!third || third === 'index.html') return `${first}/<id>`;
    return /^\d+$/.test(third) ? `${first}/<id>/<n>` : `${first}/<id>/${third}`;
  }
  return `${first}/…`;
}

/** Reads `astro build`'s log: the time between its phase lines (HH:MM:SS) and the pages rendered or restored. */
function astroPhases(coloured: string, ms: number): AstroPhases {
  // With CI set, Astro colours its lines even into a pipe.
  const log = stripVTControlCharacters(coloured);
  const at = (pattern: RegExp): number | null => {
    for (const line of log.split('\n')) {
      const m = /^(\d\d):(\d\d):(\d\d) (.*)$/.exec(line);
      if (m && pattern.test(m[4]!)) return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
    }
    return null;
  };
  const start = at(/./);
  const syncStart = at(/\[content\] Syncing content/);
  const synced = at(/\[content\] Synced content/);
  const viteStart = at(/\[build\] Building static entrypoints/);
  const viteDone = at(/\[build\] Rearranging server assets/);
  const pagesDone = at(/page\(s\) built in|\[@astrojs\/sitemap\]/);
  const end = at(/\[build\] Complete!/);
  const span = (a: number | null, b: number | null) => (a !== null && b !== null ? b - a : null);
  const logged = span(start, end);
  return {
    unlogged: logged === null ? null : Math.round(ms / 1000 - logged),
    startup: span(start, syncStart),
    contentSync: span(syncStart, synced),
    prepare: span(synced, viteStart),
    vite: span(viteStart, viteDone),
    pages: span(viteDone, pagesDone),
    after: span(pagesDone, end),
    articles: /\[marsad-articles\] (.*)$/m.exec(log)?.[1] ?? null,
    // A page Astro did not render again is "(restored)" from its cache, or "(cached)": kept where it was.
    rendered: (log.match(/├─ \S+\.html(?! \((?:restored|cached)\))/g) ?? []).length,
    restored: (log.match(/\((?:restored|cached)\)/g) ?? []).length,
    renderedByRoute: Object.fromEntries(
      [
        ...Map.groupBy(
          [...log.matchAll(/[├└]─ (\S+)(?! \((?:restored|cached)\))(?: \(\+|\s*$)/gm)].map((m) => routeOf(m[1]!)),
          (route) => route,
        ),
      ]
        .map(([route, list]) => [route, list.length] as const)
        .sort((a, b) => b[1] - a[1]),
    ),
  };
}

const countArticles = async () => (await readdir(path.join(content, 'articles'))).filter((f) => f.endsWith('.mdx')).length;

/** Ingests a file of records into the site's content and rebuilds with the same cache. */
async function publish(name: string, lines: readonly string[]): Promise<Publish> {
  const file = path.join(work, `${name}.jsonl`);
  await writeLines(file, lines);
  const before = await countArticles();
  const ingested = await measure(
    node,
    [path.join(projectRoot, 'src/cli/ingest.ts'), '--quiet', '--out', path.join(content, 'articles'), file],
    { cwd: projectRoot },
  );
  if (ingested.code !== 0 && ingested.code !== 1) check(`ingest ${name}`, ingested);
  const articles = (await countArticles()) - before;
  const build = await buildAll(`rebuild-${name}`);
  const lastRun = JSON.parse(await readFile(path.join(searchCacheDir(cache), LAST_RUN), 'utf8')) as { shards: ShardRun[] };
  return {
    records: lines.length,
    articles,
    ingestMs: ingested.ms,
    build,
    phases: astroPhases(build.astroLog, build.astroMs),
    shards: lastRun.shards.map(({ path, periods, articles, pages, reused, kept, ms }) => ({
      path,
      periods,
      articles,
      pages,
      reused,
      kept: kept ?? false,
      ms,
    })),
  };
}

let rebuilds: { day: Publish; one: Publish } | null = null;
if (held) {
  // The last record with some text is the one article; the rest of the day comes first.
  let oneAt = held.lines.length - 1;
  while (oneAt > 0 && String((JSON.parse(held.lines[oneAt]!) as { content?: unknown }).content ?? '').length < 200) oneAt -= 1;
  const dayLines = held.lines.filter((_, i) => i !== oneAt);
  log(`adding the held-back day (${dayLines.length} records of ${held.day}) and rebuilding with the same cache…`);
  const day = await publish('day', dayLines);
  log('adding one more article and rebuilding…');
  const one = await publish('one', [held.lines[oneAt]!]);
  rebuilds = { day, one };
}

interface QueryFigure {
  query: string;
  results: number;
  bytes: number;
  ms: number;
  /** Bytes per file fetched, largest first: what a cold query costs, and where. */
  files: { path: string; bytes: number }[];
}
/**
 * How a cold query runs: `site`, the site's own search from its home page (query processing, the
 * entity names table, the newest shard first and the older ones only when needed — what a reader
 * gets); `archive`, the same from the search page with `archive=all` (every shard); `pagefind`,
 * Pagefind's API alone on a blank page (the plain baseline).
 */
type QueryMode = 'site' | 'archive' | 'pagefind';

/**
 * The cold queries against one built site: each in a fresh browser context (empty cache), counting
 * what the server sends from the query on (the page itself and its scripts are loaded first).
 */
async function coldQueries(site: string, mode: QueryMode): Promise<QueryFigure[]> {
  const figures: QueryFigure[] = [];
  await precompress(site);
  await writeFile(path.join(site, '__bench.html'), '<!doctype html><title>bench</title>');
  let served = 0;
  const perFile = new Map<string, number>();
  const server = await serveStatic(site, {
    compress: true,
    onBytes: (n, file) => {
      served += n;
      perFile.set(file, (perFile.get(file) ?? 0) + n);
    },
  });
  const browser = await launchChromium();
  const start = { site: '/', archive: '/search/?archive=all', pagefind: '/__bench.html' }[mode];
  try {
    for (const query of QUERIES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.origin}${start}`);
      await page.waitForLoadState('networkidle');
      if (mode !== 'pagefind') await page.waitForFunction(() => Boolean(window.marsadSearch));
      // Bytes are counted at the server (gzip, as a host sends them), the worker's fetches included.
      const before = served;
      perFile.clear();
      const search =
        mode === 'pagefind'
          ? `const pagefind = await import('/pagefind/pagefind.js'); const search = await pagefind.search(${JSON.stringify(query)});`
          : `const search = await window.marsadSearch.search(${JSON.stringify(query)});`;
      const result = await page.evaluate<{ ms: number; results: number }>(`(async () => {
        const started = performance.now();
        ${search}
        if (search.results[0]) await search.results[0].data();
        return { ms: performance.now() - started, results: search.results.length };
      })()`);
      const files = [...perFile].map(([path, bytes]) => ({ path, bytes })).sort((a, b) => b.bytes - a.bytes);
      figures.push({ query, results: result.results, bytes: served - before, ms: result.ms, files });
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    await rm(path.join(site, '__bench.html'), { force: true });
  }
  return figures;
}

let queries: QueryFigure[] = [];
let archiveQueries: QueryFigure[] = [];
let plainQueries: QueryFigure[] = [];
if (args.queries) {
  log('running cold queries in Chromium…');
  queries = await coldQueries(dist, 'site');
  archiveQueries = await coldQueries(dist, 'archive');
  // The same queries on plain Pagefind over the plain site: the floor one index of this size costs.
  if (baselines.plain) plainQueries = await coldQueries(path.join(work, 'plain-dist'), 'pagefind');
}

const figures = {
  corpusRecords: total,
  firstBuildRecords: firstRecords,
  articles: articleCount,
  registryEntities: entityCount,
  ingest: { ms: ingest.ms, peakRss: ingest.peakRss, perArticleMs: ingest.ms / Math.max(1, articleCount) },
  build: {
    ms: build.ms,
    astroMs: build.astroMs,
    pagefindMs,
    cpuMs: build.cpuMs,
    astroCpuMs: build.astroCpuMs,
    pagefindCpuMs: build.pagefindCpuMs,
    peakRss: build.peakRss,
    perArticleMs: build.ms / Math.max(1, articleCount),
  },
  totalMs: ingest.ms + build.ms,
  pages: { html: htmlPages, entityPages },
  dist: distSize,
  index: indexSize,
  firstBuildShards: firstShards,
  heldBack: held ? { day: held.day, records: held.lines.length, partOfTheDay: held.partial } : null,
  rebuilds: rebuilds
    ? Object.fromEntries(
        Object.entries(rebuilds).map(([k, r]) => [
          k,
          {
            records: r.records,
            articles: r.articles,
            ingestMs: r.ingestMs,
            ms: r.build.ms,
            cpuMs: r.build.cpuMs,
            astroMs: r.build.astroMs,
            pagefindMs: r.build.pagefindMs,
            totalMs: r.ingestMs + r.build.ms,
            peakRss: r.build.peakRss,
            astroPhasesSeconds: r.phases,
            shards: r.shards,
          },
        ]),
      )
    : null,
  baselines: Object.fromEntries(
    Object.entries(baselines).map(([k, b]) => [k, { ms: b.ms, cpuMs: b.cpuMs, peakRss: b.peakRss, pagefindMs: b.pagefindMs ?? null }]),
  ),
  partitioned,
  searchShards: await readShards(),
  queries,
  archiveQueries,
  plainQueries,
};

/** The search index's shards (src/search/shards.ts): how many, and the first one's size. */
async function readShards(): Promise<{
  count: number;
  firstPages: number;
  firstArticles: number;
  paths: string[];
  /** Pages of the bundles merged with the first before any search (the entity pages'). */
  companionPages: number;
} | null> {
  try {
    const manifest = JSON.parse(await readFile(path.join(dist, PAGEFIND_PATH, SHARD_MANIFEST), 'utf8')) as ShardManifest;
    return {
      count: manifest.shards.length,
      firstPages: manifest.shards[0]!.pages,
      firstArticles: manifest.shards[0]!.articles,
      paths: manifest.shards.map((s) => s.path),
      companionPages: (manifest.companions ?? []).reduce((n, c) => n + c.pages, 0),
    };
  } catch {
    return null;
  }
}

const rows: [string, string][] = [
  ['articles (corpus records)', `${articleCount} (${firstRecords}${held ? `; ${held.lines.length} more held back for the rebuilds` : ''})`],
  ['registry entities', String(entityCount)],
  ['ingest', `${sec(ingest.ms)}  (${(articleCount / (ingest.ms / 1000)).toFixed(0)} articles/s, peak ${mb(ingest.peakRss)})`],
  ['Astro build', `${sec(figures.build.astroMs)}  (CPU ${sec(build.astroCpuMs)})`],
  ['Pagefind', `${sec(pagefindMs)}  (CPU ${sec(build.pagefindCpuMs)})`],
  [
    'build total',
    `${sec(build.ms)}  (${figures.build.perArticleMs.toFixed(2)} ms/article, CPU ${sec(build.cpuMs)}, peak RSS ${mb(build.peakRss)})`,
  ],
  ['ingest + build', sec(figures.totalMs)],
  ['pages', `${htmlPages} HTML (${entityPages} entity pages)`],
  ['dist size', `${mb(distSize.bytes)} in ${distSize.files} files`],
  ['Pagefind index', `${mb(indexSize.bytes)} in ${indexSize.files} files`],
  [
    'search shards',
    firstShards
      ? `${firstShards.count} (the first: ${firstShards.firstPages} pages, ${firstShards.firstArticles} newest articles${firstShards.companionPages ? `; merged with it at once: ${firstShards.companionPages} entity and dossier pages` : ''})`
      : '—',
  ],
];
if (held && rebuilds) {
  rows.push([
    'held back for the rebuilds',
    `${held.lines.length} records of ${held.day}${held.partial ? ' (the last tenth of the only day)' : ' (the newest day)'}`,
  ]);
  const names = { day: 'the held-back day', one: 'one more article' } as const;
  for (const [key, r] of Object.entries(rebuilds) as [keyof typeof names, Publish][]) {
    const p = r.phases;
    const s = (n: number | null) => (n === null ? '?' : `${n} s`);
    const indexed = r.shards.filter((x) => !x.reused);
    rows.push([`+ ${names[key]}`, `${r.records} records → ${r.articles} new articles`]);
    rows.push([
      `  ingest + build + index`,
      `${sec(r.ingestMs + r.build.ms)} = ingest ${sec(r.ingestMs)} + Astro ${sec(r.build.astroMs)} + Pagefind ${sec(r.build.pagefindMs)}  (CPU ${sec(r.build.cpuMs)}, peak ${mb(r.build.peakRss)})`,
    ]);
    rows.push([
      `  Astro by phase`,
      `before and after its log ${s(p.unlogged)}, startup ${s(p.startup)}, content sync ${s(p.contentSync)} (${p.articles ?? '?'}), types and build info ${s(p.prepare)}, Vite bundle ${s(p.vite)}, pages ${s(p.pages)} (${p.rendered} rendered, ${p.restored} restored), sitemap and link check ${s(p.after)}`,
    ]);
    const byRoute = Object.entries(p.renderedByRoute).map(([route, n]) => `${route} ${n}`);
    rows.push([`  rendered again, by route`, byRoute.join(', ') || 'none']);
    const copied = r.shards.filter((x) => x.reused && !x.kept);
    const kept = r.shards.filter((x) => x.kept);
    const took = (list: typeof r.shards) => sec(list.reduce((t, x) => t + x.ms, 0));
    rows.push([
      `  search shards indexed again`,
      `${indexed.length} of ${r.shards.length}: ${indexed.map((x) => `${x.path} (${x.articles} articles, ${x.pages} pages, ${sec(x.ms)})`).join(', ')}; ${kept.length} kept in place in ${took(kept)}, ${copied.length} copied from the cache in ${took(copied)}`,
    ]);
  }
}
if (rebuilds) {
  const final = await readShards();
  if (final)
    rows.push([
      'search shards after the rebuilds',
      `${final.count} (the first: ${final.firstPages} pages, ${final.firstArticles} newest articles${final.companionPages ? `; merged with it at once: ${final.companionPages} entity and dossier pages` : ''}); cold queries below run on this site`,
    ]);
}
if (partitioned) {
  const p = partitioned;
  const peak = p.partitions.reduce((x, r) => Math.max(x, r.peakRss), 0);
  rows.push([
    `partitioned build (by ${p.by}${args.most ? `, at most ${args.most}` : ''}, ${p.jobs} at a time)`,
    `${sec(p.ms)} = index ${sec(p.plan.ms)} + ${p.partitions.length} partitions ${sec(p.partitionsMs)} + merge and Pagefind ${sec(p.merge.ms)}  (${
      args.single
        ? `${(p.ms / build.ms).toFixed(2)}× the single build; peak of one partition ${mb(peak)} against ${mb(build.peakRss)}`
        : `the only build (--no-single); peak of one partition ${mb(peak)}, of any step ${mb(build.peakRss)}`
    })`,
  ]);
  rows.push(['  archive index', `${sec(p.plan.ms)}  (CPU ${sec(p.plan.cpuMs)}, peak ${mb(p.plan.peakRss)})`]);
  for (const r of p.partitions) {
    rows.push([
      `  partition ${r.name}`,
      `${r.lists ? 'lists' : `${r.articles} articles`}: ${sec(r.ms)}  (CPU ${sec(r.cpuMs)}, peak ${mb(r.peakRss)})`,
    ]);
  }
  rows.push(['  merge, sitemap, link check, Pagefind', `${sec(p.merge.ms)}  (CPU ${sec(p.merge.cpuMs)}, peak ${mb(p.merge.peakRss)})`]);
  if (args.single)
    rows.push([
      '  same site as the single build',
      p.differ.length === 0
        ? 'yes: every file byte for byte (data/graph.json not compared: its build time)'
        : `NO: ${p.differ.length} files differ (${p.differ.slice(0, 5).join(', ')})`,
    ]);
}
for (const [name, b] of Object.entries(baselines)) {
  rows.push([
    `${name} baseline build`,
    `${sec(b.ms)}  (CPU ${sec(b.cpuMs)}, peak ${mb(b.peakRss)}; Marsad/${name} = ${(build.ms / b.ms).toFixed(2)}×, CPU ${(build.cpuMs / b.cpuMs).toFixed(2)}×)`,
  ]);
}
/** A cold query's bytes by kind of Pagefind file. */
function byKind(files: QueryFigure['files']): string {
  const kinds = new Map<string, number>();
  for (const f of files) {
    const kind = /\/index\//.test(f.path)
      ? 'index'
      : /\/filter\//.test(f.path)
        ? 'filter'
        : /\/fragment\//.test(f.path)
          ? 'fragment'
          : /pf_meta/.test(f.path)
            ? 'meta'
            : /wasm/.test(f.path)
              ? 'wasm'
              : 'code';
    kinds.set(kind, (kinds.get(kind) ?? 0) + f.bytes);
  }
  return [...kinds].map(([k, b]) => `${k} ${(b / 1024).toFixed(0)}`).join(', ');
}
for (const q of queries) {
  rows.push([
    `cold query «${q.query}»`,
    `${(q.bytes / 1024).toFixed(0)} KB, ${q.ms.toFixed(0)} ms, ${q.results} results (KB: ${byKind(q.files)})`,
  ]);
}
for (const q of archiveQueries) {
  rows.push([
    `whole archive: «${q.query}»`,
    `${(q.bytes / 1024).toFixed(0)} KB, ${q.ms.toFixed(0)} ms, ${q.results} results (KB: ${byKind(q.files)})`,
  ]);
}
for (const q of plainQueries) {
  rows.push([
    `plain: cold query «${q.query}»`,
    `${(q.bytes / 1024).toFixed(0)} KB, ${q.ms.toFixed(0)} ms, ${q.results} results (KB: ${byKind(q.files)})`,
  ]);
}
const width = Math.max(...rows.map((r) => r[0].length));
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
if (args.json) await writeFile(path.resolve(args.json), `${JSON.stringify(figures, null, 2)}\n`);
if (!args.keep) await rm(work, { recursive: true, force: true });
