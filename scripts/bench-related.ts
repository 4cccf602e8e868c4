/**
 * Related stories over a whole archive, timed:
 *
 *   npm run bench:related -- --articles DIR [--entities DIR]… [--mentions FILE] [--show N]
 *
 * Reads an already-ingested articles folder (ingests nothing), finds each article's mentions as
 * the build does (`src/site/article-prepare.ts` in worker threads, the registry `content/entities`
 * + `bench/scale/registry` unless `--entities` is given), builds the mention index in the archive's
 * order (`src/entities/mentions.ts`, `src/site-core/order.ts`), then computes the related stories of
 * every article (`src/entities/related.ts`) and prints: articles, candidates examined per article
 * (mean, max), stories per article, the time of the related computation and the process's peak
 * RSS. `--mentions FILE` keeps what the linker found in FILE and reads it back on the next run,
 * so that the figures of a second run are those of the index and the related computation alone.
 * `--show N` prints N articles picked at random (seeded) with their related headlines.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { commandLine, usageError, usageFromHeader } from '../src/cli/args.ts';
import { buildMentionIndex, type ArticleMentions, type ZoneCounts } from '../src/entities/mentions.ts';
import { loadRegistry } from '../src/entities/registry.ts';
import { RELATED_DEFAULTS, relatedStories } from '../src/entities/related.ts';
import { articleFiles } from '../src/site/article-files.ts';
import { prepareArticles } from '../src/site/article-loader.ts';
import { newestFirst } from '../src/site-core/order.ts';
import { projectRoot } from './lib/build.ts';

const USAGE = usageFromHeader(import.meta.url);

const { values: args } = commandLine(USAGE, {
  options: {
    articles: { type: 'string' },
    entities: { type: 'string', multiple: true },
    mentions: { type: 'string' },
    show: { type: 'string', default: '0' },
  },
});
if (!args.articles) usageError('bench:related: --articles DIR is required', USAGE);
const log = (line: string) => process.stderr.write(`${line}\n`);
const mib = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MiB`;

interface Stored {
  id: string;
  title: string;
  published: string | null;
  counts: [string, number][];
  zones: [string, ZoneCounts][];
}

const articlesDir = path.resolve(args.articles);
const files = articleFiles(articlesDir).articles;
let stored: Stored[];
if (args.mentions && existsSync(args.mentions)) {
  log(`reading mentions from ${args.mentions}…`);
  stored = JSON.parse(readFileSync(args.mentions, 'utf8')) as Stored[];
} else {
  const dirs = args.entities ?? [path.join(projectRoot, 'content/entities'), path.join(projectRoot, 'bench/scale/registry')];
  const registry = dirs.flatMap((d) => loadRegistry(path.resolve(d)));
  log(`linking ${files.length} articles with ${registry.length} entities…`);
  const started = performance.now();
  const items = files.map(({ id, file }) => ({ id, source: readFileSync(file, 'utf8') }));
  const prepared = await prepareArticles(items, { registry, enrich: false });
  stored = [];
  for (const [i, p] of prepared.entries()) {
    if (!p.ok) throw new Error(`${files[i]!.file}: ${p.reason}`);
    const { frontmatter } = p;
    const published = frontmatter.published ? new Date(frontmatter.published as string | Date) : null;
    stored.push({
      id: p.id,
      title: String(frontmatter.title),
      published: published && !Number.isNaN(published.getTime()) ? published.toISOString() : null,
      counts: [...p.metadata.counts],
      zones: [...p.metadata.zones],
    });
  }
  log(`linked in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (args.mentions) writeFileSync(args.mentions, JSON.stringify(stored));
}

const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const articles = stored.map((s) => ({ id: s.id, title: s.title, published: s.published ? new Date(s.published) : null })).sort(newestFirst);
const byId = new Map(stored.map((s) => [s.id, s]));
const perArticle: ArticleMentions[] = articles.map((a) => {
  const s = byId.get(a.id)!;
  return { articleId: a.id, counts: new Map(s.counts), zones: new Map(s.zones), snippets: new Map() };
});
const index = buildMentionIndex(perArticle);
const indexMs = performance.now() - started;
const rssIndex = process.memoryUsage().rss;

const relatedStarted = performance.now();
const relatedCpu = process.cpuUsage();
const related = relatedStories({ articles, byArticle: index.byArticle, byEntity: index.byEntity });
const setupMs = performance.now() - relatedStarted;
const examined: number[] = [];
const shown: number[] = [];
const results = new Map<string, string[]>();
for (const a of articles) {
  const r = related(a.id);
  examined.push(r.examined);
  shown.push(r.stories.length);
  results.set(
    a.id,
    r.stories.map((s) => s.articleId),
  );
}
const relatedMs = performance.now() - relatedStarted;
const { user, system } = process.cpuUsage(relatedCpu);
const relatedCpuMs = (user + system) / 1000;
const rssAfter = process.memoryUsage().rss;

const sum = (xs: number[]) => xs.reduce((t, x) => t + x, 0);
const mean = (xs: number[]) => sum(xs) / Math.max(1, xs.length);
const sorted = [...examined].sort((a, b) => a - b);
const withStories = shown.filter((n) => n > 0).length;
const rows: [string, string][] = [
  ['articles', articles.length.toLocaleString('en')],
  ['entities named in a title or body', index.byEntity.size.toLocaleString('en')],
  ['options', JSON.stringify(RELATED_DEFAULTS)],
  [
    'candidates examined per article',
    `mean ${mean(examined).toFixed(1)}, median ${sorted[sorted.length >> 1]}, max ${sorted.at(-1)} (bound ${RELATED_DEFAULTS.maxEntities * RELATED_DEFAULTS.perEntity})`,
  ],
  [
    'related stories per article',
    `mean ${mean(shown).toFixed(2)}; articles with at least one: ${withStories.toLocaleString('en')} (${((100 * withStories) / articles.length).toFixed(1)}%)`,
  ],
  ['mention index (order + build)', `${indexMs.toFixed(0)} ms`],
  [
    'related stories, every article',
    `${relatedMs.toFixed(0)} ms wall (${setupMs.toFixed(0)} ms of it preparing), CPU ${relatedCpuMs.toFixed(0)} ms: ${((1000 * relatedCpuMs) / articles.length).toFixed(0)} µs CPU per article`,
  ],
  ['RSS: mentions read / index built / related done', `${mib(rssBefore)} / ${mib(rssIndex)} / ${mib(rssAfter)}`],
  ['peak RSS of the process', mib(process.resourceUsage().maxRSS * 1024)],
];
const width = Math.max(...rows.map((r) => r[0].length));
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);

// A few articles with their related headlines, to read.
let seed = 17;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const titles = new Map(articles.map((a) => [a.id, `${a.published?.toISOString().slice(0, 10) ?? '—'}  ${a.title}`]));
const entitiesOf = (id: string) => [...index.byArticle.get(id)!.counts.keys()].join(' ');
for (let i = 0; i < Number(args.show); i++) {
  const a = articles[Math.floor(random() * articles.length)]!;
  console.log(`\n${titles.get(a.id)}   [${entitiesOf(a.id)}]`);
  for (const id of results.get(a.id)!) console.log(`    → ${titles.get(id)}   [${entitiesOf(id)}]`);
}
