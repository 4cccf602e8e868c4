import { describe, expect, inject } from 'vitest';
import { browserTest as it, hasChromium, pageProblems } from '../support/browser.ts';
import { articleIds } from '../support/site.ts';

const contentDir = inject('contentDir');

describe.runIf(hasChromium)('pages under the site Content-Security-Policy', () => {
  it('load and search with no CSP violation, no script error and no request to another host', async ({ browser, site }) => {
    const [firstArticle] = await articleIds(contentDir);
    const page = await browser.newPage();
    const problems = pageProblems(page, site.origin);
    const response = await page.goto(`${site.origin}/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    for (const path of [
      `/articles/${firstArticle}/`,
      '/entities/vladimir-putin/',
      '/entities/',
      '/dossiers/russia-turkey-syria/',
      '/dossiers/',
      '/search/',
    ]) {
      await page.goto(`${site.origin}${path}`);
    }
    await page.locator('pagefind-input input').fill('بوتين');
    await page.locator('pagefind-results a').first().waitFor({ timeout: 15_000 });
    expect(problems).toEqual([]);
  });
});
