import type { Browser, ConsoleMessage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hasChromium, launchChromium, serveStatic } from '../support/browser.ts';
import { articleIds } from '../support/site.ts';

const distDir = inject('distDir');
const contentDir = inject('contentDir');

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

describe.runIf(hasChromium)('pages under the site Content-Security-Policy', () => {
  beforeAll(async () => {
    server = await serveStatic(distDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('load and search with no CSP violation, no script error and no request to another host', async () => {
    const [firstArticle] = await articleIds(contentDir);
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith(server.origin) && !r.url().startsWith('data:')) problems.push(`external: ${r.url()}`);
    });
    const response = await page.goto(`${server.origin}/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    for (const path of [
      `/articles/${firstArticle}/`,
      '/entities/vladimir-putin/',
      '/entities/',
      '/dossiers/russia-turkey-syria/',
      '/dossiers/',
      '/search/',
    ]) {
      await page.goto(`${server.origin}${path}`);
    }
    await page.locator('pagefind-input input').fill('بوتين');
    await page.locator('pagefind-results a').first().waitFor({ timeout: 15_000 });
    expect(problems).toEqual([]);
  });
});
