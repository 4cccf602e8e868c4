/**
 * The Pagefind Component UI's private `__pagefind__` field, which src/browser/search/adapter.ts
 * redefines to put this site's query processing between the UI and Pagefind, read from the
 * Component UI script the installed Pagefind writes into every index (`pagefind-component-ui.js`).
 * A Pagefind release that renames the field, makes it an accessor or a private `#field`, or stops
 * searching through it fails here, naming what changed, instead of leaving the site's search quietly
 * plain.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const ADAPTER = 'src/browser/search/adapter.ts';
let script = '';

beforeAll(async () => {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind did not start: ${errors.join('; ')}`);
  await index.addCustomRecord({ url: '/a/', content: 'خبر عن الرياض', language: 'ar' });
  const { files } = await index.getFiles();
  const file = files.find((f) => f.path === 'pagefind-component-ui.js');
  if (!file) throw new Error(`the installed pagefind writes no pagefind-component-ui.js (files: ${files.map((f) => f.path).join(', ')})`);
  script = Buffer.from(file.content).toString('utf8');
}, 60_000);
afterAll(() => pagefind.close());

/** Fails with a message naming the adapter and what it relies on. */
function relies(found: boolean, what: string): void {
  expect(
    found,
    `${ADAPTER} relies on the Pagefind Component UI ${what}; the installed pagefind's pagefind-component-ui.js no longer does this`,
  ).toBe(true);
}

describe('the Pagefind Component UI the adapter wraps', () => {
  it('is the one pagefind is pinned to: package.json names an exact version, and it is the one installed', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const installed = JSON.parse(readFileSync(path.join(root, 'node_modules/pagefind/package.json'), 'utf8')) as { version: string };
    expect(pkg.dependencies.pagefind, 'pagefind must be pinned to one version (the Component UI field below is not public API)').toMatch(
      /^\d+\.\d+\.\d+$/,
    );
    expect(installed.version).toBe(pkg.dependencies.pagefind);
  });

  it('keeps the loaded Pagefind object in a plain field, __pagefind__, that an instance can redefine', () => {
    // Set to null in the constructor: an own, configurable data property of each instance.
    relies(/this\.__pagefind__\s*=\s*null\b/.test(script), 'setting `this.__pagefind__ = null` in its instance constructor');
    // Assigned once, when Pagefind has loaded: the adapter's setter sees that assignment.
    const assigned = [...script.matchAll(/this\.__pagefind__\s*=\s*(?!null\b)[\w$]+/g)];
    relies(
      assigned.length === 1,
      `assigning the loaded Pagefind object to \`this.__pagefind__\` once (found ${assigned.length} assignments)`,
    );
    // Neither an accessor nor a private field, which Object.defineProperty on the instance would not replace.
    relies(
      !/(?:get|set)\s+__pagefind__\s*\(|#pagefind\b|defineProperty\([^)]*["']__pagefind__["']/.test(script),
      'a plain `__pagefind__` field (no accessor, no `#pagefind` private field)',
    );
  });

  it('searches through the field, so every search goes through the wrapper', () => {
    relies(/this\.__pagefind__\.search\(/.test(script), 'calling `this.__pagefind__.search(…)` for each search');
    relies(/this\.__pagefind__\.filters\(/.test(script), 'calling `this.__pagefind__.filters()` for the filters');
  });

  it('has every instance member src/browser/search/pagefind-types.ts declares', () => {
    const types = readFileSync(path.join(root, 'src/browser/search/pagefind-types.ts'), 'utf8');
    const body = /export interface ComponentInstance \{([\s\S]*?)\n\}/.exec(types)?.[1] ?? '';
    const members = [...body.matchAll(/^ {2}(\w+)\??[(:]/gm)].map((m) => m[1]!);
    expect(members).toEqual(expect.arrayContaining(['__pagefind__', 'pagefindOptions', 'searchSort', 'triggerLoad', 'triggerSearch']));
    const missing = members.filter((name) => !new RegExp(`\\.${name}\\b|\\b${name}\\s*\\(`).test(script));
    expect(missing, `ComponentInstance members the Component UI no longer has (${ADAPTER})`).toEqual([]);
    for (const name of ['getInstanceManager', 'getInstance', 'getInstanceNames'])
      relies(new RegExp(`\\b${name}\\b`).test(script), `exposing \`${name}\``);
  });
});
