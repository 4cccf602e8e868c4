import type { EntityType } from '../schemas/entity.ts';

/** schema.org type of each entity type. */
const SCHEMA_TYPE: Record<EntityType, string> = {
  person: 'Person',
  place: 'Place',
  organization: 'Organization',
  event: 'Event',
};

interface EntityRef {
  id: string;
  data: { type: EntityType; name: string; nameEn: string; wikidata?: string | undefined; description: string };
}

/** A schema.org Thing for an entity, with `sameAs` pointing at Wikidata when known. */
export function entityThing(entity: EntityRef, url: string): Record<string, unknown> {
  return {
    '@type': SCHEMA_TYPE[entity.data.type],
    '@id': url,
    name: entity.data.name,
    alternateName: entity.data.nameEn,
    url,
    ...(entity.data.wikidata ? { sameAs: `https://www.wikidata.org/wiki/${entity.data.wikidata}` } : {}),
  };
}

interface ArticleRef {
  title: string;
  standfirst?: string | undefined;
  outlet: string | null;
  published: Date | null;
  author: string | null;
}

/**
 * schema.org NewsArticle: `about` the entities the article is mostly about (the most mentioned),
 * `mentions` every entity it names.
 */
export function newsArticle(
  article: ArticleRef,
  url: string,
  mentioned: { thing: Record<string, unknown>; count: number }[],
  siteName: string,
): Record<string, unknown> {
  const sorted = [...mentioned].sort((a, b) => b.count - a.count);
  const top = sorted[0]?.count ?? 0;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    ...(article.standfirst ? { description: article.standfirst } : {}),
    inLanguage: 'ar',
    url,
    mainEntityOfPage: url,
    ...(article.published ? { datePublished: article.published.toISOString().slice(0, 10) } : {}),
    ...(article.author ? { author: { '@type': 'Person', name: article.author } } : {}),
    ...(article.outlet ? { sourceOrganization: { '@type': 'NewsMediaOrganization', name: article.outlet } } : {}),
    publisher: { '@type': 'Organization', name: siteName },
    about: sorted.filter((m) => m.count >= Math.max(2, top / 2)).map((m) => m.thing),
    mentions: sorted.map((m) => m.thing),
  };
}

/** JSON for a `<script type="application/ld+json">` block: `<` escaped so no text can close it. */
export function jsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
