/**
 * `npm run search:index [-- DIR]`: builds the Pagefind search index of a built site (default: the
 * build's output folder, MARSAD_OUT_DIR or dist/). `npm run build` runs it after `astro build`.
 * Shards whose pages did not change since the last run are copied from the build cache
 * (MARSAD_CACHE_DIR or node_modules/.astro, in `marsad-search/`) instead of being indexed again.
 * Exits 0 when the index is written, 1 when DIR holds no built site or indexing fails, 2 on a
 * usage error.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ENTITY_BUNDLE_PATH, indexSite } from '../site/search/index-site.ts';
import { settingsOrExit } from '../settings.ts';
import { findBrokenLinks } from '../site/link-check.ts';
import { PAGEFIND_PATH } from '../search/shards.ts';
import { commandLine, usageError } from './args.ts';

const { outDir, cacheDir, searchEnrich } = settingsOrExit();
const USAGE = `usage: npm run search:index [-- DIR]
  DIR   a built site (astro build's output) to index into DIR/pagefind/
        (default: $MARSAD_OUT_DIR or dist)
Enriched Arabic index unless MARSAD_SEARCH_ENRICH=0; past MARSAD_SEARCH_SHARD_ARTICLES articles
(default 2500) shards by date period, newest first; unchanged shards stay in place or are copied
from the build cache ($MARSAD_CACHE_DIR/marsad-search).`;

const { positionals } = commandLine(USAGE, { allowPositionals: true, options: {} });
if (positionals.length > 1) usageError(`search:index: one folder at most, not ${positionals.length}`, USAGE);
const dir = path.resolve(positionals[0] ?? outDir);
if (!existsSync(path.join(dir, 'index.html'))) {
  process.stderr.write(`${dir}: no built site here (run astro build first)\n`);
  process.exit(1);
}
try {
  const { pages, ms, shards, runs } = await indexSite(dir, { cacheDir });
  const mode = searchEnrich ? 'enriched Arabic index' : 'plain Pagefind (MARSAD_SEARCH_ENRICH=0)';
  const apart = runs.some((r) => r.path === ENTITY_BUNDLE_PATH) ? ', entity pages in a bundle of their own' : '';
  const split = shards > 1 ? ` in ${shards} shards (newest articles first${apart})` : '';
  process.stdout.write(`[marsad-pagefind] indexed ${pages} pages${split} in ${Math.round(ms)} ms, ${mode}\n`);
  const indexed = runs.filter((r) => !r.reused);
  if (runs.length > 0) {
    const names = indexed
      .map((r) => `${r.path} (${r.path === ENTITY_BUNDLE_PATH ? `${r.pages} pages` : `${r.articles} articles`})`)
      .join(', ');
    const kept = runs.filter((r) => r.kept).length;
    process.stdout.write(
      `[marsad-pagefind] ${indexed.length} bundle(s) indexed${names ? `: ${names}` : ''}; ${runs.length - indexed.length} unchanged (${kept} kept in place, ${runs.length - indexed.length - kept} copied from the cache)\n`,
    );
  }
  // Every page shares the layout that loads the search bundle: check it on the pages that have one.
  const layoutPages = ['index.html', '404.html', 'search/index.html'].filter((p) => existsSync(path.join(dir, p)));
  const broken = findBrokenLinks(dir, { pages: layoutPages, include: (url) => url.startsWith(PAGEFIND_PATH) });
  if (broken.length > 0) throw new Error(`${broken.length} page(s) load Pagefind files the index did not write:\n${broken.join('\n')}`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
