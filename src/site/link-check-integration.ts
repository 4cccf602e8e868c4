import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { findBrokenLinks } from './link-check.ts';

/** Fails `astro build` when any page links to a page or asset the build did not produce. */
export function linkCheckIntegration(): AstroIntegration {
  return {
    name: 'marsad-link-check',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const broken = findBrokenLinks(fileURLToPath(dir));
        if (broken.length > 0) {
          throw new Error(`${broken.length} broken internal link(s):\n${broken.slice(0, 50).join('\n')}`);
        }
        logger.info('no broken internal links');
      },
    },
  };
}
