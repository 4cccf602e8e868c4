import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';

/**
 * The site's sitemap: every page but the 404. One definition for `astro build` (astro.config.mjs)
 * and for the merge of a partitioned build (src/site/partitioned-build.ts), which writes it again
 * over the pages of every partition.
 */
export function siteSitemap(): AstroIntegration {
  return sitemap({ filter: (page) => !page.endsWith('/404/') });
}
