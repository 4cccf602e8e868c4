import type { AstroIntegration } from 'astro';
import { settings } from '../../settings.ts';
import { entityNamesUrl, vocabularyUrl } from '../../search/config.ts';

/**
 * Search in the build: in enriched builds (the default; `MARSAD_SEARCH_ENRICH=0` for plain
 * Pagefind), serves the entity names the browser's query processing needs at
 * `/search/entities.json`, and the site's vocabulary its typo correction needs at
 * `/search/vocabulary.json`. The Pagefind index itself is built after `astro build` exits, by
 * `src/cli/search-index.ts` (`npm run build` runs both).
 */
export function pagefindIntegration(): AstroIntegration {
  const enrich = settings().searchEnrich;
  return {
    name: 'marsad-pagefind',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        if (enrich) {
          injectRoute({ pattern: entityNamesUrl, entrypoint: new URL('./entity-names-route.ts', import.meta.url), prerender: true });
          injectRoute({ pattern: vocabularyUrl, entrypoint: new URL('./vocabulary-route.ts', import.meta.url), prerender: true });
        }
      },
    },
  };
}
