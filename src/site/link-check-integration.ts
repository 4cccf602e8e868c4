import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { PAGEFIND_PATH } from '../search/shards.ts';
import { findBrokenLinks } from './link-check.ts';

/**
 * Fails `astro build` when any page links to a page or asset the build did not produce. Pagefind's
 * files under /pagefind/ come from the next step (`npm run search:index`), which checks them.
 */
export function linkCheckIntegration(): AstroIntegration {
  return {
    name: 'marsad-link-check',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const broken = findBrokenLinks(fileURLToPath(dir), { include: (url) => !url.startsWith(PAGEFIND_PATH) });
        if (broken.length > 0) {
          throw new Error(`${broken.length} broken internal link(s):\n${broken.slice(0, 50).join('\n')}`);
        }
        logger.info('no broken internal links');
      },
    },
  };
}
