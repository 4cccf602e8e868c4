/**
 * The search enrichment of the site's pages, from the route data computed once per build
 * (`src/site/data.ts`). Returns null when the build runs with plain Pagefind
 * (`MARSAD_SEARCH_ENRICH=0`).
 */
import { EntityMatcher } from '../entities/matcher.ts';
import { articleBlocks, getEntities, getMentionIndex, type ArticleEntry, type EntityEntry } from '../site/data.ts';
import { searchEnrichmentEnabled } from './config.ts';
import { articleEnrichment, entityEnrichment, multiWordNames, type FindNames, type PageEnrichment, type WordedName } from './enrichment.ts';
import { nameToken } from './name-token.ts';

const enabled = searchEnrichmentEnabled();

/** An entity's names: canonical name, then aliases. */
export function namesOf(entity: EntityEntry): string[] {
  return [entity.data.name, ...entity.data.aliases];
}

let registryNames: Promise<{ wordedNames: WordedName[]; findNames: FindNames }> | undefined;

/** The registry's names, prepared once per build: multi-word names and a matcher by name token. */
function getRegistryNames(): Promise<{ wordedNames: WordedName[]; findNames: FindNames }> {
  registryNames ??= getEntities().then((entities) => {
    const lists = [...entities.values()].map(namesOf);
    const matcher = new EntityMatcher(lists.flat().map((name) => ({ id: nameToken(name), names: [name] })));
    return { wordedNames: multiWordNames(lists), findNames: (text: string) => matcher.findMentions(text) };
  });
  return registryNames;
}

/** The hidden search fields of an article page. */
export async function articleSearchEnrichment(article: ArticleEntry): Promise<PageEnrichment | null> {
  if (!enabled) return null;
  const { title, standfirst, outlet, dateline } = article.data;
  const blocks = articleBlocks(article);
  const texts = [title, standfirst ?? '', outlet ?? '', dateline ?? '', ...blocks.map((b) => b.text)];
  const [index, entities, names] = await Promise.all([getMentionIndex(), getEntities(), getRegistryNames()]);
  const mentioned = [...(index.byArticle.get(article.id)?.counts.keys() ?? [])].map((id) => namesOf(entities.get(id)!));
  return articleEnrichment(texts, { mentioned, ...names });
}

/** The hidden search fields of an entity page. */
export function entitySearchEnrichment(entity: EntityEntry): PageEnrichment | null {
  if (!enabled) return null;
  return entityEnrichment(namesOf(entity), [entity.data.description, entity.data.nameEn]);
}
