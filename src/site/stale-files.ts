/**
 * Rebuilding into the site's folder without emptying it first. Astro empties `outDir` before every
 * build and then copies each page it does not render again back from its cache: at 31,000
 * articles that is 68,000 files (1.1 GB) deleted — 13.5 s of a 86 s rebuild in which nothing
 * changed — to be written again a moment later (docs/scale.md, "Publishing into the archive").
 * With Vite's `emptyOutDir` off, Astro leaves a page it does not render again where it is (its
 * incremental build copies a page from its cache only when the folder lacks it), every other file
 * is written again, and this integration then deletes what this build neither wrote nor kept: the
 * pages of articles or entities that are gone, the bundles of an older build. A file is this
 * build's when it was modified since the build started or is one of the pages Astro reports
 * (`assets`: every page's file, rendered or kept). The search step's folder (`/pagefind/`) is left
 * alone: `npm run search:index` owns it.
 */
import { closeSync, mkdirSync, openSync, readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { PAGEFIND_PATH } from '../search/shards.ts';

/** The file whose modification time marks the build's start, in the output folder while it runs. */
const MARK = '.marsad-build-started';

/** What a build did to its output folder, as the walk after it found (paths relative, POSIX). */
export interface OutputChanges {
  /** Files this build wrote (modified since it started). */
  written: string[];
  /** Files of an earlier build it deleted. */
  removed: string[];
  /** Every file the folder holds after it (outside the folders it leaves alone). */
  files: string[];
}

/**
 * Deletes every file under `dir` modified before `since` (ms, the file system's clock) but the
 * files `current` (absolute) and the folders `keep` (relative, POSIX), and the folders left empty.
 */
export function removeStaleFiles(dir: string, since: number, current: ReadonlySet<string>, keep: readonly string[] = []): OutputChanges {
  const removed: string[] = [];
  const written: string[] = [];
  const files: string[] = [];
  const walk = (folder: string, rel: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (keep.includes(relPath) || !walk(full, relPath)) empty = false;
        else rmdirSync(full);
      } else {
        const fresh = statSync(full).mtimeMs >= since;
        if (fresh) written.push(relPath);
        if (fresh || current.has(full)) {
          empty = false;
          files.push(relPath);
        } else {
          rmSync(full, { force: true });
          removed.push(relPath);
        }
      }
    }
    return empty;
  };
  walk(dir, '');
  return { written, removed, files };
}

let last: OutputChanges | null = null;

/** What this build wrote and deleted, once the walk at its end has run (null before, or without it). */
export function outputChanges(): OutputChanges | null {
  return last;
}

export function staleFilesIntegration(): AstroIntegration {
  let outDir = '';
  let since = 0;
  return {
    name: 'marsad-stale-files',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        outDir = fileURLToPath(config.outDir);
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:build:start': () => {
        // The start as the file system records it (its clock, its precision).
        mkdirSync(outDir, { recursive: true });
        const mark = path.join(outDir, MARK);
        closeSync(openSync(mark, 'w'));
        since = statSync(mark).mtimeMs;
      },
      'astro:build:done': ({ assets, logger }) => {
        const pages = new Set([...assets.values()].flatMap((urls) => urls.map((url) => fileURLToPath(url))));
        last = removeStaleFiles(outDir, since, pages, [PAGEFIND_PATH.replace(/^\/|\/$/g, '')]);
        rmSync(path.join(outDir, MARK), { force: true });
        if (last.removed.length > 0) logger.info(`${last.removed.length} file(s) of an earlier build removed`);
      },
    },
  };
}
