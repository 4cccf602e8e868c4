import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrokenLinks } from '../../src/site/link-check.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'marsad-links-'));
  await mkdir(path.join(dir, 'entities', 'putin'), { recursive: true });
  await mkdir(path.join(dir, '_astro'));
  await writeFile(path.join(dir, '_astro', 'a.css'), '');
  await writeFile(path.join(dir, 'entities', 'putin', 'index.html'), '<p>بوتين</p>');
  await writeFile(
    path.join(dir, 'index.html'),
    [
      '<link href="/_astro/a.css" rel="stylesheet">',
      '<a href="/entities/putin/">ok</a>',
      '<a href="/entities/putin/#x">ok with hash</a>',
      '<a href="https://www.wikidata.org/wiki/Q7747">external</a>',
      '<a href="/entities/nobody/">broken page</a>',
      '<img src="/_astro/missing.png">',
    ].join('\n'),
  );
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('findBrokenLinks', () => {
  it('reports internal links and assets that point at no file, and nothing else', () => {
    expect(findBrokenLinks(dir).sort()).toEqual(['index.html → /_astro/missing.png', 'index.html → /entities/nobody/']);
  });
});
