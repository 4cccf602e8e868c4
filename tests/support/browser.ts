import { existsSync } from 'node:fs';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { inject, test } from 'vitest';
import { chromiumPath, launchChromium, serveStatic } from '../../scripts/lib/browser.ts';
import { settings } from '../../src/settings.ts';

export { chromiumPath, launchChromium, serveStatic } from '../../scripts/lib/browser.ts';

/**
 * Browser tests need Chromium. Locally they are skipped with a message when it is missing;
 * under CI (the `CI` setting) a missing browser is a failure, never a silent skip.
 */
export const hasChromium = existsSync(chromiumPath) || settings().ci;
if (!hasChromium) console.warn(`Chromium not found at ${chromiumPath}: browser tests skipped (apt-get install chromium).`);

/** A built site served over HTTP with its `_headers` (scripts/lib/browser.ts). */
export type ServedSite = Awaited<ReturnType<typeof serveStatic>>;

/** What a browser test gets: set up once per test file when a test or hook asks for it, closed after the file. */
export interface BrowserFixtures {
  /** Chromium with the project's flags. */
  browser: Browser;
  /** The seed site this test run built (`distDir`, tests/support/build-site.ts). */
  site: ServedSite;
  /** The site of real-shaped news this test run built (`newsDistDir`). */
  newsSite: ServedSite;
}

/**
 * `it` for tests in a real browser: `browserTest('…', async ({ browser, site }) => …)`, and
 * `browserTest.beforeAll(async ({ browser, site }) => …)` for a page a file's tests share.
 */
export const browserTest = test.extend<{ $file: BrowserFixtures }>({
  browser: [
    // biome-ignore lint/correctness/noEmptyPattern: Vitest reads what a fixture needs from this pattern; it needs nothing
    async ({}, use) => {
      const browser = await launchChromium();
      try {
        await use(browser);
      } finally {
        await browser.close();
      }
    },
    { scope: 'file' },
  ],
  site: [
    // biome-ignore lint/correctness/noEmptyPattern: Vitest reads what a fixture needs from this pattern; it needs nothing
    async ({}, use) => {
      const server = await serveStatic(inject('distDir'));
      try {
        await use(server);
      } finally {
        await server.close();
      }
    },
    { scope: 'file' },
  ],
  newsSite: [
    // biome-ignore lint/correctness/noEmptyPattern: Vitest reads what a fixture needs from this pattern; it needs nothing
    async ({}, use) => {
      const server = await serveStatic(inject('newsDistDir'));
      try {
        await use(server);
      } finally {
        await server.close();
      }
    },
    { scope: 'file' },
  ],
});

/**
 * What goes wrong on a page, as it happens: console errors, Content-Security-Policy reports and
 * uncaught errors, and with `origin`, every request to another host. A test expects it empty.
 */
export function pageProblems(page: Page, origin?: string): string[] {
  const problems: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  if (origin !== undefined) {
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.push(`external: ${r.url()}`);
    });
  }
  return problems;
}
