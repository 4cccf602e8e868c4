/**
 * How fast the search page answers a reader, against plain Pagefind's UI on the same pages:
 *
 *   npm run bench:search:latency [-- --corpus ../shared/corpus/saudinewsnet] [--day 2015-07-22]
 *        [--work DIR] [--reuse] [--rounds 2] [--json FILE]
 *
 * Builds one SaudiNewsNet day as the site ships and with plain Pagefind (the same pages and
 * Component UI, MARSAD_SEARCH_ENRICH=0: no query processing, no enrichment), serves each like a
 * static host (precompressed), and types every query of bench/search/real/queries.json into the
 * search page's box in headless Chromium, key by key. The figure is the time from the last
 * keystroke to the first result painted (a result link in the list, then two animation frames):
 * - cold: a fresh browser context per query (nothing cached, Pagefind and the site's search code
 *   load on the way);
 * - warm: one page that has searched before, the box cleared and the next query typed.
 * Both include the Component UI's typing debounce, the same for the two builds. Prints the median
 * and 90th percentile per build and the site/plain ratios of the medians; a benchmark, not a test:
 * the machine is shared, so compare the ratios of one run.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { commandLine, usageFromHeader } from '../src/cli/args.ts';
import { projectRoot } from './lib/build.ts';
import { launchChromium, precompress, serveStatic } from './lib/browser.ts';
import { DEFAULT_CORPUS } from './lib/corpus.ts';
import { buildRealDay, REAL_DAY_WORK } from './lib/real-day.ts';

const USAGE = usageFromHeader(import.meta.url);

const { values: args } = commandLine(USAGE, {
  options: {
    corpus: { type: 'string', default: DEFAULT_CORPUS },
    day: { type: 'string', default: '2015-07-22' },
    work: { type: 'string', default: REAL_DAY_WORK },
    reuse: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '2' },
    json: { type: 'string' },
  },
});

const log = (line: string) => process.stderr.write(`${line}\n`);
const queries = (
  JSON.parse(await readFile(path.join(projectRoot, 'bench/search/real/queries.json'), 'utf8')) as { queries: { query: string }[] }
).queries.map((q) => q.query);

/** In the page: the time of the last key pressed, and a promise of the first result painted after it. */
const PROBE = `(() => {
  window.__lastKey = 0;
  document.addEventListener('keydown', () => { window.__lastKey = performance.now(); }, true);
  window.__firstResult = () => new Promise((resolve) => {
    const done = () => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - window.__lastKey)));
    const found = () => document.querySelector('pagefind-results a.pf-result-link');
    if (found()) return done();
    const observer = new MutationObserver(() => { if (found()) { observer.disconnect(); done(); } });
    observer.observe(document.querySelector('pagefind-results') ?? document.body, { childList: true, subtree: true });
  });
})()`;

/** Types a query into the search page's box and returns the milliseconds to the first result painted. */
async function typeAndWait(page: Page, query: string): Promise<number | null> {
  const input = page.locator('pagefind-input input');
  await input.fill('');
  // Wait for the cleared box's results to go before typing.
  await page
    .waitForFunction(`!document.querySelector('pagefind-results a.pf-result-link')`, undefined, { timeout: 10_000 })
    .catch(() => undefined);
  await input.pressSequentially(query, { delay: 40 });
  try {
    return await page
      .evaluate<number>(`Promise.race([window.__firstResult(), new Promise((r) => setTimeout(() => r(-1), 15000))])`)
      .then((ms) => (ms < 0 ? null : ms));
  } catch {
    return null;
  }
}

async function openSearch(browser: Browser, origin: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/search/`, { waitUntil: 'load' });
  await page.evaluate(PROBE);
  return { page, close: () => context.close() };
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { n: sorted.length, median: at(0.5), p90: at(0.9) };
};

const { site, plain } = await buildRealDay({
  corpus: args.corpus!,
  day: args.day!,
  work: path.resolve(args.work!),
  reuse: args.reuse!,
  log,
});
const browser = await launchChromium();
const figures: Record<string, { cold: number[]; warm: number[]; missing: number }> = {};
try {
  for (const [name, dir] of [
    ['site', site],
    ['plain', plain],
  ] as const) {
    await precompress(dir);
    const server = await serveStatic(dir, { compress: true });
    const figure = { cold: [] as number[], warm: [] as number[], missing: 0 };
    figures[name] = figure;
    try {
      for (let round = 0; round < Number(args.rounds); round++) {
        log(`${name}: round ${round + 1}, cold…`);
        for (const query of queries) {
          const { page, close } = await openSearch(browser, server.origin);
          const ms = await typeAndWait(page, query);
          await close();
          if (ms === null) figure.missing += 1;
          else figure.cold.push(ms);
        }
        log(`${name}: round ${round + 1}, warm…`);
        const { page, close } = await openSearch(browser, server.origin);
        await typeAndWait(page, queries[0]!);
        for (const query of queries) {
          const ms = await typeAndWait(page, query);
          if (ms === null) figure.missing += 1;
          else figure.warm.push(ms);
        }
        await close();
      }
    } finally {
      await server.close();
    }
  }
} finally {
  await browser.close();
}

const out: string[] = [`${args.day}, ${queries.length} queries × ${args.rounds} rounds: last keystroke → first result painted (ms)`];
out.push(
  `${''.padEnd(8)} ${'cold median'.padStart(12)} ${'cold p90'.padStart(9)} ${'warm median'.padStart(12)} ${'warm p90'.padStart(9)}   no result`,
);
const summary: Record<string, unknown> = {};
for (const [name, f] of Object.entries(figures)) {
  const cold = stats(f.cold);
  const warm = stats(f.warm);
  summary[name] = { cold, warm, missing: f.missing };
  out.push(
    `${name.padEnd(8)} ${cold.median.toFixed(0).padStart(12)} ${cold.p90.toFixed(0).padStart(9)} ${warm.median.toFixed(0).padStart(12)} ${warm.p90.toFixed(0).padStart(9)}   ${f.missing}`,
  );
}
const s = summary as Record<'site' | 'plain', { cold: { median: number }; warm: { median: number } }>;
out.push(
  `site / plain: cold ${(s.site.cold.median / s.plain.cold.median).toFixed(2)}×, warm ${(s.site.warm.median / s.plain.warm.median).toFixed(2)}×`,
);
console.log(out.join('\n'));
if (args.json) await writeFile(args.json, `${JSON.stringify(summary, null, 2)}\n`);
