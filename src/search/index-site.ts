import path from 'node:path';
import * as pagefind from 'pagefind';
import { searchablePagesGlob } from '../site/urls.ts';

/**
 * Builds the Pagefind index over a finished site with Pagefind's Node API, into `<dir>/pagefind/`.
 * It runs as its own process after `astro build` has exited (`npm run build`), so the build's
 * memory and Pagefind's never add up: at 30,000 articles each needs several GB.
 */
export async function indexSite(dir: string, glob = searchablePagesGlob): Promise<{ pages: number; ms: number }> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    // Only the pages that carry a search body: Pagefind would read and skip the rest.
    const added = await index.addDirectory({ path: dir, glob });
    if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
    if (added.page_count === 0) throw new Error(`${dir}: no page to index (build the site first: npm run build)`);
    const written = await index.writeFiles({ outputPath: path.join(dir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    return { pages: added.page_count, ms: performance.now() - started };
  } finally {
    await pagefind.close();
  }
}
