/**
 * `npm run bench:search [-- --content DIR] [--keep DIR] [--json FILE]`
 *
 * The Arabic search benchmark: builds the site twice from the same content — with the enriched
 * index (the default) and with plain Pagefind (`MARSAD_SEARCH_ENRICH=0`) — then runs every query
 * of bench/search/queries.json in headless Chromium through each build's real search
 * (`window.marsadSearch` on /search/: the Pagefind bundle, plus this site's query processing in
 * the enriched build), one fresh browser context per query (a cold cache), and prints side by side:
 * recall@10, precision@10 and MRR over the seed articles, entity@1 (the entity page ranks first when
 * the query names one), the index size, and the bytes each cold query downloads.
 *
 * Metrics look at article results only, in rank order (entity pages are counted by entity@1):
 * recall@10 = relevant articles in the top 10 / relevant articles (queries expecting none are
 * left out); precision@10 = relevant / returned among the top 10 (1 when a query expecting nothing
 * returns nothing, 0 when a query expecting articles returns none); MRR = mean of 1 / rank of the
 * first relevant article (0 if none). Bytes are counted by the static server for every request the
 * search makes (page, worker and all) from the call to `search` until the first 10 results' data
 * are loaded: as sent (no HTTP compression) and as a static host with gzip would send them.
 *
 * Exits 1 if the enriched build misses the targets: recall ≥ 0.98, precision ≥ 0.95, both above
 * plain Pagefind, and cold-query bytes within 1.3× of plain Pagefind.
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';
import type { Browser } from 'playwright-core';
import { commandLine, usageFromHeader } from '../src/cli/args.ts';
import { launchChromium } from './lib/browser.ts';
import { buildSite } from './lib/build.ts';

const USAGE = usageFromHeader(import.meta.url);

const root = path.resolve(import.meta.dirname, '..');

interface Query {
  query: string;
  kind: string;
  expect: string[];
  entity?: string;
  note?: string;
}

interface QuerySet {
  seeds: Record<string, { id: string; source: string; title: string }>;
  queries: Query[];
}

interface QueryRun {
  /** Article ids in rank order. */
  articles: string[];
  /** URL of the first result. */
  first: string | null;
  results: number;
  bytes: number;
  gzipBytes: number;
  requests: number;
}

interface Scores {
  recall: number;
  precision: number;
  mrr: number;
  entityAt1: number;
}

const TARGETS = { recall: 0.98, precision: 0.95, bytesRatio: 1.3 };
const TOP = 10;

// ---------------------------------------------------------------- building

/**
 * Builds once, retrying a build that failed on Astro's shared `.astro/` scratch folder (another
 * build running in the same checkout, e.g. the test suite's).
 */
async function build(name: string, contentDir: string, outDir: string, enrich: boolean, attempts = 3): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await buildOnce(name, contentDir, outDir, enrich);
    } catch (error) {
      const shared = /\.astro[\\/]|ENOTEMPTY|ENOENT/.test(String(error));
      if (!shared || attempt >= attempts) throw error;
      console.error(`build ${name} collided with another build, retrying`);
    }
  }
}

async function buildOnce(name: string, contentDir: string, outDir: string, enrich: boolean): Promise<void> {
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), `marsad-bench-cache-${name}-`));
  try {
    const ms = await buildSite({ contentDir, outDir, cacheDir, env: { MARSAD_SEARCH_ENRICH: enrich ? '1' : '0' } });
    console.error(`built ${name} in ${(ms / 1000).toFixed(1)} s → ${outDir}`);
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- serving, counting bytes

/** Files a static host would gzip (Pagefind's own .pagefind and .pf_* files are gzipped already). */
const COMPRESSIBLE = /(\/|\.(html|js|mjs|css|json|svg|xml|txt|webmanifest))$/;

/** A static server for a built site that counts the bytes of every response. */
async function countingServer(dir: string) {
  const handler = sirv(dir, { dev: true, etag: false });
  const counter = { bytes: 0, gzipBytes: 0, requests: 0 };
  const gzipped = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk as Uint8Array));
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk as Uint8Array));
      const body = Buffer.concat(chunks);
      const key = (req.url ?? '').split('?')[0]!;
      // The browser asks for these whenever it likes: not part of a search.
      if (/^\/(favicon|manifest)/.test(key)) return end(chunk, ...rest);
      let gz = gzipped.get(key);
      if (gz === undefined) {
        gz = COMPRESSIBLE.test(key) ? Math.min(body.length, gzipSync(body).length) : body.length;
        gzipped.set(key, gz);
      }
      counter.bytes += body.length;
      counter.gzipBytes += gz;
      counter.requests += 1;
      return end(chunk, ...rest);
    }) as typeof res.end;
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    counter,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ---------------------------------------------------------------- running queries

async function runQuery(browser: Browser, server: Awaited<ReturnType<typeof countingServer>>, query: string): Promise<QueryRun> {
  const context = await browser.newContext();
  try {
    // Fonts and images are page weight, not search: skip them to keep the run short.
    await context.route(/\.(woff2?|png|jpe?g|webp|avif)$/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${server.origin}/search/`, { waitUntil: 'load' });
    await page.waitForFunction('window.marsadSearch !== undefined');
    const before = { ...server.counter };
    // A string, not a function: the browser's dynamic imports must not be rewritten.
    const top = await page.evaluate<{ urls: string[]; results: number }>(`(async () => {
      const found = await window.marsadSearch.search(${JSON.stringify(query)});
      const results = found ? found.results : [];
      const data = await Promise.all(results.slice(0, ${TOP}).map((r) => r.data()));
      window.__benchResults = results;
      return { urls: data.map((d) => d.url), results: results.length };
    })()`);
    const cost = {
      bytes: server.counter.bytes - before.bytes,
      gzipBytes: server.counter.gzipBytes - before.gzipBytes,
      requests: server.counter.requests - before.requests,
    };
    // Article ranks beyond the first ten results (entity pages take places): not counted as cost.
    const rest = await page.evaluate<string[]>(`(async () => {
      const data = await Promise.all(window.__benchResults.slice(${TOP}).map((r) => r.data()));
      return data.map((d) => d.url);
    })()`);
    const urls = [...top.urls, ...rest];
    const articles = urls.map((u) => /^\/articles\/([^/?#]+)\//.exec(u)?.[1]).filter((id): id is string => Boolean(id));
    return { articles, first: urls[0] ?? null, results: top.results, ...cost };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- scoring

function score(queries: readonly Query[], runs: readonly QueryRun[], seeds: QuerySet['seeds']): Scores {
  let recall = 0;
  let recallN = 0;
  let precision = 0;
  let mrr = 0;
  let entityHits = 0;
  let entityN = 0;
  queries.forEach((q, i) => {
    const run = runs[i]!;
    const relevant = new Set(q.expect.map((key) => seeds[key]!.id));
    const top = run.articles.slice(0, TOP);
    const hits = top.filter((id) => relevant.has(id)).length;
    if (relevant.size > 0) {
      recall += hits / relevant.size;
      recallN += 1;
      const rank = top.findIndex((id) => relevant.has(id));
      mrr += rank >= 0 ? 1 / (rank + 1) : 0;
    }
    precision += top.length === 0 ? (relevant.size === 0 ? 1 : 0) : hits / top.length;
    if (q.entity) {
      entityN += 1;
      if (run.first === `/entities/${q.entity}/`) entityHits += 1;
    }
  });
  return {
    recall: recall / recallN,
    precision: precision / queries.length,
    mrr: mrr / recallN,
    entityAt1: entityN ? entityHits / entityN : 1,
  };
}

// ---------------------------------------------------------------- sizes

async function dirSize(dir: string, filter: (file: string) => boolean = () => true): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (filter(path.relative(dir, file))) total += (await stat(file)).size;
  }
  return total;
}

async function indexSizes(dist: string) {
  const pagefind = path.join(dist, 'pagefind');
  const isIndex = (f: string) => /^(index|fragment|filter)\//.test(f) || f.endsWith('.pf_meta');
  const entityNames = await stat(path.join(dist, 'search/entities.json')).then(
    (s) => s.size,
    () => 0,
  );
  return {
    index: await dirSize(pagefind, (f) => /^index\//.test(f)),
    fragments: await dirSize(pagefind, (f) => /^fragment\//.test(f)),
    filtersAndMeta: await dirSize(pagefind, (f) => /^filter\//.test(f) || f.endsWith('.pf_meta')),
    searchData: (await dirSize(pagefind, isIndex)) + entityNames,
    entityNames,
    pages: await dirSize(dist, (f) => /^(articles|entities)\/[^/]+\/index\.html$/.test(f)),
  };
}

// ---------------------------------------------------------------- output

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const f3 = (n: number) => n.toFixed(3);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

async function main(): Promise<number> {
  const { values } = commandLine(USAGE, {
    options: {
      content: { type: 'string', default: path.join(root, 'content') },
      queries: { type: 'string', default: path.join(root, 'bench/search/queries.json') },
      keep: { type: 'string' },
      json: { type: 'string' },
    },
  });
  const contentDir = path.resolve(values.content!);
  const set = JSON.parse(await readFile(path.resolve(values.queries!), 'utf8')) as QuerySet;
  const ids = new Set((await readdir(path.join(contentDir, 'articles'))).filter((f) => f.endsWith('.mdx')).map((f) => f.slice(0, -4)));
  for (const [key, seed] of Object.entries(set.seeds)) {
    if (!ids.has(seed.id)) throw new Error(`Seed "${key}" (${seed.source}) is article ${seed.id}, which ${contentDir}/articles lacks`);
  }
  for (const q of set.queries)
    for (const key of q.expect) if (!set.seeds[key]) throw new Error(`Query "${q.query}" expects unknown seed "${key}"`);

  const work = values.keep ? path.resolve(values.keep) : await mkdtemp(path.join(os.tmpdir(), 'marsad-bench-'));
  const builds = [
    { name: 'plain Pagefind', key: 'plain', enrich: false, dist: path.join(work, 'plain') },
    { name: 'enriched', key: 'enriched', enrich: true, dist: path.join(work, 'enriched') },
  ];
  for (const b of builds) await build(b.key, contentDir, b.dist, b.enrich);

  const browser = await launchChromium();
  const results: { runs: QueryRun[]; scores: Scores; sizes: Awaited<ReturnType<typeof indexSizes>> }[] = [];
  try {
    // Queries run a few at a time, each lane with its own server so bytes are counted per query.
    const lanes = Math.max(1, Math.min(4, os.availableParallelism() - 1));
    for (const b of builds) {
      const runs: QueryRun[] = new Array(set.queries.length);
      let next = 0;
      await Promise.all(
        Array.from({ length: lanes }, async () => {
          const server = await countingServer(b.dist);
          try {
            while (next < set.queries.length) {
              const i = next++;
              runs[i] = await runQuery(browser, server, set.queries[i]!.query);
            }
          } finally {
            await server.close();
          }
        }),
      );
      results.push({ runs, scores: score(set.queries, runs, set.seeds), sizes: await indexSizes(b.dist) });
    }
  } finally {
    await browser.close();
  }
  const [plain, enriched] = results as [(typeof results)[0], (typeof results)[0]];

  const byKind = [...new Set(set.queries.map((q) => q.kind))].map((kind) => {
    const idx = set.queries.map((q, i) => (q.kind === kind ? i : -1)).filter((i) => i >= 0);
    const sub = idx.map((i) => set.queries[i]!);
    const s = (r: typeof plain) =>
      score(
        sub,
        idx.map((i) => r.runs[i]!),
        set.seeds,
      );
    return { kind, n: idx.length, plain: s(plain), enriched: s(enriched) };
  });

  const cost = (r: typeof plain) => ({
    bytes: mean(r.runs.map((x) => x.bytes)),
    gzip: mean(r.runs.map((x) => x.gzipBytes)),
    requests: mean(r.runs.map((x) => x.requests)),
  });
  const pc = cost(plain);
  const ec = cost(enriched);

  const out: string[] = [];
  out.push(`Arabic search benchmark: ${set.queries.length} queries, ${Object.keys(set.seeds).length} seed articles (${contentDir})`, '');
  out.push(
    table([
      ['metric', 'plain Pagefind', 'enriched', 'target'],
      ['recall@10', f3(plain.scores.recall), f3(enriched.scores.recall), `≥ ${TARGETS.recall}`],
      ['precision@10', f3(plain.scores.precision), f3(enriched.scores.precision), `≥ ${TARGETS.precision}`],
      ['MRR', f3(plain.scores.mrr), f3(enriched.scores.mrr), ''],
      ['entity@1', f3(plain.scores.entityAt1), f3(enriched.scores.entityAt1), ''],
    ]),
  );
  out.push('', 'By kind (recall / precision), plain → enriched:');
  out.push(
    table([
      ['kind', 'queries', 'plain', 'enriched'],
      ...byKind.map((k) => [
        k.kind,
        String(k.n),
        `${f3(k.plain.recall)} / ${f3(k.plain.precision)}`,
        `${f3(k.enriched.recall)} / ${f3(k.enriched.precision)}`,
      ]),
    ]),
  );
  out.push('', 'Cost:');
  out.push(
    table([
      ['', 'plain Pagefind', 'enriched', 'enriched / plain'],
      ['index chunks (pagefind/index)', kb(plain.sizes.index), kb(enriched.sizes.index), ratio(enriched.sizes.index, plain.sizes.index)],
      [
        'fragments (pagefind/fragment)',
        kb(plain.sizes.fragments),
        kb(enriched.sizes.fragments),
        ratio(enriched.sizes.fragments, plain.sizes.fragments),
      ],
      [
        'filters + meta',
        kb(plain.sizes.filtersAndMeta),
        kb(enriched.sizes.filtersAndMeta),
        ratio(enriched.sizes.filtersAndMeta, plain.sizes.filtersAndMeta),
      ],
      ['entity names (/search/entities.json)', kb(plain.sizes.entityNames), kb(enriched.sizes.entityNames), ''],
      [
        'search data, total',
        kb(plain.sizes.searchData),
        kb(enriched.sizes.searchData),
        ratio(enriched.sizes.searchData, plain.sizes.searchData),
      ],
      ['article + entity pages (HTML)', kb(plain.sizes.pages), kb(enriched.sizes.pages), ratio(enriched.sizes.pages, plain.sizes.pages)],
      ['cold query, bytes sent (mean)', kb(pc.bytes), kb(ec.bytes), ratio(ec.bytes, pc.bytes)],
      ['cold query, with gzip (mean)', kb(pc.gzip), kb(ec.gzip), ratio(ec.gzip, pc.gzip)],
      ['cold query, requests (mean)', pc.requests.toFixed(1), ec.requests.toFixed(1), ''],
    ]),
  );

  const misses = set.queries
    .map((q, i) => {
      const got = enriched.runs[i]!.articles.slice(0, TOP);
      const want = q.expect.map((k) => set.seeds[k]!.id);
      const key = (id: string) => Object.entries(set.seeds).find(([, s]) => s.id === id)?.[0] ?? id;
      const missing = want.filter((id) => !got.includes(id)).map(key);
      const extra = got.filter((id) => !want.includes(id)).map(key);
      const entityMiss = q.entity && enriched.runs[i]!.first !== `/entities/${q.entity}/`;
      if (!missing.length && !extra.length && !entityMiss) return null;
      return `  ${q.query} [${q.kind}]${missing.length ? ` missing ${missing.join(', ')}` : ''}${extra.length ? ` extra ${extra.join(', ')}` : ''}${entityMiss ? ` first ${enriched.runs[i]!.first}` : ''}`;
    })
    .filter(Boolean);
  out.push('', misses.length ? `Enriched build, queries not fully right (${misses.length}):` : 'Enriched build: every query right.');
  out.push(...(misses as string[]));

  const ok =
    enriched.scores.recall >= TARGETS.recall &&
    enriched.scores.precision >= TARGETS.precision &&
    enriched.scores.recall > plain.scores.recall &&
    enriched.scores.precision > plain.scores.precision &&
    ec.gzip <= TARGETS.bytesRatio * pc.gzip &&
    ec.bytes <= TARGETS.bytesRatio * pc.bytes;
  out.push('', ok ? 'Targets met.' : 'Targets NOT met.');
  console.log(out.join('\n'));

  if (values.json) {
    const report = { queries: set.queries, plain, enriched, byKind, cost: { plain: pc, enriched: ec } };
    await writeFile(path.resolve(values.json), JSON.stringify(report, null, 2));
  }
  if (!values.keep) await rm(work, { recursive: true, force: true });
  return ok ? 0 : 1;
}

process.exitCode = await main();
