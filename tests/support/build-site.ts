import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, projectRoot } from '../../scripts/lib/build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the site built for this test run. */
    distDir: string;
    /** Content folder that site was built from. */
    contentDir: string;
  }
}

/**
 * Builds the site once per test run with the project's real build (`astro build`, then Pagefind)
 * into a temp folder with a fresh cache (no stale content-layer data), and hands its path to the
 * site and browser tests. `MARSAD_TEST_CONTENT_DIR` picks another content folder; the default is
 * the committed seed content. `MARSAD_KEEP_TEST_DIST=1` keeps the built site for inspection.
 */
export default async function setup(project: TestProject) {
  const contentDir = path.resolve(projectRoot, process.env.MARSAD_TEST_CONTENT_DIR || 'content');
  const distDir = await mkdtemp(path.join(os.tmpdir(), 'marsad-test-dist-'));
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'marsad-test-cache-'));
  try {
    await buildSite({ contentDir, outDir: distDir, cacheDir });
  } catch (error) {
    // A failed build leaves nothing behind for the next run to trip on.
    await Promise.all([distDir, cacheDir].map((dir) => rm(dir, { recursive: true, force: true })));
    throw error;
  }
  project.provide('distDir', distDir);
  project.provide('contentDir', contentDir);
  return async () => {
    await rm(cacheDir, { recursive: true, force: true });
    if (!process.env.MARSAD_KEEP_TEST_DIST) await rm(distDir, { recursive: true, force: true });
    else console.log(`test site kept in ${distDir}`);
  };
}
