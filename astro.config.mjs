// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import tailwindcss from '@tailwindcss/vite';
import { pagefindIntegration } from './src/site/search/integration.ts';
import { linkCheckIntegration } from './src/site/link-check-integration.ts';
import { staleFilesIntegration } from './src/site/stale-files.ts';
import { picturesIntegration } from './src/pictures/integration.ts';
import { headingIds } from './src/site/heading-ids.ts';
import { siteSitemap } from './src/site/sitemap.ts';
import { settings } from './src/settings.ts';

const { siteUrl, outDir, cacheDir, partition } = settings();

export default defineConfig({
  site: siteUrl,
  outDir,
  cacheDir,
  trailingSlash: 'always',
  // Pages rendered at once: the rendering is one thread's, and a page waits on its file reads and
  // writes and on the pictures worker; 8 renders a 31k day's 6,278 pages ~7% faster than 4 (docs/scale.md).
  build: { format: 'directory', concurrency: 8 },
  // Whole log lines: with concurrent pages, Astro's own log glues page lines together (src/site/build-log.ts).
  logger: { entrypoint: './src/site/build-log.ts' },
  // Pages whose getStaticPaths cacheKey and code are unchanged are not rendered again (src/site/data.ts).
  experimental: { incrementalBuild: true },
  markdown: {
    // Keep the editor's punctuation verbatim: SmartyPants would turn Arabic text's straight
    // quotes into English curly quotes. Heading ids without tashkeel (src/site/heading-ids.ts).
    // This is the pipeline of dossiers; articles are rendered by src/site/article-loader.ts.
    processor: satteri({ features: { smartPunctuation: false }, hastPlugins: [headingIds] }),
  },
  integrations: [
    mdx(),
    siteSitemap(),
    pagefindIntegration(),
    picturesIntegration(),
    // The output folder is rebuilt in place, not emptied first; what the build did not write goes.
    staleFilesIntegration(),
    // A partition's pages link to pages other partitions write: the merge checks the whole site.
    ...(partition ? [] : [linkCheckIntegration()]),
  ],
  vite: {
    plugins: [tailwindcss()],
    // Never inline a small bundled <script> into the page: the site's CSP (public/_headers) allows
    // scripts from files only. Other assets keep Vite's default limit.
    build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) },
  },
});
