/**
 * Scale benchmark: the SaudiNewsNet corpus (or its first N articles) as one Marsad site.
 *   npm run bench:scale -- --corpus ../shared/corpus/saudinewsnet --limit N [--baselines]
 *                          [--rebuild] [--json FILE] [--keep DIR]
 * 1. takes the first N records of the corpus ZIPs (day by day) into a JSON Lines file;
 * 2. ingests them with the project's ingest CLI into a temp content folder, with the registry
 *    content/entities + bench/scale/registry;
 * 3. builds the site with MARSAD_CONTENT_DIR as `npm run build` does (Astro, then the Pagefind index);
 * 4. with --rebuild, adds one more article and rebuilds with the same cache (incremental);
 * 5. with --baselines, builds the same articles as a plain Astro + MDX + Pagefind site and as a
 *    Starlight site (bench/scale/baselines/), without entities;
 * 6. runs a fixed set of cold entity-name queries in headless Chromium, each in a fresh browser
 *    context, through the site's own search from its home page (newest shard first, as readers
 *    get it) and again over the whole archive (every shard): bytes the server sent from the query
 *    on (gzip, per file kind) and time to the first result's data; with --baselines, Pagefind's
 *    API alone on the plain site's index too;
 * and prints one table (and writes the figures as JSON).
 */
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { commandLine, usageFromHeader } from '../src/cli/args.ts';
import { buildSteps, projectRoot } from './lib/build.ts';
import { launchChromium, precompress, serveStatic } from './lib/browser.ts';
import { DEFAULT_CORPUS } from './lib/corpus.ts';
import { folderSize, measure, type Measured } from './lib/measure.ts';
import { PAGEFIND_PATH, SHARD_MANIFEST, type ShardManifest } from '../src/search/shards.ts';

const USAGE = usageFromHeader(import.meta.url);

const { values: args } = commandLine(USAGE, {
  options: {
    corpus: { type: 'string', default: DEFAULT_CORPUS },
    limit: { type: 'string' },
    baselines: { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
    json: { type: 'string' },
    keep: { type: 'string' },
    queries: { type: 'boolean', default: true },
  },
  allowNegative: true,
});

/** Typical reader queries: entity names and aliases the corpus is full of. */
const QUERIES = ['بوتين', 'الملك سلمان', 'الرياض', 'داعش', 'الحوثيين', 'أرامكو', 'الأمم المتحدة', 'جدة', 'إيران', 'الهلال'];

const node = process.execPath;
const astroBin = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
const limit = args.limit ? Number(args.limit) : Infinity;
const work = args.keep ? path.resolve(args.keep) : await mkdtemp(path.join(os.tmpdir(), 'marsad-scale-'));
if (args.keep) await rm(work, { recursive: true, force: true });
await mkdir(work, { recursive: true });
const log = (line: string) => process.stderr.write(`${line}\n`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The corpus records, day by day, as JSON Lines; returns how many were written. */
async function extractRecords(file: string, count: number, skip = 0): Promise<number> {
  const days = (await readdir(args.corpus!)).filter((f) => f.endsWith('.zip')).sort();
  const out = createWriteStream(file);
  let seen = 0;
  let written = 0;
  for (const day of days) {
    if (written >= count) break;
    const files = unzipSync(await readFile(path.join(args.corpus!, day)));
    for (const [name, bytes] of Object.entries(files)) {
      if (!name.endsWith('.json')) continue;
      for (const record of JSON.parse(strFromU8(bytes)) as Record<string, unknown>[]) {
        if (seen++ < skip) continue;
        if (written >= count) break;
        out.write(`${JSON.stringify(record)}\n`);
        written += 1;
      }
    }
  }
  await new Promise((resolve) => out.end(resolve));
  return written;
}

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
const total = await extractRecords(records, limit);
await copyRegistry(path.join(content, 'entities'));

log(`ingesting ${total} records…`);
const ingest = await measure(
  node,
  [path.join(projectRoot, 'src/cli/ingest.ts'), '--quiet', '--out', path.join(content, 'articles'), records],
  { cwd: projectRoot },
);
if (ingest.code !== 0 && ingest.code !== 1) check('ingest', ingest);
const articleCount = (await readdir(path.join(content, 'articles'))).filter((f) => f.endsWith('.mdx')).length;
const entityCount = (await readdir(path.join(content, 'entities'))).length;

log(`building ${articleCount} articles with ${entityCount} registry entities…`);
const buildEnv = env({ MARSAD_CONTENT_DIR: content, MARSAD_OUT_DIR: dist, MARSAD_CACHE_DIR: cache });
/** `npm run build`: its steps one after the other; the peak is the larger of the two processes'. */
async function buildAll(): Promise<Measured & { astroMs: number; pagefindMs: number; astroCpuMs: number; pagefindCpuMs: number }> {
  const steps: Measured[] = [];
  for (const step of buildSteps)
    steps.push(
      check(step.name, await measure(node, [path.join(projectRoot, step.script), ...step.args], { cwd: projectRoot, env: buildEnv })),
    );
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
  };
}
const build = await buildAll();
const pagefindMs = build.pagefindMs;
const distSize = folderSize(dist);
const indexSize = folderSize(path.join(dist, 'pagefind'));
const htmlPages = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.html')).length;
const entityPages = (await readdir(path.join(dist, 'entities'), { recursive: true })).filter((f) => /^[^/]+\/index\.html$/.test(f)).length;

let rebuild: Measured | undefined;
if (args.rebuild) {
  log('adding one article and rebuilding with the same cache…');
  const one = path.join(work, 'one.jsonl');
  await extractRecords(one, 1, total);
  check(
    'ingest one',
    await measure(node, [path.join(projectRoot, 'src/cli/ingest.ts'), '--quiet', '--out', path.join(content, 'articles'), one], {
      cwd: projectRoot,
    }),
  );
  rebuild = await buildAll();
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
  rebuild: rebuild ? { ms: rebuild.ms, cpuMs: rebuild.cpuMs, peakRss: rebuild.peakRss } : null,
  baselines: Object.fromEntries(
    Object.entries(baselines).map(([k, b]) => [k, { ms: b.ms, cpuMs: b.cpuMs, peakRss: b.peakRss, pagefindMs: b.pagefindMs ?? null }]),
  ),
  searchShards: await readShards(),
  queries,
  archiveQueries,
  plainQueries,
};

/** The search index's shards (src/search/shards.ts): how many, and the first one's size. */
async function readShards(): Promise<{ count: number; firstPages: number; firstArticles: number } | null> {
  try {
    const manifest = JSON.parse(await readFile(path.join(dist, PAGEFIND_PATH, SHARD_MANIFEST), 'utf8')) as ShardManifest;
    return { count: manifest.shards.length, firstPages: manifest.shards[0]!.pages, firstArticles: manifest.shards[0]!.articles };
  } catch {
    return null;
  }
}

const rows: [string, string][] = [
  ['articles (corpus records)', `${articleCount} (${total})`],
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
    figures.searchShards
      ? `${figures.searchShards.count} (the first: ${figures.searchShards.firstPages} pages, ${figures.searchShards.firstArticles} newest articles)`
      : '—',
  ],
];
if (rebuild) rows.push(['rebuild after +1 article', `${sec(rebuild.ms)}  (CPU ${sec(rebuild.cpuMs)}, peak ${mb(rebuild.peakRss)})`]);
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
