import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, inject } from 'vitest';
import { type BrowserFixtures, browserTest as it, hasChromium } from '../support/browser.ts';
import { articleIds, readPage } from '../support/site.ts';

const contentDir = inject('contentDir');
const newsDistDir = inject('newsDistDir');
const newsContentDir = inject('newsContentDir');
const axePath = path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');
/** Screenshots for reviewers, written by every run (not committed). */
const shotsDir = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/** Every page kind, on the seed site or on the site of real-shaped news (days, months, outlets). */
let pages: { name: string; path: string; news?: boolean }[];

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

describe.runIf(hasChromium)('accessibility and layout in Chromium', () => {
  beforeAll(async () => {
    const [article] = await articleIds(contentDir);
    const news = await readPage(newsDistDir, 'index.html');
    const day = news.querySelector('main a[href^="/archive/20"]')!.getAttribute('href')!;
    const [newsArticle] = await articleIds(newsContentDir);
    pages = [
      { name: 'home', path: '/' },
      { name: 'archive', path: '/archive/' },
      { name: 'article', path: `/articles/${article}/` },
      { name: 'entity', path: '/entities/vladimir-putin/' },
      { name: 'entities-index', path: '/entities/' },
      { name: 'type-index', path: '/places/' },
      { name: 'search', path: '/search/' },
      { name: 'not-found', path: '/404.html' },
      { name: 'dossier', path: '/dossiers/russia-turkey-syria/' },
      { name: 'dossiers', path: '/dossiers/' },
      { name: 'front-page', path: '/', news: true },
      { name: 'news-article', path: `/articles/${newsArticle}/`, news: true },
      { name: 'outlets', path: '/outlets/', news: true },
      { name: 'outlet', path: '/outlets/okaz/', news: true },
      { name: 'day', path: day, news: true },
      { name: 'month', path: `${day.slice(0, '/archive/2015-08'.length)}/`, news: true },
      { name: 'news-archive', path: '/archive/', news: true },
      { name: 'news-dossier', path: '/dossiers/asir-summer/', news: true },
    ];
    await mkdir(shotsDir, { recursive: true });
  });
  /** A page's URL on the seed site or the news site. */
  const urlOf = (sites: Pick<BrowserFixtures, 'site' | 'newsSite'>, p: { path: string; news?: boolean }) =>
    `${(p.news ? sites.newsSite : sites.site).origin}${p.path}`;

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe-core violations on any page type (${colorScheme} theme)`, { timeout: 180_000 }, async ({ browser, site, newsSite }) => {
      // axe is injected as a script, which the site's CSP rightly forbids: bypass it for the audit.
      const context = await browser.newContext({ bypassCSP: true, colorScheme });
      const page = await context.newPage();
      const found: string[] = [];
      for (const p of pages) {
        await page.goto(urlOf({ site, newsSite }, p));
        if (p.name === 'search') {
          await page.locator('pagefind-input input').fill('بوتين');
          await page.locator('pagefind-results a').first().waitFor({ timeout: 15_000 });
        }
        await page.addScriptTag({ path: axePath });
        const { violations, passes } = await page.evaluate<{ violations: AxeViolation[]; passes: number }>(
          `axe.run(document).then((r) => ({ violations: r.violations, passes: r.passes.length }))`,
        );
        expect(passes, `axe ran on ${p.name}`).toBeGreaterThan(10);
        for (const v of violations) {
          found.push(
            `${p.name}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(', ')}`,
          );
        }
      }
      await context.close();
      expect(found).toEqual([]);
    });
  }

  it('fits phones and wide screens without horizontal scrolling, and saves screenshots', { timeout: 240_000 }, async ({
    browser,
    site,
    newsSite,
  }) => {
    for (const [device, width] of [
      ['phone', 320],
      ['phone', 375],
      ['desktop', 1280],
    ] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme });
        const page = await context.newPage();
        for (const p of pages) {
          await page.goto(urlOf({ site, newsSite }, p));
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${p.name} at ${width}px`).toBeLessThanOrEqual(0);
          if (width !== 320) {
            await page.screenshot({ path: path.join(shotsDir, `${p.name}-${device}-${colorScheme}.png`), fullPage: true });
          }
        }
        await context.close();
      }
    }
  });

  it("shows the search box's keyboard hint where there is a keyboard, not on touch screens", async ({ browser, site }) => {
    for (const touch of [false, true]) {
      const context = await browser.newContext(touch ? { viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true } : {});
      const page = await context.newPage();
      await page.goto(`${site.origin}/`);
      const hint = page.locator('pagefind-searchbox .pf-trigger-shortcut');
      await hint.waitFor({ state: 'attached', timeout: 15_000 });
      expect(await hint.isVisible(), touch ? 'touch' : 'keyboard').toBe(!touch);
      await context.close();
    }
  });

  it("prints an article with the site's name and the page's address, and without the site's furniture", async ({ browser, site }) => {
    const [article] = await articleIds(contentDir);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.origin}/articles/${article}/`);
    const stamp = page.locator('[data-print-header]');
    expect(await stamp.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await stamp.isVisible()).toBe(true);
    expect(await stamp.textContent()).toMatch(new RegExp(`مرصد — .*/articles/${article}/`));
    expect(await page.locator('header[data-site-header]').isVisible()).toBe(false);
    expect(await page.locator('article h1').isVisible()).toBe(true);
    await context.close();
  });

  it('switches theme with the toggle and remembers it', async ({ browser, site }) => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${site.origin}/`);
    const toggle = page.locator('[data-theme-toggle]');
    await expect(toggle.isVisible()).resolves.toBe(true);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const dark = await background();
    expect(dark).not.toBe(light);
    await page.reload();
    expect(await background()).toBe(dark);
    await context.close();
  });
});
