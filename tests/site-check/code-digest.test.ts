import { cp, mkdtemp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/lib/build.ts';
import { codeDigest, moduleGraph, packageName } from '../../src/site/code-digest.ts';

const rel = (root: string, files: string[]) => files.map((f) => path.relative(root, f).split(path.sep).join('/'));

describe('the content layer code digest', () => {
  it('covers every module the content config loads, and nothing it does not', async () => {
    const { files, packages } = await moduleGraph([path.join(projectRoot, 'src', 'content.config.ts')]);
    const found = rel(projectRoot, files);
    // Reached through urls.ts and registry.ts: the files a hand-kept list forgot.
    expect(found).toEqual(
      expect.arrayContaining(['src/site-core/labels.ts', 'src/schemas/entity.ts', 'src/schemas/article.ts', 'src/render/quotes.ts']),
    );
    // The loaders, the renderer and the worker the loader starts with `new URL(…, import.meta.url)`.
    expect(found).toEqual(
      expect.arrayContaining([
        'src/site/article-loader.ts',
        'src/site/registry-loader.ts',
        'src/render/article.ts',
        'src/site/article-worker.ts',
      ]),
    );
    // The browser's search code, pages and ingest's file handling render no article (the worker
    // pool is shared: the loader prepares articles on it).
    const ingestFiles = (f: string) => f.startsWith('src/ingest/io/') && f !== 'src/ingest/io/pool.ts';
    expect(found.filter((f) => f.startsWith('src/browser/') || f.startsWith('src/pages/') || ingestFiles(f))).toEqual([]);
    expect(packages.map((p) => p.split('@').slice(0, -1).join('@'))).toEqual(
      expect.arrayContaining(['satteri', 'hast-util-to-html', 'js-yaml', 'astro', 'node']),
    );
    expect(packages).toContain(`node@${process.versions.node}`);
  });

  describe('in a copy of the project', () => {
    let work: string;
    let entry: string;
    const digest = () => codeDigest([entry], work);
    const edit = async (file: string, change: (text: string) => string) => {
      const full = path.join(work, file);
      const before = await readFile(full, 'utf8');
      await writeFile(full, change(before));
      return () => writeFile(full, before);
    };

    beforeAll(async () => {
      work = await mkdtemp(path.join(os.tmpdir(), 'marsad-code-digest-'));
      await cp(path.join(projectRoot, 'src'), path.join(work, 'src'), { recursive: true });
      await symlink(path.join(projectRoot, 'node_modules'), path.join(work, 'node_modules'));
      entry = path.join(work, 'src', 'content.config.ts');
    });

    afterAll(async () => {
      await rm(work, { recursive: true, force: true });
    });

    it('changes when a label or the entity schema changes, and only then', async () => {
      const original = await digest();
      expect(await digest()).toBe(original);

      const restoreLabels = await edit('src/site-core/labels.ts', (t) => t.replace("many: 'الأماكن'", "many: 'المواضع'"));
      const labelled = await digest();
      expect(labelled).not.toBe(original);
      await restoreLabels();
      expect(await digest()).toBe(original);

      const restoreSchema = await edit('src/schemas/entity.ts', (t) => `${t}\n// a comment is code too\n`);
      expect(await digest()).not.toBe(original);
      await restoreSchema();

      // A module nothing in the graph imports leaves the key alone.
      const restoreClient = await edit('src/browser/search/search-page.ts', (t) => `${t}\nconsole.log('unrelated');\n`);
      expect(await digest()).toBe(original);
      await restoreClient();
    });

    it('is the same for the same code wherever the project lies', async () => {
      const moved = `${work}-moved`;
      await cp(path.join(work, 'src'), path.join(moved, 'src'), { recursive: true });
      await symlink(path.join(projectRoot, 'node_modules'), path.join(moved, 'node_modules'));
      try {
        expect(await codeDigest([path.join(moved, 'src', 'content.config.ts')], moved)).toBe(await digest());
      } finally {
        await rm(moved, { recursive: true, force: true });
      }
    });
  });

  describe('reading imports', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'marsad-code-graph-'));
      await mkdir(path.join(dir, 'lib'));
      const files: Record<string, string> = {
        'entry.ts': [
          "import type { Shape } from './types.ts';",
          "export type { Other } from './other-types.ts';",
          "import { type Mixed, value } from './lib/mixed.ts';",
          "import './side-effect.ts';",
          "export { again } from './lib/again.ts';",
          "import data from './data.json' with { type: 'json' };",
          "import { parse } from 'yaml';",
          "import { readFileSync } from 'node:fs';",
          '// import { never } from "./commented.ts";',
          'const text = \'import nothing from "./in-a-string.ts"\';',
          "const worker = new URL('./worker.ts', import.meta.url);",
          "const lazy = () => import('./lazy.ts');",
          // biome-ignore lint/suspicious/noTemplateCurlyInString: source text under test, not a template
          'const computed = (name: string) => import(`./${name}.ts`);',
          'export const all: Shape | Mixed = { value, data, parse, readFileSync, text, worker, lazy, computed };',
        ].join('\n'),
        'lib/mixed.ts': "export type Mixed = number;\nexport const value = 1;\nimport '../lib/again.ts';\n",
        'lib/again.ts': 'export const again = 2;\n',
        'side-effect.ts': '',
        'data.json': '{"a": 1}',
        'worker.ts': "import { parentPort } from 'node:worker_threads';\nparentPort?.postMessage(1);\n",
        'lazy.ts': 'export const lazy = 3;\n',
      };
      for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
    });

    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('follows what runs and skips what only types, comments and strings name', async () => {
      const { files, packages } = await moduleGraph([path.join(dir, 'entry.ts')]);
      expect(rel(dir, files)).toEqual(['data.json', 'entry.ts', 'lazy.ts', 'lib/again.ts', 'lib/mixed.ts', 'side-effect.ts', 'worker.ts']);
      expect(packages.map((p) => p.replace(/@[^@]*$/, ''))).toEqual(['node', 'yaml']);
    });

    it('names the importer and the missing file when an import cannot be read', async () => {
      await writeFile(path.join(dir, 'broken.ts'), "import { gone } from './lib/gone.ts';\nexport const x = gone;\n");
      await expect(moduleGraph([path.join(dir, 'broken.ts')])).rejects.toThrow(
        `${path.join(dir, 'broken.ts')} imports ${path.join(dir, 'lib', 'gone.ts')}, which cannot be read`,
      );
    });

    it('names packages by their folder in node_modules', () => {
      expect(['astro:content', 'astro/loaders', '@astrojs/internal-helpers/frontmatter', 'node:fs', 'fs', 'yaml'].map(packageName)).toEqual(
        ['astro', 'astro', '@astrojs/internal-helpers', 'node', 'node', 'yaml'],
      );
    });
  });
});
