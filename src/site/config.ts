import path from 'node:path';

/**
 * Build-wide settings read from the environment, so benchmarks and tests can point the same
 * project at another content folder or output folder without editing files.
 */

/** Folder holding `articles/` and `entities/`; `MARSAD_CONTENT_DIR` overrides `./content`. */
export const contentDir = path.resolve(process.env.MARSAD_CONTENT_DIR || 'content');

/** Where `astro build` writes the site; `MARSAD_OUT_DIR` overrides `./dist`. */
export const outDir = path.resolve(process.env.MARSAD_OUT_DIR || 'dist');

/**
 * Astro's cache (content layer data store, optimized assets); `MARSAD_CACHE_DIR` gives a build its
 * own, so tests and benchmarks neither reuse nor disturb the project's cache.
 */
export const cacheDir = path.resolve(process.env.MARSAD_CACHE_DIR || 'node_modules/.astro');

/** Public origin used for canonical URLs and feeds; `MARSAD_SITE` overrides it. */
export const siteUrl = process.env.MARSAD_SITE || 'https://marsad.example';

/** Site name shown to readers. */
export const siteName = 'مرصد';
export const siteTagline = 'أرشيف الأخبار العربية وأعلامها وأماكنها';
