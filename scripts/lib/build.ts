import { execFile } from 'node:child_process';
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const projectRoot = path.resolve(import.meta.dirname, '../..');

/**
 * The two steps of `npm run build`: Astro, then the Pagefind index in a process of its own
 * (`quiet`: the arguments that keep a step's log short when nobody reads it).
 */
export const buildSteps = [
  { name: 'astro build', script: 'node_modules/astro/bin/astro.mjs', args: ['build'], quiet: ['--silent'] },
  { name: 'search index', script: 'src/cli/search-index.ts', args: [], quiet: [] },
] as const;

/**
 * Runs the project's real build (`npm run build`'s steps) with the given folders and env; with
 * `log`, the steps print their whole log (not `quiet`), which is appended to that file.
 */
export async function buildSite(options: {
  contentDir?: string | undefined;
  outDir: string;
  cacheDir?: string;
  env?: Record<string, string>;
  log?: string;
}) {
  const started = performance.now();
  const env = {
    ...process.env,
    ...(options.contentDir ? { MARSAD_CONTENT_DIR: options.contentDir } : {}),
    MARSAD_OUT_DIR: options.outDir,
    ...(options.cacheDir ? { MARSAD_CACHE_DIR: options.cacheDir } : {}),
    ASTRO_TELEMETRY_DISABLED: '1',
    ...options.env,
  };
  for (const step of buildSteps) {
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        [path.join(projectRoot, step.script), ...step.args, ...(options.log ? [] : step.quiet)],
        {
          cwd: projectRoot,
          env,
          maxBuffer: 256 * 1024 * 1024,
        },
      );
      if (options.log) await appendFile(options.log, `${stdout}${stderr}`);
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      throw new Error(`${step.name} failed:\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
    }
  }
  return performance.now() - started;
}
