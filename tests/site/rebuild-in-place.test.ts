/**
 * Rebuilding into the site's folder (src/site/stale-files.ts): Astro does not empty `dist/` first,
 * keeps the pages it does not render again where they are, and what the build neither wrote nor
 * kept is deleted. The seed site is built by the real build with a cache of its own, one article
 * and the dossiers are deleted and a file of "an earlier build" left in the folder, and the site is built again
 * into the same folder: it must hold exactly the files, with the same bytes, of a fresh build of
 * the same content into an empty folder.
 */
import { cp, mkdir, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../../scripts/lib/build.ts';
import { articleIds, listFiles } from '../support/site.ts';

let work: string;
let dist: string;
let fresh: string;
let removed: string;
let rebuildLog: string;
/** A page an earlier build wrote that no route gives any more. */
const LEFTOVER = 'articles/no-longer-here/index.html';

describe('rebuilding into the same folder', () => {
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'marsad-in-place-'));
    const content = path.join(work, 'content');
    dist = path.join(work, 'dist');
    fresh = path.join(work, 'fresh');
    await cp(path.join(projectRoot, 'content'), content, { recursive: true });
    await buildSite({ contentDir: content, outDir: dist, cacheDir: path.join(work, 'cache') });
    expect(existsSync(path.join(dist, 'pagefind', 'pagefind.js'))).toBe(true);

    // An article and the dossiers (which cite it: a dossier citing a missing article stops the build).
    removed = (await articleIds(content))[0]!;
    await rm(path.join(content, 'dossiers'), { recursive: true });
    await unlink(path.join(content, 'articles', `${removed}.mdx`));
    await mkdir(path.dirname(path.join(dist, LEFTOVER)), { recursive: true });
    await writeFile(path.join(dist, LEFTOVER), '<!doctype html><title>قديم</title>');
    const log = path.join(work, 'rebuild.log');
    await buildSite({ contentDir: content, outDir: dist, cacheDir: path.join(work, 'cache'), log });
    rebuildLog = stripVTControlCharacters(await readFile(log, 'utf8'));
    await buildSite({ contentDir: content, outDir: fresh, cacheDir: path.join(work, 'fresh-cache') });
  }, 600_000);

  afterAll(() => rm(work, { recursive: true, force: true }));

  it('kept the pages it did not render again and deleted the pages that are gone', () => {
    expect(rebuildLog).toMatch(/file\(s\) of an earlier build removed/);
    // Files were deleted: every page's links are checked, not only the pages written.
    expect(rebuildLog).toMatch(/no broken internal links$/m);
    expect(existsSync(path.join(dist, 'articles', removed))).toBe(false);
    expect(existsSync(path.join(dist, LEFTOVER))).toBe(false);
    expect(existsSync(path.join(dist, 'articles', 'no-longer-here'))).toBe(false);
    expect(existsSync(path.join(dist, 'dossiers'))).toBe(existsSync(path.join(fresh, 'dossiers')));
  });

  it('holds the files of a fresh build of the same content, byte for byte', async () => {
    const files = await listFiles(dist);
    expect(files).toEqual(await listFiles(fresh));
    const differ: string[] = [];
    for (const file of files) {
      // The graph export records when it was built.
      if (file === 'data/graph.json') continue;
      const [a, b] = await Promise.all([readFile(path.join(dist, file)), readFile(path.join(fresh, file))]);
      if (!a.equals(b)) differ.push(file);
    }
    expect(differ).toEqual([]);
  });
});
