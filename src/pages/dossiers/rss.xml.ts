import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { dossierDate, getDossiers } from '../../site/dossiers.ts';
import { dossierUrl } from '../../site-core/urls.ts';
import { settings } from '../../settings.ts';

/** The dossiers' feed: each dossier, dated by its last update, most recent first. */
export const GET: APIRoute = async ({ site }) =>
  rss({
    title: `${settings().siteName} — الملفات`,
    description: 'ملفات يكتبها المحررون عبر أخبار الأرشيف',
    site: site!,
    items: (await getDossiers()).map((d) => ({
      title: d.data.title,
      link: dossierUrl(d.id),
      pubDate: dossierDate(d),
      description: d.data.description,
    })),
    customData: '<language>ar</language>',
  });
