import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { NEWS_SITE_SETTINGS } from '../support/build-site.ts';
import { articleIds, readPage } from '../support/site.ts';

/**
 * The site settings reach the built pages: the seed site is built with the defaults, the news
 * site with `NEWS_SITE_SETTINGS` (tests/support/build-site.ts), both by the real build.
 */
const sites = [
  {
    label: 'seed site, default settings',
    dist: inject('distDir'),
    content: inject('contentDir'),
    origin: 'https://marsad.example',
    name: 'مرصد',
    tagline: 'أرشيف الأخبار العربية وأعلامها وأماكنها',
  },
  {
    label: 'news site, its own settings',
    dist: inject('newsDistDir'),
    content: inject('newsContentDir'),
    origin: NEWS_SITE_SETTINGS.MARSAD_SITE,
    name: NEWS_SITE_SETTINGS.MARSAD_SITE_NAME,
    tagline: NEWS_SITE_SETTINGS.MARSAD_SITE_TAGLINE,
  },
];

describe.each(sites)('site settings: $label', ({ dist, content, origin, name, tagline }) => {
  it("shows the site's name and tagline on the home page, with its canonical origin", async () => {
    const home = await readPage(dist, 'index.html');
    const header = home.querySelector('header[data-site-header]');
    expect(header?.text).toContain(name);
    expect(header?.text).toContain(tagline);
    expect(home.querySelector('title')?.text).toBe(name);
    expect(home.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(tagline);
    expect(home.querySelector('meta[property="og:site_name"]')?.getAttribute('content')).toBe(name);
    expect(home.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${origin}/`);
    expect(home.querySelector('footer[data-site-footer]')?.text).toContain(`${name} — `);
  });

  it("names the site in an article's title, print stamp and structured data", async () => {
    const [id] = await articleIds(content);
    const page = await readPage(dist, `articles/${id}/index.html`);
    expect(page.querySelector('title')?.text.endsWith(` — ${name}`)).toBe(true);
    expect(page.querySelector('[data-print-header]')?.text).toContain(`${name} — ${origin}/articles/${id}/`);
    const data = page.querySelectorAll('script[type="application/ld+json"]').map((s) => JSON.parse(s.text));
    expect(data.find((d) => d['@type'] === 'NewsArticle')?.publisher?.name).toBe(name);
  });

  it("titles the feed with the site's name and describes it with the tagline", async () => {
    const feed = await readFile(path.join(dist, 'rss.xml'), 'utf8');
    expect(feed).toContain(`<title>${name} — أحدث المقالات</title>`);
    expect(feed).toContain(`<description>${tagline}</description>`);
    expect(feed).toContain(`<link>${origin}/</link>`);
  });
});
