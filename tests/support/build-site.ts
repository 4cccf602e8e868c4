import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

const run = promisify(execFile);

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the site built for this test run. */
    distDir: string;
    /** Content folder that site was built from. */
    contentDir: string;
  }
}

/**
 * Builds the site once per test run with the project's real `astro build` (Pagefind included)
 * into a temp folder with a fresh cache (no stale content-layer data), and hands its path to the site and browser tests. `MARSAD_TEST_CONTENT_DIR`
 * picks another content folder; the default is the committed seed content.
 */
export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, '../..');
  const contentDir = path.resolve(root, process.env.MARSAD_TEST_CONTENT_DIR || 'content');
  const distDir = await mkdtemp(path.join(os.tmpdir(), 'marsad-test-dist-'));
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'marsad-test-cache-'));
  const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  try {
    await run(process.execPath, [astro, 'build', '--silent'], {
      cwd: root,
      env: { ...process.env, MARSAD_CONTENT_DIR: contentDir, MARSAD_OUT_DIR: distDir, MARSAD_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    throw new Error(`astro build failed:\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
  project.provide('distDir', distDir);
  project.provide('contentDir', contentDir);
  return async () => {
    await rm(cacheDir, { recursive: true, force: true });
    if (!process.env.MARSAD_KEEP_TEST_DIST) await rm(distDir, { recursive: true, force: true });
  };
}
