/**
 * The search enrichment of the site's pages: articles' as the loader computed it
 * (`src/site/article-loader.ts`), entity pages' from the registry. Returns null when the build runs with plain Pagefind
 * (`MARSAD_SEARCH_ENRICH=0`).
 */
import { settings } from '../../settings.ts';
import { articlePrepared, type ArticleEntry, type EntityEntry } from '../data.ts';
import { articleEnrichment, entityEnrichment, type PageEnrichment } from '../../search/enrichment.ts';

const enabled = settings().searchEnrich;

/** An entity's names: canonical name, then aliases. */
export function namesOf(entity: EntityEntry): string[] {
  return [entity.data.name, ...entity.data.aliases];
}

/** The hidden search fields of an article page (computed by the article loader). */
export function articleSearchEnrichment(article: ArticleEntry): PageEnrichment | null {
  const search = enabled ? articlePrepared(article).metadata.search : null;
  return search === null ? null : (JSON.parse(search) as PageEnrichment);
}

/** The hidden search fields of an entity page. */
export function entitySearchEnrichment(entity: EntityEntry): PageEnrichment | null {
  if (!enabled) return null;
  return entityEnrichment(namesOf(entity), [entity.data.description, entity.data.nameEn]);
}

/**
 * The hidden search fields of a dossier page: the forms of its title's and description's words,
 * and the name tokens of the entities it is about (as an article's lead), so a query naming one
 * of them finds the dossier. Its body is indexed from the page as written.
 */
export function dossierSearchEnrichment(texts: readonly string[], about: readonly EntityEntry[]): PageEnrichment | null {
  if (!enabled) return null;
  const names = about.map(namesOf);
  return articleEnrichment(texts, { mentioned: names, lead: names });
}
