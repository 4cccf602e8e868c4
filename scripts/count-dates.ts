/**
 * Where each outlet's article dates come from, in a content folder: per outlet, how many articles
 * are dated at all and the share whose date came from a date field of the record, the text (a
 * publication or credit line), the URL, or the day the record was collected (`publishedFrom` in
 * the front matter; src/ingest/index.ts). Figures in docs/ingest.md.
 *
 *   npm run count:dates -- --content DIR   (default: the site's content folder)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { commandLine, usageFromHeader } from '../src/cli/args.ts';
import { readFrontmatter } from '../src/ingest/index.ts';

const USAGE = usageFromHeader(import.meta.url);

const SOURCES = ['record', 'text', 'url', 'collected'] as const;

const { values } = commandLine(USAGE, { options: { content: { type: 'string', default: 'content' } } });
const folder = path.join(values.content, 'articles');
let files: string[];
try {
  files = readdirSync(folder).filter((f) => f.endsWith('.mdx'));
} catch (error) {
  console.error(`count:dates: cannot read ${folder}: ${(error as Error).message}`);
  process.exit(2);
}

interface Tally {
  articles: number;
  undated: number;
  from: Record<string, number>;
}
const byOutlet = new Map<string, Tally>();
const tallyOf = (outlet: string) => {
  let tally = byOutlet.get(outlet);
  if (!tally) byOutlet.set(outlet, (tally = { articles: 0, undated: 0, from: {} }));
  return tally;
};
for (const file of files) {
  const data = readFrontmatter(readFileSync(path.join(folder, file), 'utf8'));
  if (!data) {
    console.error(`count:dates: ${path.join(folder, file)}: no front matter, skipped`);
    continue;
  }
  for (const tally of [tallyOf(typeof data.outlet === 'string' ? data.outlet : '(no outlet)'), tallyOf('all')]) {
    tally.articles++;
    if (!data.published) tally.undated++;
    else {
      const from = typeof data.publishedFrom === 'string' ? data.publishedFrom : '(not recorded)';
      tally.from[from] = (tally.from[from] ?? 0) + 1;
    }
  }
}

const percent = (n: number, of: number) => (of === 0 ? '–' : `${((100 * n) / of).toFixed(1)}%`);
const extra = [...new Set([...byOutlet.values()].flatMap((t) => Object.keys(t.from)))].filter(
  (k) => !(SOURCES as readonly string[]).includes(k),
);
const columns = [...SOURCES, ...extra];
console.log(`| outlet | articles | dated | ${columns.join(' | ')} |`);
console.log(`| --- | ---: | ---: | ${columns.map(() => '---:').join(' | ')} |`);
const rows = [...byOutlet].sort(([a, x], [b, y]) => (a === 'all' ? 1 : b === 'all' ? -1 : y.articles - x.articles || a.localeCompare(b)));
for (const [outlet, t] of rows) {
  const dated = t.articles - t.undated;
  console.log(
    `| ${outlet} | ${t.articles} | ${percent(dated, t.articles)} | ${columns.map((c) => percent(t.from[c] ?? 0, t.articles)).join(' | ')} |`,
  );
}
