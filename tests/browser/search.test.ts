import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject } from 'vitest';
import { browserTest as it, hasChromium } from '../support/browser.ts';
import { articleIds } from '../support/site.ts';

const contentDir = inject('contentDir');

let page: Page;
let ids: string[];

/** Article ids whose MDX text matches `pattern` — the expected answer, read from the content. */
async function articlesMatching(pattern: RegExp): Promise<string[]> {
  const hits: string[] = [];
  for (const id of ids) {
    const text = await readFile(path.join(contentDir, 'articles', `${id}.mdx`), 'utf8');
    if (pattern.test(text)) hits.push(id);
  }
  return hits.sort();
}

/** Runs a query through the site's real Pagefind bundle and returns the article ids found. */
async function search(query: string): Promise<string[]> {
  // A string, not a function: the test runner must not rewrite the browser's dynamic import.
  const urls = await page.evaluate<string[]>(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    const found = await pagefind.search(${JSON.stringify(query)});
    const data = await Promise.all(found.results.map((r) => r.data()));
    return data.map((d) => d.url);
  })()`);
  return urls
    .map((u) => /^\/articles\/([^/]+)\/$/.exec(u)?.[1])
    .filter((id): id is string => Boolean(id))
    .sort();
}

describe.runIf(hasChromium)('search in a real browser', () => {
  it.beforeAll(async ({ browser, site }) => {
    ids = await articleIds(contentDir);
    page = await browser.newPage();
    await page.goto(`${site.origin}/search/`);
  });

  it('finds every article that mentions Erdogan when searching "اردوغان"', async () => {
    const expected = await articlesMatching(/[اأ]ردوغان/);
    expect(expected.length).toBe(5);
    expect(await search('اردوغان')).toEqual(expected);
  });

  it('finds exactly the articles that mention Idlib when searching "ادلب"', async () => {
    const expected = await articlesMatching(/[اإ]دلب/);
    expect(expected.length).toBe(2);
    expect(await search('ادلب')).toEqual(expected);
  });

  it('shows results with links to articles in the Arabic search UI', async ({ site }) => {
    await page.goto(`${site.origin}/search/`);
    const input = page.locator('pagefind-input input');
    await input.fill('ادلب');
    const links = page.locator('pagefind-results a[href^="/articles/"]');
    const expected = (await articlesMatching(/[اإ]دلب/)).map((id) => `/articles/${id}/`);
    // Results render one by one: wait until the list holds them all.
    await expect
      .poll(async () => (await links.evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')!.split(/[?#]/)[0]))])).sort(), {
        timeout: 15_000,
      })
      .toEqual(expected);
    expect(await page.locator('pagefind-results').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await page.locator('pagefind-results a[href^="/articles/"]').first().click();
    await page.waitForURL(/\/articles\//);
    expect(await page.locator('h1').textContent()).toBeTruthy();
  });
});
