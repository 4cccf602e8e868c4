import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/lib/build.ts';

const run = promisify(execFile);

/**
 * Incremental builds of a copy of the project (its code, config and seed content, the project's
 * node_modules) with one cache: an edit to the code the article loader runs renders the articles
 * again, and the cached article pages show it; an edit to code it never loads leaves them be.
 */
describe('cache keys in a copy of the project', () => {
  let work: string;

  async function astro(command: 'build' | 'sync'): Promise<string> {
    try {
      const { stdout, stderr } = await run(process.execPath, [path.join(work, 'node_modules/astro/bin/astro.mjs'), command], {
        cwd: work,
        env: {
          ...process.env,
          MARSAD_CONTENT_DIR: path.join(work, 'content'),
          MARSAD_OUT_DIR: path.join(work, 'dist'),
          MARSAD_CACHE_DIR: path.join(work, 'cache'),
          ASTRO_TELEMETRY_DISABLED: '1',
        },
        maxBuffer: 64 * 1024 * 1024,
      });
      return stdout + stderr;
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      throw new Error(`astro ${command} failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    }
  }
  const counts = (output: string) => /(\d+) articles, (\d+) rendered, (\d+) unchanged/.exec(output)?.slice(1).map(Number);
  const append = async (file: string, text: string) =>
    writeFile(path.join(work, file), `${await readFile(path.join(work, file), 'utf8')}${text}`);
  const articlePages = async () => {
    const dir = path.join(work, 'dist', 'articles');
    return Promise.all((await readdir(dir)).map((id) => readFile(path.join(dir, id, 'index.html'), 'utf8')));
  };

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'marsad-cache-keys-'));
    for (const entry of ['src', 'public', 'content', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
      await cp(path.join(projectRoot, entry), path.join(work, entry), { recursive: true });
    }
    await symlink(path.join(projectRoot, 'node_modules'), path.join(work, 'node_modules'));
  });

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('renders the articles again when a label changes, and the cached pages show it', async () => {
    expect(counts(await astro('build'))).toEqual([5, 5, 0]);
    const before = await articlePages();
    expect(before.filter((html) => html.includes('>الأماكن</h3>'))).toHaveLength(5);

    // The browser's search code is no part of what the loader runs.
    await append('src/browser/search/search-page.ts', '\n// an edit the article loader does not see\n');
    expect(counts(await astro('sync'))).toEqual([5, 0, 5]);

    // src/site-core/labels.ts reaches the loader through src/site-core/urls.ts, and the pages directly.
    const labels = path.join(work, 'src', 'site-core', 'labels.ts');
    const text = await readFile(labels, 'utf8');
    expect(text).toContain("many: 'الأماكن'");
    await writeFile(labels, text.replace("many: 'الأماكن'", "many: 'المواضع'"));
    expect(counts(await astro('build'))).toEqual([5, 5, 0]);
    const after = await articlePages();
    expect(after.filter((html) => html.includes('>المواضع</h3>'))).toHaveLength(5);
    expect(after.filter((html) => />الأماكن<|"الأماكن"/.test(html))).toEqual([]);
  }, 300_000);
});
