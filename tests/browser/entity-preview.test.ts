import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject } from 'vitest';
import type { EntityCard } from '../../src/site-core/entity-card.ts';
import { browserTest as it, hasChromium, pageProblems } from '../support/browser.ts';
import { entityCardGroup, entityCardsUrl, entityIdOf } from '../../src/site-core/entity-card-groups.ts';
import { articleIds, readEntityCard, readPage } from '../support/site.ts';

const distDir = inject('distDir');
const contentDir = inject('contentDir');
const axePath = path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');

/** A seed article with entity links, its first link and that entity's card. */
let articlePath: string;
let href: string;
let card: EntityCard;

const tooltip = '#entity-preview[role="tooltip"]';
const firstLink = (page: Page) => page.locator('.article-body a.entity-link').first();

describe.runIf(hasChromium)('entity link previews in Chromium', () => {
  beforeAll(async () => {
    for (const id of await articleIds(contentDir)) {
      const link = (await readPage(distDir, `articles/${id}/index.html`)).querySelector('.article-body a.entity-link');
      if (!link) continue;
      articlePath = `/articles/${id}/`;
      href = link.getAttribute('href')!;
      break;
    }
    card = (await readEntityCard(distDir, href))!;
  });

  it('show a card on hover and on keyboard focus, hide it on leave and Escape, fetch it once, under the CSP', async ({ browser, site }) => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const problems = pageProblems(page);
    const fetched: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/entity-cards/')) fetched.push(new URL(r.url()).pathname);
    });
    const response = await page.goto(`${site.origin}${articlePath}`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(fetched, 'no card is loaded before a hover').toEqual([]);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);

    // Hover: shown after a pause, next to the link, described by it, without moving the page.
    const link = firstLink(page);
    await link.hover();
    const box = page.locator(tooltip);
    await box.waitFor({ state: 'visible', timeout: 5_000 });
    await expect.poll(() => box.textContent()).toContain(card.name);
    const text = (await box.textContent())!;
    expect(text).toContain(card.type);
    expect(text).toContain(card.countText);
    expect(await link.getAttribute('aria-describedby')).toBe('entity-preview');
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(height);
    const placed = await page.evaluate((sel) => {
      const el = document.querySelector<HTMLElement>(sel)!;
      return { parent: el.parentElement!.tagName, position: getComputedStyle(el).position, rect: el.getBoundingClientRect().toJSON() };
    }, tooltip);
    expect(placed.parent).toBe('MAIN');
    expect(placed.position).toBe('absolute');
    expect(placed.rect.left).toBeGreaterThanOrEqual(0);
    expect(placed.rect.right).toBeLessThanOrEqual(1366);
    expect(placed.rect.width).toBeLessThanOrEqual(20 * 16 + 1);
    const linkBox = (await link.boundingBox())!;
    expect(Math.abs(placed.rect.top - (linkBox.y + linkBox.height))).toBeLessThan(40);

    // Leaving hides it.
    await page.mouse.move(5, 5);
    await box.waitFor({ state: 'hidden', timeout: 2_000 });
    expect(await link.getAttribute('aria-describedby')).toBeNull();

    // Keyboard: Tab to the link shows the card at once; Escape hides it and keeps focus on the link.
    let focused = false;
    for (let i = 0; i < 200 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await link.evaluate((a) => a === document.activeElement);
    }
    expect(focused, 'the link is reachable by Tab').toBe(true);
    await box.waitFor({ state: 'visible', timeout: 2_000 });
    expect(await box.textContent()).toContain(card.name);
    expect(await link.getAttribute('aria-describedby')).toBe('entity-preview');
    await page.keyboard.press('Escape');
    await box.waitFor({ state: 'hidden', timeout: 2_000 });
    expect(await link.evaluate((a) => a === document.activeElement)).toBe(true);
    expect(await link.getAttribute('aria-describedby')).toBeNull();

    // Hovered again: the card comes from the cache.
    await link.hover();
    await box.waitFor({ state: 'visible', timeout: 5_000 });
    // One file: the cards of the entity's group.
    expect(fetched).toEqual([entityCardsUrl(entityCardGroup(entityIdOf(href)!))]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('show nothing, and raise no error, when the card cannot be fetched', async ({ browser, site }) => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/entity-cards/*.json', (route) => route.abort());
    await page.goto(`${site.origin}${articlePath}`);
    await firstLink(page).hover();
    await page.waitForTimeout(800);
    expect(await page.locator(tooltip).isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leave a tap on a touch screen to the link: it navigates, with no card', async ({ browser, site }) => {
    const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${site.origin}${articlePath}`);
    await firstLink(page).tap();
    await page.waitForURL(`${site.origin}${href}`);
    await context.close();
  });

  it('on a touch screen, open and close a card from a button after each link, without moving any text', async ({ browser, site }) => {
    const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.origin}${articlePath}`);
    const links = page.locator('.article-body a.entity-link');
    const toggles = page.locator('.article-body .entity-preview-toggle');
    await toggles.first().waitFor({ state: 'attached', timeout: 10_000 });
    expect(await toggles.count()).toBe(await links.count());
    // Each button follows its link, labelled by it, with a target of at least 24 × 24 px (WCAG 2.5.8).
    const button = toggles.first();
    expect(await button.evaluate((b) => b.previousElementSibling?.matches('a.entity-link'))).toBe(true);
    expect(await button.getAttribute('aria-label')).toBe(`بطاقة «${(await firstLink(page).textContent())!.trim()}»`);
    const buttonBox = (await button.boundingBox())!;
    expect(buttonBox.width).toBeGreaterThanOrEqual(24);
    expect(buttonBox.height).toBeGreaterThanOrEqual(24);

    // No text moves for the buttons: they sit in room CSS kept from the first paint. Taking them
    // out of the page leaves every line where it was; the room is each link's end margin.
    const layout = () =>
      page.evaluate(() => ({
        links: [...document.querySelectorAll('.article-body a.entity-link')].map((a) =>
          [...a.getClientRects()].map((r) => [r.x, r.y, r.width]),
        ),
        height: document.querySelector('.article-body')!.getBoundingClientRect().height,
      }));
    const withButtons = await layout();
    expect(await page.evaluate(() => 'js' in document.documentElement.dataset)).toBe(true);
    const room = await firstLink(page).evaluate((a) => parseFloat(getComputedStyle(a).marginInlineEnd));
    expect(room).toBeCloseTo(buttonBox.width, 0);
    // The button lies in that room, not over the link's text.
    const lastRect = await firstLink(page).evaluate((a) => [...a.getClientRects()].at(-1)!.toJSON() as DOMRect);
    expect(buttonBox.x + buttonBox.width).toBeLessThanOrEqual(lastRect.left + 1);

    // Tap: the card opens, described by the link, and the page stays.
    await button.tap();
    const box = page.locator(tooltip);
    await box.waitFor({ state: 'visible', timeout: 5_000 });
    await expect.poll(() => box.textContent()).toContain(card.name);
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await firstLink(page).getAttribute('aria-describedby')).toBe('entity-preview');
    expect(page.url()).toBe(`${site.origin}${articlePath}`);
    // Tap again: closed.
    await button.tap();
    await box.waitFor({ state: 'hidden', timeout: 2_000 });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    // Open, then a tap elsewhere closes it; another link's button opens that link's card.
    await button.tap();
    await box.waitFor({ state: 'visible', timeout: 5_000 });
    await page.locator('article h1').tap();
    await box.waitFor({ state: 'hidden', timeout: 2_000 });
    const second = toggles.nth(1);
    const secondHref = await links.nth(1).getAttribute('href');
    const secondCard = (await readEntityCard(distDir, secondHref!))!;
    await second.tap();
    await expect.poll(() => box.textContent()).toContain(secondCard.name);

    await page.evaluate(() => document.querySelectorAll('.entity-preview-toggle').forEach((b) => b.remove()));
    expect(await layout()).toEqual(withButtons);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('add no button where there is a mouse', async ({ browser, site }) => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}${articlePath}`);
    await page.waitForLoadState('load');
    expect(await page.locator('.entity-preview-toggle').count()).toBe(0);
    expect(await firstLink(page).evaluate((a) => getComputedStyle(a).marginInlineEnd)).toBe('0px');
    await page.close();
  });

  it('pass axe on a touch screen with a card open from its button', async ({ browser, site }) => {
    const context = await browser.newContext({ bypassCSP: true, hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${site.origin}${articlePath}`);
    await page.locator('.entity-preview-toggle').first().tap();
    await page.locator(tooltip).waitFor({ state: 'visible', timeout: 5_000 });
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate<{ id: string; nodes: { target: string[] }[] }[]>(`axe.run(document).then((r) => r.violations)`);
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`pass axe with a card shown (${colorScheme} theme)`, async ({ browser, site }) => {
      // axe is injected as a script, which the site's CSP rightly forbids: bypass it for the audit.
      const context = await browser.newContext({ bypassCSP: true, colorScheme });
      const page = await context.newPage();
      await page.goto(`${site.origin}${articlePath}`);
      await firstLink(page).hover();
      await page.locator(tooltip).waitFor({ state: 'visible', timeout: 5_000 });
      await page.addScriptTag({ path: axePath });
      const violations = await page.evaluate<{ id: string; nodes: { target: string[] }[] }[]>(
        `axe.run(document).then((r) => r.violations)`,
      );
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await context.close();
    });
  }
});
