// Baseline for `npm run bench:scale`: the same articles as a Starlight site in Arabic (RTL),
// with Starlight's own Pagefind search.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  site: 'https://baseline.example',
  outDir: process.env.BENCH_OUT_DIR,
  cacheDir: process.env.BENCH_CACHE_DIR,
  integrations: [
    starlight({
      title: 'Baseline',
      defaultLocale: 'root',
      locales: { root: { label: 'العربية', lang: 'ar', dir: 'rtl' } },
      sidebar: [],
    }),
  ],
});
