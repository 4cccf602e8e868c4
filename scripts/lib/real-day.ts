/**
 * One SaudiNewsNet day as a site, for the real-news search benchmarks: the day's records ingested
 * with the project's ingest and the corpus registry (content/entities + bench/scale/registry), built
 * as it ships (`site/`) and with plain Pagefind (`plain/`, MARSAD_SEARCH_ENRICH=0), under
 * `<work>/<day>/`. With `reuse`, a day built before is taken as it is.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildSite, projectRoot } from './build.ts';
import { readCorpusDay } from './corpus.ts';

const run = promisify(execFile);

/** Where real days are built unless `--work` says otherwise: the search benchmarks share (and `--reuse`) it. */
export const REAL_DAY_WORK = path.join(os.tmpdir(), 'marsad-eval-search');

export interface RealDay {
  content: string;
  site: string;
  plain: string;
}

export async function buildRealDay(options: {
  corpus: string;
  day: string;
  work: string;
  reuse: boolean;
  log: (line: string) => void;
}): Promise<RealDay> {
  const { corpus, day, work, reuse, log } = options;
  const dir = path.join(work, day);
  const content = path.join(dir, 'content');
  const site = path.join(dir, 'site');
  const plain = path.join(dir, 'plain');
  if (reuse && existsSync(path.join(site, 'pagefind')) && existsSync(path.join(plain, 'pagefind'))) return { content, site, plain };
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(content, 'entities'), { recursive: true });
  for (const folder of ['content/entities', 'bench/scale/registry']) {
    for (const f of (await readdir(path.join(projectRoot, folder))).filter((f) => f.endsWith('.json'))) {
      await copyFile(path.join(projectRoot, folder, f), path.join(content, 'entities', f));
    }
  }
  const records = path.join(dir, 'records.jsonl');
  await writeFile(records, `${(await readCorpusDay(corpus, day)).map((r) => JSON.stringify(r)).join('\n')}\n`);
  log(`${day}: ingesting…`);
  await run(process.execPath, [path.join(projectRoot, 'src/cli/ingest.ts'), '--quiet', '--out', path.join(content, 'articles'), records], {
    cwd: projectRoot,
  }).catch((e: { code?: number }) => {
    // 1: some records were rejected (no body); the others are written.
    if (e.code !== 1) throw e;
  });
  for (const [name, out, enrich] of [
    ['site', site, '1'],
    ['plain', plain, '0'],
  ] as const) {
    log(`${day}: building ${name}…`);
    const ms = await buildSite({
      contentDir: content,
      outDir: out,
      cacheDir: path.join(dir, `cache-${name}`),
      env: { MARSAD_SEARCH_ENRICH: enrich },
    });
    log(`${day}: built ${name} in ${(ms / 1000).toFixed(1)} s`);
  }
  return { content, site, plain };
}
