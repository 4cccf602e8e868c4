import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const projectRoot = path.resolve(import.meta.dirname, '../..');

/** Runs the project's real `astro build` (Pagefind included) with the given folders and env. */
export async function buildSite(options: { contentDir?: string | undefined; outDir: string; cacheDir?: string; env?: Record<string, string> }) {
  const started = performance.now();
  try {
    await run(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
      cwd: projectRoot,
      env: {
        ...process.env,
        ...(options.contentDir ? { MARSAD_CONTENT_DIR: options.contentDir } : {}),
        MARSAD_OUT_DIR: options.outDir,
        ...(options.cacheDir ? { MARSAD_CACHE_DIR: options.cacheDir } : {}),
        ASTRO_TELEMETRY_DISABLED: '1',
        ...options.env,
      },
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    throw new Error(`astro build failed:\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
  return performance.now() - started;
}
