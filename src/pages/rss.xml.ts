import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { articleUrl, getArticles } from '../site/data.ts';
import { feedItems } from '../site/feeds.ts';
import { settings } from '../settings.ts';

export const GET: APIRoute = async ({ site }) =>
  rss({
    title: `${settings().siteName} — أحدث المقالات`,
    description: settings().siteTagline,
    site: site!,
    items: feedItems(await getArticles(), articleUrl),
    customData: '<language>ar</language>',
  });
