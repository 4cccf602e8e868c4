import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { SitemapAndIndexStream, SitemapStream } from 'sitemap';

/** URLs per sitemap file (the protocol allows 50,000). */
const ENTRY_LIMIT = 45_000;

/** Sitemap URLs in the order they are listed: by text, runs of digits by value («page/2» before «page/10»). */
const byUrl = new Intl.Collator('en', { numeric: true }).compare;

/**
 * Writes `sitemap-index.xml` and `sitemap-N.xml` into `outDir` for the page URLs given (absolute,
 * under `site`), sorted, in files of at most 45,000 URLs.
 *
 * The format and order of @astrojs/sitemap, which this replaces: it sorts with
 * `a.localeCompare(b, 'en', { numeric: true })`, which builds a collator for every comparison —
 * ~1 M comparisons and 2–5 s for the 68,000 pages of a 31k-article site, at every build, however
 * little changed. One shared `Intl.Collator` gives the same order in a twentieth of the time.
 */
export async function writeSitemap(outDir: string, site: string, urls: readonly string[]): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const sorted = [...new Set(urls)].sort(byUrl);
  const index = new SitemapAndIndexStream({
    limit: ENTRY_LIMIT,
    getSitemapStream: (i) => {
      const sitemap = new SitemapStream({
        hostname: new URL('/', site).href,
        xmlns: { news: true, xhtml: true, image: true, video: true },
      });
      const name = `sitemap-${i}.xml`;
      const written = sitemap.pipe(createWriteStream(path.join(outDir, name)));
      return [new URL(`/${name}`, site).href, sitemap, written];
    },
  });
  await pipeline(Readable.from(sorted.map((url) => ({ url }))), index, createWriteStream(path.join(outDir, 'sitemap-index.xml')));
}

/** A built page's absolute URL ("articles/x/" → "https://site/articles/x/"). */
function pageUrl(site: string, pathname: string): string {
  return new URL(pathname.replace(/^\//, ''), new URL('/', site)).href;
}

/**
 * The site's sitemap: every page the build wrote but the 404. One definition for `astro build`
 * (astro.config.mjs) and for the merge of a partitioned build (src/site/partitioned-build.ts),
 * which writes it again over the pages of every partition.
 */
export function siteSitemap(): AstroIntegration {
  let site: string | undefined;
  return {
    name: 'marsad-sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        if (!site) {
          logger.warn('no `site` in the Astro config: no sitemap written');
          return;
        }
        const urls = pages.filter((p) => !/^\/?404\/?$/.test(p.pathname)).map((p) => pageUrl(site!, p.pathname));
        const outDir = fileURLToPath(dir);
        await writeSitemap(outDir, site, urls);
        logger.info(`sitemap-index.xml written: ${urls.length} page(s)`);
      },
    },
  };
}
