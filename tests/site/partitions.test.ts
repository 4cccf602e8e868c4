import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../../scripts/lib/build.ts';
import type { Partition } from '../../src/site/partition.ts';
import { mergePartitions, partitionFolders } from '../../src/site/partitioned-build.ts';
import { hasChromium, launchChromium, serveStatic } from '../support/browser.ts';
import { NEWS_SITE_SETTINGS } from '../support/build-site.ts';
import { checkRelatedStories } from '../support/related.ts';
import { listFiles } from '../support/site.ts';

/**
 * `npm run build:partitioned` against `npm run build` on the news test site (the one the test run
 * built, tests/support/build-site.ts): the site built as one partition per day, two at a time,
 * must be the same site — the same files, byte for byte (only `data/graph.json`'s `generated`
 * time is the build's own), so the same links, and the same search results in a real browser.
 * The news site has articles on seven days whose related stories cross days, so a partition that
 * computed anything from its own articles only (related stories, entity lists, counts) would
 * write other bytes.
 */

const run = promisify(execFile);
const singleDir = inject('newsDistDir');
const contentDir = inject('newsContentDir');

let work: string;
let distDir: string;
let log: string;
let plan: Partition[];

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'marsad-partitions-'));
  distDir = path.join(work, 'dist');
  const { stdout } = await run(process.execPath, [path.join(projectRoot, 'src/cli/build-partitioned.ts'), '--by', 'day', '--jobs', '2'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      ...NEWS_SITE_SETTINGS,
      MARSAD_CONTENT_DIR: contentDir,
      MARSAD_OUT_DIR: distDir,
      MARSAD_CACHE_DIR: path.join(work, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  log = stdout;
  const planDir = path.join(work, 'cache', 'partitions', 'plan');
  plan = await Promise.all(
    (await readdir(planDir)).map(async (f) => JSON.parse(await readFile(path.join(planDir, f), 'utf8')) as Partition),
  );
}, 1_200_000);

afterAll(async () => {
  if (!work) return;
  // The partitions' outputs sit inside the project (src/site/partitioned-build.ts, partitionFolders).
  await rm(path.dirname(path.dirname(partitionFolders(projectRoot, path.join(work, 'cache', 'partitions'), 'lists').outDir)), {
    recursive: true,
    force: true,
  });
  await rm(work, { recursive: true, force: true });
});

describe('a partitioned build', () => {
  it('ran one partition per day and one for the lists, each holding only its own article pages', async () => {
    const days = plan.filter((p) => !p.lists);
    expect(days.length).toBeGreaterThanOrEqual(5);
    expect(plan.filter((p) => p.lists)).toHaveLength(1);
    expect(log).toMatch(new RegExp(`^\\[partitions\\] building ${plan.length} partitions, 2 at a time$`, 'm'));
    const all = days.flatMap((p) => p.articles).sort();
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(
      (await listFiles(path.join(singleDir, 'articles'))).map((f) => f.split('/')[0]).filter((id, i, ids) => ids.indexOf(id) === i),
    );
    for (const part of days) {
      const out = partitionFolders(projectRoot, path.join(work, 'cache', 'partitions'), part.name).outDir;
      const pages = (await listFiles(path.join(out, 'articles'))).map((f) => f.split('/')[0]);
      expect([...new Set(pages)].sort(), part.name).toEqual([...part.articles].sort());
      // An article partition writes no entity, archive or outlet page, and renders the pages that
      // take no paths (home, feeds, graph export, search tables) empty (src/middleware.ts): the
      // merge takes them from the lists partition.
      expect(
        (await listFiles(out)).filter((f) => /^(entities\/[^/]+\/|outlets\/[^/]+\/|archive\/)/.test(f)),
        part.name,
      ).toEqual([]);
      for (const page of ['index.html', 'rss.xml', 'data/graph.json', 'search/vocabulary.json', 'relations/index.html']) {
        expect(await readFile(path.join(out, page), 'utf8'), `${part.name}: ${page}`).toBe('');
      }
    }
  });

  it('quotes on entity pages the sentences naming the entity, which the lists partition reads per entity', async () => {
    const pages = (await listFiles(path.join(distDir, 'entities'))).filter((f) => /^[^/]+\/index\.html$/.test(f));
    let quoted = 0;
    for (const page of pages)
      if ((await readFile(path.join(distDir, 'entities', page), 'utf8')).includes('<blockquote class="snippet">')) quoted++;
    expect(quoted).toBeGreaterThanOrEqual(5);
  });

  it('wrote the same files as the single build', async () => {
    expect(await listFiles(distDir)).toEqual(await listFiles(singleDir));
  });

  it('wrote every file byte for byte as the single build, but the graph export’s build time', async () => {
    const differ: string[] = [];
    for (const file of await listFiles(singleDir)) {
      const [a, b] = await Promise.all([readFile(path.join(singleDir, file)), readFile(path.join(distDir, file))]);
      if (file === 'data/graph.json') {
        const [ga, gb] = [JSON.parse(a.toString('utf8')), JSON.parse(b.toString('utf8'))];
        expect(gb.generated).not.toBe(ga.generated);
        delete ga.generated;
        delete gb.generated;
        expect(gb).toEqual(ga);
      } else if (!a.equals(b)) differ.push(file);
    }
    expect(differ).toEqual([]);
  });

  it('lists related stories from other partitions on article pages', async () => {
    const dayOf = new Map(plan.flatMap((p) => p.articles.map((id) => [id, p.name] as const)));
    const { listed } = await checkRelatedStories(distDir);
    const across = [...listed].flatMap(([id, related]) => related.filter((r) => dayOf.get(r) !== dayOf.get(id)).map((r) => `${id} → ${r}`));
    expect(across.length).toBeGreaterThan(0);
  });

  describe.runIf(hasChromium)('in a real browser', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });

    async function results(dir: string, queries: string[]): Promise<string[][]> {
      const server = await serveStatic(dir);
      try {
        const page = await browser.newPage();
        await page.goto(`${server.origin}/search/`);
        await page.waitForFunction('window.marsadSearch !== undefined');
        const found: string[][] = [];
        for (const query of queries) {
          found.push(
            await page.evaluate<string[]>(`(async () => {
              const found = await window.marsadSearch.search(${JSON.stringify(query)});
              return (await Promise.all(found.results.map((r) => r.data()))).map((d) => d.url);
            })()`),
          );
        }
        await page.close();
        return found;
      } finally {
        await server.close();
      }
    }

    it('gives the same search results, in the same order', async () => {
      const queries = ['جدة', 'الرياض', 'مهرجان', 'خميس مشيط', 'الدفاع المدني'];
      const single = await results(singleDir, queries);
      for (const [i, urls] of single.entries()) expect(urls.length, queries[i]).toBeGreaterThan(0);
      expect(await results(distDir, queries)).toEqual(single);
    });
  });
});

describe('merging partitions', () => {
  it('fails naming the file and both partitions when two wrote it with different bytes', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'marsad-merge-'));
    try {
      const write = (file: string, text: string) => {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), text);
      };
      write('lists/index.html', '<!doctype html><title>a</title>');
      write('lists/_astro/site.css', 'a{}');
      write('day/articles/x/index.html', '<!doctype html><title>x</title>');
      write('day/_astro/site.css', 'b{}');
      const part = (name: string, lists: boolean) => ({
        name,
        outDir: path.join(dir, name),
        partition: { name, index: '/index', articles: lists ? [] : ['x'], lists },
      });
      await expect(
        mergePartitions([part('lists', true), part('day', false)], { outDir: path.join(dir, 'out'), site: 'https://news.marsad.example' }),
      ).rejects.toThrow('_astro/site.css: partitions lists and day wrote different bytes');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
