import { createHash } from 'node:crypto';
import { findOutletByCode } from '../ingest/outlets.ts';
import type { EntityType } from '../schemas/entity.ts';
import { entityTypeInfo } from './labels.ts';

/** Public URL of an article page. */
export const articleUrl = (id: string): string => `/articles/${id}/`;

/** Public URL of an entity page. */
export const entityUrl = (id: string): string => `/entities/${id}/`;

/** The built pages search indexes (the only ones with `data-pagefind-body`): articles and entities. */
export const searchablePagesGlob = '{articles,entities,dossiers}/*/index.html';

/** Public URL of the index of one entity type ("/people/"). */
export const entityTypeUrl = (type: EntityType): string => `/${entityTypeInfo[type].slug}/`;

/**
 * An entity's page (no n: its newest articles) or its numbered page n of articles, counted from
 * the oldest (`/entities/<id>/page/1/` holds the oldest PAGE_SIZE; src/site/pagination.ts).
 */
export const entityPageUrl = (id: string, n?: number): string => (n === undefined ? entityUrl(id) : `${entityUrl(id)}page/${n}/`);

/** The list of outlets. */
export const outletsUrl = '/outlets/';

/** An outlet's page (`slug`: `outletSlug` below; no n: its newest articles) or its numbered page n, counted from the oldest (as the archive's). */
export const outletUrl = (slug: string, n?: number): string => (n === undefined ? `/outlets/${slug}/` : `/outlets/${slug}/${n}/`);

/** Page n of one day's articles (`day`: YYYY-MM-DD). */
export const dayUrl = (day: string, n = 1): string => (n <= 1 ? `/archive/${day}/` : `/archive/${day}/${n}/`);

/** One month's days (`month`: YYYY-MM). */
export const monthUrl = (month: string): string => `/archive/${month}/`;

/**
 * The URL name of an outlet: its first data-set code when the outlet table knows it («الرياض» →
 * "alriyadh"), else the part of its web host before the first dot («الجزيرة» → "aljazeera"), else a
 * short digest of the name, so any outlet a scraper names gets a stable page.
 */
export function outletSlug(name: string): string {
  let slug = outletSlugs.get(name);
  if (slug === undefined) {
    slug = slugOf(name);
    outletSlugs.set(name, slug);
  }
  return slug;
}

/** Slugs by outlet name: every article link, card and list names its outlet, and outlets are few. */
const outletSlugs = new Map<string, string>();

function slugOf(name: string): string {
  // By any of its names, agencies included («واس» → "was").
  const known = findOutletByCode(name);
  const host = known?.hosts?.[0]?.split('.')[0];
  const code = known?.codes?.[0];
  const slug = (code ?? host ?? '').toLowerCase();
  if (/^[a-z0-9-]+$/.test(slug)) return slug;
  return `o-${createHash('sha256').update(name).digest('hex').slice(0, 10)}`;
}

/** Page n of the articles of the outlet called `name`. */
export const outletUrlOf = (name: string, n?: number): string => outletUrl(outletSlug(name), n);

/** The list of dossiers (editors' pages across the archive). */
export const dossiersUrl = '/dossiers/';

/** A dossier's page (`slug`: its file name in content/dossiers without `.mdx`). */
export const dossierUrl = (slug: string): string => `/dossiers/${slug}/`;
