import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { entityNamesUrl, searchEnrichmentEnabled } from './config.ts';

/**
 * Search in the build:
 * - in enriched builds (the default; `MARSAD_SEARCH_ENRICH=0` for plain Pagefind), serves the entity
 *   names the browser's query processing needs at `/search/entities.json`;
 * - builds the Pagefind index over the finished site as the last step of `astro build`, with
 *   Pagefind's Node API, so `npm run build` always ships a search index that matches the pages.
 */
export function pagefindIntegration(): AstroIntegration {
  const enrich = searchEnrichmentEnabled();
  return {
    name: 'marsad-pagefind',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        if (enrich) {
          injectRoute({ pattern: entityNamesUrl, entrypoint: new URL('./entity-names-route.ts', import.meta.url), prerender: true });
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        try {
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
          if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
          const mode = enrich ? 'enriched Arabic index' : 'plain Pagefind (MARSAD_SEARCH_ENRICH=0)';
          logger.info(`indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms, ${mode}`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
