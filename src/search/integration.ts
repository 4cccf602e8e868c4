import type { AstroIntegration } from 'astro';
import { entityNamesUrl, searchEnrichmentEnabled } from './config.ts';

/**
 * Search in the build: in enriched builds (the default; `MARSAD_SEARCH_ENRICH=0` for plain
 * Pagefind), serves the entity names the browser's query processing needs at
 * `/search/entities.json`. The Pagefind index itself is built after `astro build` exits, by
 * `src/cli/search-index.ts` (`npm run build` runs both).
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
    },
  };
}
