import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, projectRoot } from '../../scripts/lib/build.ts';
import { settings } from '../../src/settings.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the site built for this test run. */
    distDir: string;
    /** Content folder that site was built from. */
    contentDir: string;
    /** A second site, built from news records of real shapes (see `buildNewsSite`). */
    newsDistDir: string;
    /** Its content folder, as the ingest CLI wrote it. */
    newsContentDir: string;
    /** The whole log of its build (stdout and stderr of both steps). */
    newsBuildLog: string;
  }
}

/** SaudiNewsNet-shaped records: several outlets and days, datelines, undated records, a duplicate, two non-articles. */
export const NEWS_RECORDS = path.join(projectRoot, 'tests', 'ingest', 'fixtures', 'records', 'saudi-style.json');
/** Three more stories of one real person of the registry, two of them under one headline, in three outlets. */
export const RELATED_RECORDS = path.join(projectRoot, 'tests', 'site', 'fixtures', 'related-records.json');
/** A dossier on those stories: a timeline and a list between two days need dated articles, which the seeds are not. */
export const NEWS_DOSSIERS = path.join(projectRoot, 'tests', 'site', 'fixtures', 'dossiers');

/**
 * The news site is built under site settings of its own (src/settings.ts), so that the site tests
 * see the build take its origin, name and tagline from the settings, not from the defaults.
 */
export const NEWS_SITE_SETTINGS = {
  MARSAD_SITE: 'https://news.marsad.example',
  MARSAD_SITE_NAME: 'مرصد الصحف',
  MARSAD_SITE_TAGLINE: 'أخبار الصحف السعودية يوما بيوم',
};

/**
 * The site readers of real news get: `NEWS_RECORDS` ingested by the real CLI, with the seed
 * registry and the real-news one bench:scale builds with (the places and people of these
 * records), built by the real build with `NEWS_SITE_SETTINGS`. The seeds are undated and from
 * few outlets; this site has days, months and outlets to browse, and a dossier drawing on its dates.
 */
async function buildNewsSite(work: string): Promise<{ distDir: string; contentDir: string; log: string }> {
  const contentDir = path.join(work, 'content');
  const distDir = path.join(work, 'dist');
  await cp(path.join(projectRoot, 'content', 'entities'), path.join(contentDir, 'entities'), { recursive: true });
  await cp(path.join(projectRoot, 'bench', 'scale', 'registry'), path.join(contentDir, 'entities'), {
    recursive: true,
    filter: (f) => !f.endsWith('.md'),
  });
  const ingest = (file: string, status: number, summary: RegExp) => {
    const run = spawnSync(
      process.execPath,
      [path.join(projectRoot, 'src', 'cli', 'ingest.ts'), '--out', path.join(contentDir, 'articles'), file],
      { encoding: 'utf8' },
    );
    if (run.status !== status || !summary.test(run.stdout)) {
      throw new Error(`ingest of ${file} did not go as expected (exit ${run.status}):\n${run.stdout}${run.stderr}`);
    }
  };
  // Exit 1: two records of the first file are no articles; the rest must be written.
  ingest(NEWS_RECORDS, 1, /: 9 written, 0 unchanged, 1 duplicate, 0 kept, 2 rejected$/m);
  ingest(RELATED_RECORDS, 0, /: 3 written, 0 unchanged, 0 duplicate, 0 kept, 0 rejected$/m);
  await cp(NEWS_DOSSIERS, path.join(contentDir, 'dossiers'), { recursive: true });
  // Its log is kept: tests/site/build-log.test.ts reads it.
  const log = path.join(work, 'build.log');
  await buildSite({ contentDir, outDir: distDir, cacheDir: path.join(work, 'cache'), env: NEWS_SITE_SETTINGS, log });
  return { distDir, contentDir, log };
}

/**
 * Builds the site once per test run with the project's real build (`astro build`, then Pagefind)
 * into a temp folder with a fresh cache (no stale content-layer data), and hands its path to the
 * site and browser tests. `MARSAD_TEST_CONTENT_DIR` picks another content folder; the default is
 * the committed seed content. `MARSAD_KEEP_TEST_DIST=1` keeps the built site for inspection.
 */
export default async function setup(project: TestProject) {
  const { testContentDir: contentDir, keepTestDist } = settings();
  const distDir = await mkdtemp(path.join(os.tmpdir(), 'marsad-test-dist-'));
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'marsad-test-cache-'));
  const newsWork = await mkdtemp(path.join(os.tmpdir(), 'marsad-test-news-'));
  let news: { distDir: string; contentDir: string; log: string };
  try {
    await buildSite({ contentDir, outDir: distDir, cacheDir });
    news = await buildNewsSite(newsWork);
  } catch (error) {
    // A failed build leaves nothing behind for the next run to trip on.
    await Promise.all([distDir, cacheDir, newsWork].map((dir) => rm(dir, { recursive: true, force: true })));
    throw error;
  }
  project.provide('distDir', distDir);
  project.provide('contentDir', contentDir);
  project.provide('newsDistDir', news.distDir);
  project.provide('newsContentDir', news.contentDir);
  project.provide('newsBuildLog', news.log);
  return async () => {
    await rm(cacheDir, { recursive: true, force: true });
    await rm(path.join(newsWork, 'cache'), { recursive: true, force: true });
    if (!keepTestDist) await Promise.all([distDir, newsWork].map((dir) => rm(dir, { recursive: true, force: true })));
    else console.log(`test sites kept in ${distDir} and ${newsWork}`);
  };
}
