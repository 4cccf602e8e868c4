import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { PAGEFIND_PATH } from '../search/shards.ts';
import { findBrokenLinks } from './link-check.ts';
import { outputChanges } from './stale-files.ts';

/**
 * Fails `astro build` when any page links to a page or asset the build did not produce. Pagefind's
 * files under /pagefind/ come from the next step (`npm run search:index`), which checks them.
 * A page the build kept where it was (src/site/stale-files.ts) had every link resolve when the last
 * build checked it, and its targets are all still there unless this build deleted a file: when the
 * last build into this folder passed the check and this one deleted nothing, only the pages it
 * wrote are read (at 31k, a few hundred pages of 36,000 after one article). A build that fails the
 * check leaves no record of passing it, so the next one reads every page.
 */
export function linkCheckIntegration(): AstroIntegration {
  let record = '';
  let outDir = '';
  let passedBefore = false;
  return {
    name: 'marsad-link-check',
    hooks: {
      'astro:config:setup': ({ config }) => {
        record = path.join(fileURLToPath(config.cacheDir), 'marsad-links-checked.json');
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        try {
          passedBefore = (JSON.parse(readFileSync(record, 'utf8')) as { outDir?: string }).outDir === outDir;
        } catch {
          passedBefore = false;
        }
        rmSync(record, { force: true });
      },
      'astro:build:done': ({ dir, logger }) => {
        const changes = outputChanges();
        const pages =
          passedBefore && changes && changes.removed.length === 0 ? changes.written.filter((f) => f.endsWith('.html')) : undefined;
        const broken = findBrokenLinks(fileURLToPath(dir), {
          include: (url) => !url.startsWith(PAGEFIND_PATH),
          ...(pages ? { pages } : {}),
          // The folder as the walk that pruned it found it (Pagefind's folder aside: its links are not checked here).
          ...(changes ? { files: changes.files } : {}),
        });
        if (broken.length > 0) {
          throw new Error(`${broken.length} broken internal link(s):\n${broken.slice(0, 50).join('\n')}`);
        }
        mkdirSync(path.dirname(record), { recursive: true });
        writeFileSync(record, JSON.stringify({ outDir }));
        logger.info(`no broken internal links${pages ? ` (${pages.length} page(s) written by this build read; nothing was deleted)` : ''}`);
      },
    },
  };
}
