import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hasChromium, launchChromium, serveStatic } from '../support/browser.ts';
import { articleIds } from '../support/site.ts';

const distDir = inject('distDir');
const contentDir = inject('contentDir');
const axePath = path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');
/** Screenshots for reviewers, written by every run (not committed). */
const shotsDir = path.resolve(import.meta.dirname, '../../test-results/screenshots');

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;
let pages: { name: string; path: string }[];

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

describe.runIf(hasChromium)('accessibility and layout in Chromium', () => {
  beforeAll(async () => {
    const [article] = await articleIds(contentDir);
    pages = [
      { name: 'home', path: '/' },
      { name: 'archive', path: '/archive/' },
      { name: 'article', path: `/articles/${article}/` },
      { name: 'entity', path: '/entities/vladimir-putin/' },
      { name: 'entities-index', path: '/entities/' },
      { name: 'type-index', path: '/places/' },
      { name: 'search', path: '/search/' },
      { name: 'not-found', path: '/404.html' },
    ];
    server = await serveStatic(distDir);
    browser = await launchChromium();
    await mkdir(shotsDir, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe-core violations on any page type (${colorScheme} theme)`, async () => {
      // axe is injected as a script, which the site's CSP rightly forbids: bypass it for the audit.
      const context = await browser.newContext({ bypassCSP: true, colorScheme });
      const page = await context.newPage();
      const found: string[] = [];
      for (const p of pages) {
        await page.goto(`${server.origin}${p.path}`);
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
          found.push(`${p.name}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        }
      }
      await context.close();
      expect(found).toEqual([]);
    });
  }

  it('fits phones and wide screens without horizontal scrolling, and saves screenshots', async () => {
    for (const [device, width] of [['phone', 320], ['phone', 375], ['desktop', 1280]] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme });
        const page = await context.newPage();
        for (const p of pages) {
          await page.goto(`${server.origin}${p.path}`);
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

  it('switches theme with the toggle and remembers it', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
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
