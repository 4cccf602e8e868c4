import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { articleUrl, getArticles } from '../site/data.ts';
import { feedItems } from '../site/feeds.ts';
import { siteName, siteTagline } from '../site/config.ts';

export const GET: APIRoute = async ({ site }) =>
  rss({
    title: `${siteName} — أحدث المقالات`,
    description: siteTagline,
    site: site!,
    items: feedItems(await getArticles(), articleUrl),
    customData: '<language>ar</language>',
  });
