// Baseline for `npm run bench:scale`: the same articles as a plain Astro + MDX site (no entities,
// no enrichment, no Tailwind); Pagefind runs after the build, as its docs describe.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  site: 'https://baseline.example',
  outDir: process.env.BENCH_OUT_DIR,
  cacheDir: process.env.BENCH_CACHE_DIR,
  integrations: [mdx()],
});
