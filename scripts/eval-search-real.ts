/**
 * Search on real news, measured on judged queries (bench/search/real/):
 *
 *   npm run eval:search:real [-- --corpus ../shared/corpus/saudinewsnet] [--days 2015-07-22,2015-07-25]
 *        [--work DIR] [--reuse] [--systems site,plain,raw] [--pool FILE [--pool-depth N]] [--json FILE] [--no-goal]
 *        [--queries FILE --judgments FILE]   (default: bench/search/real/; the held-out set is holdout/)
 *
 * For each day: ingests the day's SaudiNewsNet records with the project's ingest and the corpus
 * registry (content/entities + bench/scale/registry), builds the site twice — as it ships, and with
 * plain Pagefind (MARSAD_SEARCH_ENRICH=0) — then runs every query of queries.json in headless
 * Chromium, one fresh browser context per query:
 * - `site`: the site's own search (window.marsadSearch on /search/: query processing, ranking,
 *   shards), the search the search page runs;
 * - `plain`: plain Pagefind 1.6 on the plain build of the same pages (what a user would pick
 *   instead);
 * - `raw`: Pagefind's API alone on the site's enriched index (no query processing): a variant.
 * Scores each against judgments.json (grades 0/1/2 of pooled results, README.md): P@10 (grade ≥ 1),
 * nDCG@10 (gains 0/1/2, ideal from every result judged for the query that day), MRR (first result
 * of grade ≥ 1), queries with no result, and results in the top 10 nobody judged yet; then, per
 * day, on how many queries the site beats plain Pagefind and a bootstrap range of the margin. A
 * query with no relevant judged result on a day is left out of that day's means.
 *
 * `--pool FILE` writes every top-20 result (`--pool-depth N`: top N) not judged yet, with its title
 * and text, for judging.
 * Exits 1 when, on some day, the site misses nDCG@10 ≥ 0.80, MRR ≥ 0.90 or plain's nDCG@10 + 0.08
 * (the goal of the search issue), unless `--no-goal`; 2 on bad input.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { commandLine, usageError, usageFromHeader } from '../src/cli/args.ts';
import { projectRoot } from './lib/build.ts';
import { launchChromium, serveStatic } from './lib/browser.ts';
import { DEFAULT_CORPUS, seededRandom } from './lib/corpus.ts';
import { buildRealDay, REAL_DAY_WORK } from './lib/real-day.ts';
import { normalizeArabic, tokenize } from '../src/arabic/index.ts';
import { readArticleSource } from '../src/ingest/index.ts';

const USAGE = usageFromHeader(import.meta.url);

const GOAL = { ndcg: 0.8, mrr: 0.9, overPlain: 0.08 };
const TOP = 10;
const POOL_DEPTH = 20;

const { values: args } = commandLine(USAGE, {
  options: {
    corpus: { type: 'string', default: DEFAULT_CORPUS },
    days: { type: 'string', default: '2015-07-22,2015-07-25' },
    work: { type: 'string', default: REAL_DAY_WORK },
    reuse: { type: 'boolean', default: false },
    systems: { type: 'string', default: 'site,plain,raw' },
    queries: { type: 'string', default: path.join(projectRoot, 'bench/search/real/queries.json') },
    judgments: { type: 'string', default: path.join(projectRoot, 'bench/search/real/judgments.json') },
    pool: { type: 'string' },
    'pool-depth': { type: 'string', default: String(POOL_DEPTH) },
    json: { type: 'string' },
    goal: { type: 'boolean', default: true },
    only: { type: 'string' },
  },
  allowNegative: true,
});

interface Query {
  id: string;
  query: string;
  kind: string;
  intent: string;
}
type System = 'site' | 'plain' | 'raw';
/** day → query id → page path → grade. */
type Judgments = Record<string, Record<string, Record<string, number>>>;

const log = (line: string) => process.stderr.write(`${line}\n`);
const queries = (JSON.parse(await readFile(args.queries!, 'utf8')) as { queries: Query[] }).queries.filter(
  (q) => !args.only || args.only.split(',').includes(q.id),
);
const judgments: Judgments = existsSync(args.judgments!) ? JSON.parse(await readFile(args.judgments!, 'utf8')) : {};
const systems = args.systems!.split(',') as System[];
const days = args.days!.split(',');
const work = path.resolve(args.work!);
const poolDepth = Number(args['pool-depth']);
if (!Number.isInteger(poolDepth) || poolDepth < 1)
  usageError(`--pool-depth must be a whole number ≥ 1, not "${args['pool-depth']}"`, USAGE);

const prepareDay = (day: string) => buildRealDay({ corpus: args.corpus!, day, work, reuse: args.reuse!, log });

/** The top results' page paths of one query in one system, in rank order. */
async function searchOnce(browser: Browser, origin: string, system: System, query: string): Promise<string[]> {
  const context = await browser.newContext();
  try {
    await context.route(/\.(woff2?|png|jpe?g|webp|avif)$/, (route) => route.abort());
    const page = await context.newPage();
    // A string, not a function: the browser's dynamic imports must not be rewritten.
    let expression: string;
    if (system === 'raw') {
      await page.goto(`${origin}/404.html`, { waitUntil: 'load' });
      expression = `(async () => {
        const pagefind = await import('/pagefind/pagefind.js');
        const found = await pagefind.search(${JSON.stringify(query)});
        const data = await Promise.all((found?.results ?? []).slice(0, ${POOL_DEPTH}).map((r) => r.data()));
        return data.map((d) => d.url);
      })()`;
    } else {
      await page.goto(`${origin}/search/`, { waitUntil: 'load' });
      await page.waitForFunction('window.marsadSearch !== undefined');
      expression = `(async () => {
        const found = await window.marsadSearch.search(${JSON.stringify(query)});
        const data = await Promise.all((found?.results ?? []).slice(0, ${POOL_DEPTH}).map((r) => r.data()));
        return data.map((d) => d.url);
      })()`;
    }
    const urls = await page.evaluate<string[]>(expression);
    return urls.map((u) => new URL(u, origin).pathname);
  } finally {
    await context.close();
  }
}

/**
 * The 2.5th and 97.5th percentiles of the mean of `values` resampled with replacement (5,000 draws,
 * a fixed seed): how far the mean could move with another sample of queries of the same kind.
 */
function bootstrapRange(values: number[]): [number, number] {
  if (values.length === 0) return [0, 0];
  const random = seededRandom(2026);
  const means: number[] = [];
  for (let draw = 0; draw < 5000; draw++) {
    let sum = 0;
    for (let i = 0; i < values.length; i++) sum += values[Math.floor(random() * values.length)]!;
    means.push(sum / values.length);
  }
  means.sort((a, b) => a - b);
  return [means[Math.floor(0.025 * means.length)]!, means[Math.ceil(0.975 * means.length) - 1]!];
}

interface Scores {
  p10: number;
  ndcg10: number;
  mrr: number;
  /** Queries scored (with a relevant judged result that day). */
  scored: number;
  zero: string[];
  unjudged: number;
}

function dcg(gains: number[]): number {
  return gains.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
}

function scoreRuns(
  day: string,
  runs: Map<string, string[]>,
): Scores & { perQuery: Record<string, { ndcg: number; rr: number; p10: number } | null> } {
  let p10 = 0;
  let ndcg = 0;
  let mrr = 0;
  let scored = 0;
  let unjudged = 0;
  const zero: string[] = [];
  const perQuery: Record<string, { ndcg: number; rr: number; p10: number } | null> = {};
  for (const q of queries) {
    const results = runs.get(q.id) ?? [];
    if (results.length === 0) zero.push(q.id);
    const grades = judgments[day]?.[q.id] ?? {};
    const top = results.slice(0, TOP);
    unjudged += top.filter((p) => grades[p] === undefined).length;
    const ideal = Object.values(grades)
      .filter((g) => g > 0)
      .sort((a, b) => b - a);
    if (ideal.length === 0) {
      perQuery[q.id] = null;
      continue;
    }
    const gains = top.map((p) => grades[p] ?? 0);
    const qNdcg = dcg(gains) / dcg(ideal.slice(0, TOP));
    const first = gains.findIndex((g) => g > 0);
    const qRr = first >= 0 ? 1 / (first + 1) : 0;
    const qP10 = gains.filter((g) => g > 0).length / TOP;
    perQuery[q.id] = { ndcg: qNdcg, rr: qRr, p10: qP10 };
    ndcg += qNdcg;
    mrr += qRr;
    p10 += qP10;
    scored += 1;
  }
  const n = Math.max(1, scored);
  return { p10: p10 / n, ndcg10: ndcg / n, mrr: mrr / n, scored, zero, unjudged, perQuery };
}

/** What a judge reads of one result: title, kind, and the text around the query's words. */
async function pageForJudging(contentDir: string, pagePath: string, query: string): Promise<{ title: string; text: string }> {
  const entity = /^\/entities\/([^/]+)\/$/.exec(pagePath);
  if (entity) {
    const e = JSON.parse(await readFile(path.join(contentDir, 'entities', `${entity[1]}.json`), 'utf8')) as {
      name: string;
      description: string;
      type: string;
    };
    return { title: `[صفحة كيان: ${e.type}] ${e.name}`, text: e.description };
  }
  const article = /^\/articles\/([^/]+)\/$/.exec(pagePath);
  if (!article) return { title: pagePath, text: '' };
  const { data: frontmatter, body: content } = readArticleSource(
    await readFile(path.join(contentDir, 'articles', `${article[1]}.mdx`), 'utf8'),
  );
  const plain = content
    .replace(/<[^>]+>/g, ' ')
    .replace(/\\(.)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  const sentences = plain.split(/(?<=[.!؟?])\s+/);
  // The lead, then the sentences sharing a word (its first four letters, normalized) with the query.
  const stems = tokenize(query)
    .map((t) =>
      normalizeArabic(t.text)
        .replace(/^(?:وال|بال|فال|كال|لل|ال|و|ب|ل)/, '')
        .slice(0, 4),
    )
    .filter((s) => s.length >= 3);
  const matching = sentences
    .slice(2)
    .filter((s) => stems.some((st) => normalizeArabic(s).includes(st)))
    .slice(0, 4);
  const lead = sentences.slice(0, 2).join(' ');
  const text = [lead.slice(0, 600), ...matching.map((s) => `… ${s.slice(0, 300)}`)].join('\n');
  return { title: `${String(frontmatter.title)} — ${String(frontmatter.outlet ?? '')}`, text };
}

const browser = await launchChromium();
const report: Record<string, Record<string, Scores>> = {};
const pool: { day: string; queryId: string; query: string; intent: string; page: string; title: string; text: string }[] = [];
const out: string[] = [];
let met = true;
try {
  for (const day of days) {
    const { content, site, plain } = await prepareDay(day);
    const servers = { site: await serveStatic(site), plain: await serveStatic(plain) };
    const byPage = new Map<string, Set<string>>();
    report[day] = {};
    try {
      for (const system of systems) {
        const origin = system === 'plain' ? servers.plain.origin : servers.site.origin;
        const runs = new Map<string, string[]>();
        for (const q of queries) {
          const results = await searchOnce(browser, origin, system, q.query);
          runs.set(q.id, results);
          for (const p of results.slice(0, poolDepth)) {
            const key = `${q.id}\0${p}`;
            byPage.set(key, (byPage.get(key) ?? new Set()).add(system));
          }
        }
        const scores = scoreRuns(day, runs);
        report[day]![system] = scores;
        const { perQuery, ...rest } = scores;
        void perQuery;
        report[day]![system] = rest as Scores;
        (report[day] as Record<string, unknown>)[`${system}:perQuery`] = perQuery;
      }
    } finally {
      await servers.site.close();
      await servers.plain.close();
    }
    if (args.pool) {
      for (const key of byPage.keys()) {
        const [queryId, page] = key.split('\0') as [string, string];
        if (judgments[day]?.[queryId]?.[page] !== undefined) continue;
        const q = queries.find((x) => x.id === queryId)!;
        pool.push({ day, queryId, query: q.query, intent: q.intent, page, ...(await pageForJudging(content, page, q.query)) });
      }
    }
    const articles = (await readdir(path.join(content, 'articles'))).length;
    out.push(`${day} (${articles} articles)          P@10   nDCG@10  MRR    scored  zero-result  unjudged@10`);
    for (const system of systems) {
      const s = report[day]![system]!;
      out.push(
        `  ${system.padEnd(28)} ${s.p10.toFixed(3)}  ${s.ndcg10.toFixed(3)}    ${s.mrr.toFixed(3)}  ${String(s.scored).padStart(6)}  ${String(s.zero.length).padStart(11)}  ${String(s.unjudged).padStart(11)}`,
      );
    }
    const siteScores = report[day]!.site;
    const plainScores = report[day]!.plain;
    if (siteScores && plainScores) {
      const ok = siteScores.ndcg10 >= GOAL.ndcg && siteScores.mrr >= GOAL.mrr && siteScores.ndcg10 >= plainScores.ndcg10 + GOAL.overPlain;
      met &&= ok;
      out.push(
        `  site − plain nDCG@10: ${(siteScores.ndcg10 - plainScores.ndcg10).toFixed(3)}; zero-result on the site: ${siteScores.zero.join(' ') || 'none'}`,
      );
      const perQuery = (system: System) =>
        report[day]![`${system}:perQuery` as System] as unknown as Record<string, { ndcg: number } | null>;
      const site = perQuery('site');
      const plain = perQuery('plain');
      const diffs = Object.keys(site).flatMap((id) => (site[id] ? [site[id]!.ndcg - (plain[id]?.ndcg ?? 0)] : []));
      const [low, high] = bootstrapRange(diffs);
      const count = (test: (d: number) => boolean) => diffs.filter(test).length;
      out.push(
        `  per query: site better ${count((d) => d > 1e-9)}, worse ${count((d) => d < -1e-9)}, equal ${count((d) => Math.abs(d) <= 1e-9)}; ` +
          `95% bootstrap range of the mean difference ${low.toFixed(3)}–${high.toFixed(3)}`,
      );
    }
    out.push('');
  }
} finally {
  await browser.close();
}

console.log(out.join('\n'));
if (args.pool) {
  await writeFile(args.pool, `${JSON.stringify(pool, null, 1)}\n`);
  console.log(`${pool.length} results to judge written to ${args.pool}`);
}
if (args.json) await writeFile(args.json, `${JSON.stringify(report, null, 2)}\n`);
console.log(
  `goal (every day: site nDCG@10 ≥ ${GOAL.ndcg}, MRR ≥ ${GOAL.mrr}, nDCG@10 ≥ plain + ${GOAL.overPlain}): ${met ? 'met' : 'not met'}`,
);
if (args.goal && !met) process.exitCode = 1;
