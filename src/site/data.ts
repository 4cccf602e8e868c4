import { createHash } from 'node:crypto';
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildMentionIndex, type EntityArticle, type MentionIndex, type Snippet } from '../entities/mentions.ts';
import { relatedStories } from '../entities/related.ts';
import { readFileSync } from 'node:fs';
import { newestFirst } from '../site-core/order.ts';
import path from 'node:path';
import {
  articleBodyDir,
  articleRecordsFile,
  readArticleRecords,
  currentPartition,
  htmlFile,
  type PreparedRecord,
  readEntitySnippets,
  readPrepared,
  type StoredArticleMetadata,
} from './partition.ts';

export { articleUrl, entityUrl, entityTypeUrl } from '../site-core/urls.ts';

export type ArticleEntry = CollectionEntry<'articles'>;
export type EntityEntry = CollectionEntry<'entities'>;

let articles: Promise<ArticleEntry[]> | undefined;
let articlesById: Promise<Map<string, ArticleEntry>> | undefined;
let registry: Promise<Map<string, EntityEntry>> | undefined;
let entities: Promise<Map<string, EntityEntry>> | undefined;
let mentionIndex: Promise<MentionIndex> | undefined;

/**
 * Every article, newest first. Loaded once per build and shared by all pages
 * (never call `getCollection('articles')` from a page).
 */
export function getArticles(): Promise<ArticleEntry[]> {
  articles ??= getCollection('articles').then((all) => withRecords(all).sort((a, b) => newestFirst(a.data, b.data)));
  return articles;
}

/**
 * The store's entries of a whole build with their frontmatter and light records, which the
 * loader keeps in a file of its own (`readArticleRecords`, src/site/partition.ts) and not in the
 * store. A partition's store holds them itself.
 */
function withRecords(entries: ArticleEntry[]): ArticleEntry[] {
  if (currentPartition()) return entries;
  const dir = articleBodyDir();
  const records = readArticleRecords(dir);
  return entries.map((entry) => {
    const record = records.get(entry.id);
    if (!record || record.digest !== entry.digest) {
      throw new Error(`${articleRecordsFile(dir)}: no record of article "${entry.id}" as the content store has it; build the site again`);
    }
    const metadata = record.metadata as unknown as NonNullable<ArticleEntry['rendered']>['metadata'];
    return { ...entry, data: record.data as ArticleEntry['data'], filePath: record.filePath, rendered: { html: '', metadata } };
  });
}

/**
 * The articles whose pages this build writes: all of them, or in a partitioned build the
 * partition's own (src/site/partition.ts); every other article is still known to every list, with
 * its metadata but without its body.
 */
export async function getPageArticles(): Promise<ArticleEntry[]> {
  const partition = currentPartition();
  if (!partition) return getArticles();
  const own = new Set(partition.articles);
  return (await getArticles()).filter((a) => own.has(a.id));
}

/**
 * Whether this build writes the pages that are not an article's (the lists, entities, feeds, the
 * search tables): a whole build does, and of a partitioned build the one partition that holds them.
 * Every dynamic route but the articles' returns no paths when it does not.
 */
export function emitsLists(): boolean {
  return currentPartition()?.lists ?? true;
}

/** A route's `getStaticPaths` that gives no paths in a build that does not write the lists (`emitsLists`). */
export function listsOnly<T extends (...args: never[]) => unknown>(getStaticPaths: T): T {
  return ((...args: Parameters<T>) => (emitsLists() ? getStaticPaths(...args) : [])) as T;
}

/** Articles by id, for entity pages. */
export function getArticlesById(): Promise<Map<string, ArticleEntry>> {
  articlesById ??= getArticles().then((all) => new Map(all.map((a) => [a.id, a])));
  return articlesById;
}

let articlePositions: Promise<Map<string, number>> | undefined;

/** Each article's place in the site's order (newest first, `getArticles`), for merging lists of articles. */
export function getArticlePositions(): Promise<Map<string, number>> {
  articlePositions ??= getArticles().then((all) => new Map(all.map((a, i) => [a.id, i])));
  return articlePositions;
}

/** The whole registry, by id, sorted by Arabic name. Loaded once per build. */
export function getRegistry(): Promise<Map<string, EntityEntry>> {
  registry ??= getCollection('entities').then(
    (all) => new Map(all.sort((a, b) => a.data.name.localeCompare(b.data.name, 'ar')).map((e) => [e.id, e])),
  );
  return registry;
}

/**
 * The entities the site shows: those at least one article names (in its title, body, dateline,
 * credit or outlet), by id, sorted by Arabic name. The others stay in the registry, ready for the
 * day an article names them, but get no page, feed, list entry or search record.
 */
export function getEntities(): Promise<Map<string, EntityEntry>> {
  entities ??= Promise.all([getRegistry(), getMentionIndex()]).then(
    ([all, index]) => new Map([...all].filter(([id]) => index.byEntity.has(id) || index.attributions.has(id))),
  );
  return entities;
}

/**
 * What the loader keeps of an article (src/site/article-loader.ts): its mention counts by
 * entity and zone, as the loader found them from the same text nodes as the page's links, the
 * start of its text, and the key of its body files.
 */
export function articleMetadata(article: ArticleEntry): StoredArticleMetadata {
  const metadata = article.rendered?.metadata as unknown as StoredArticleMetadata | undefined;
  if (!metadata?.counts) throw new Error(`${article.filePath ?? article.id}: this build holds no light record for this article`);
  return metadata;
}

/** The key of an article's body files, or an error naming it when this build does not write its page. */
function bodyKey(article: ArticleEntry): string {
  const key = articleMetadata(article).body;
  if (key === null)
    throw new Error(`${article.filePath ?? article.id}: this build does not hold the article's text (another partition writes its page)`);
  return key;
}

/** An article's HTML as the loader rendered it, read from its body file as its page renders. */
export function articleHtml(article: ArticleEntry): string {
  const file = htmlFile(articleBodyDir(), bodyKey(article));
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `${article.filePath ?? article.id}: its rendered text cannot be read from ${file} (${(error as Error).message}); build the site again`,
    );
  }
}

/** Everything else the loader found in an article: the sentences naming each entity, its search fields. */
export function articlePrepared(article: ArticleEntry): PreparedRecord {
  return readPrepared(articleBodyDir(), bodyKey(article));
}

/**
 * Mentions of registry entities in every article, gathered once per build from what the loader
 * stored, and shared by article pages, entity pages and exports.
 */
export function getMentionIndex(): Promise<MentionIndex> {
  mentionIndex ??= (async () => {
    const known = await getRegistry();
    // The sentences naming each entity are read for the entity pages that show them (`withSnippets`).
    const none = new Map<string, Snippet[]>();
    const perArticle = (await getArticles()).map((article) => {
      const { counts, zones } = articleMetadata(article);
      return { articleId: article.id, counts, zones, snippets: none };
    });
    const index = buildMentionIndex(perArticle);
    for (const entityId of [...index.byEntity.keys(), ...index.attributions.keys()]) {
      if (!known.has(entityId)) throw new Error(`An article links to unknown entity "${entityId}"`);
    }
    return index;
  })();
  return mentionIndex;
}

/** The last entities' sentences read in a partitioned build: an entity's pages render one after the other. */
const snippetCache = new Map<string, Map<string, Snippet[]>>();
const SNIPPET_CACHE_ENTITIES = 8;
/** In a whole build, each article's sentences by entity, read once from its prepared record. */
const articleSnippets = new Map<string, Map<string, Snippet[]>>();

/**
 * An entity's mentions with the sentences naming it, for its pages (src/components/EntityArticleList.astro).
 * A whole build reads them from each listed article's prepared record (once per article); the
 * lists partition of a partitioned build from the entity's file beside the archive index
 * (src/site/partition.ts), a few entities at a time.
 */
export function withSnippets(
  entityId: string,
  mentions: readonly EntityArticle[],
  articles: ReadonlyMap<string, ArticleEntry>,
): EntityArticle[] {
  const partition = currentPartition();
  if (!partition) {
    return mentions.map((m) => {
      let byEntity = articleSnippets.get(m.articleId);
      if (!byEntity) {
        byEntity = articlePrepared(articles.get(m.articleId)!).metadata.snippets;
        articleSnippets.set(m.articleId, byEntity);
      }
      return { ...m, snippets: byEntity.get(entityId) ?? [] };
    });
  }
  let byArticle = snippetCache.get(entityId);
  if (!byArticle) {
    byArticle = readEntitySnippets(path.dirname(partition.index), entityId);
    snippetCache.set(entityId, byArticle);
    if (snippetCache.size > SNIPPET_CACHE_ENTITIES) snippetCache.delete(snippetCache.keys().next().value!);
  }
  return mentions.map((m) => ({ ...m, snippets: byArticle.get(m.articleId) ?? [] }));
}

let relatedFinder: Promise<(articleId: string) => ArticleEntry[]> | undefined;

/**
 * The few articles that share the most specific entities with `article` (src/entities/related.ts),
 * best first: computed once per article per build, in bounded time, for its page and its cache key.
 */
export function getRelatedArticles(article: ArticleEntry): Promise<ArticleEntry[]> {
  relatedFinder ??= Promise.all([getArticles(), getArticlesById(), getMentionIndex()]).then(([all, byId, index]) => {
    const rank = relatedStories({
      articles: all.map((a) => ({ id: a.id, title: a.data.title, published: a.data.published })),
      byArticle: index.byArticle,
      byEntity: index.byEntity,
    });
    const computed = new Map<string, ArticleEntry[]>();
    return (articleId: string) => {
      let related = computed.get(articleId);
      if (!related) {
        related = rank(articleId).stories.map((s) => byId.get(s.articleId)!);
        computed.set(articleId, related);
      }
      return related;
    };
  });
  return relatedFinder.then((find) => find(article.id));
}

let registryDigest: Promise<string> | undefined;

/** One digest of the whole registry: changes when any entity or alias does. */
export function getRegistryDigest(): Promise<string> {
  registryDigest ??= getRegistry().then((all) => {
    const hash = createHash('sha256');
    for (const e of all.values()) hash.update(`${e.id}\0${e.digest ?? JSON.stringify(e.data)}\0`);
    return hash.digest('hex').slice(0, 16);
  });
  return registryDigest;
}

/**
 * Cache keys for incremental builds (Astro's experimental.incrementalBuild): a page is rendered
 * again only when what it shows may have changed.
 * - An article page shows its own text, what the registry says of the entities in it, and its
 *   related stories (their headlines, outlets and dates: which ones, and each one's digest).
 * - An entity page shows its entity, the articles mentioning it (titles, dates, sentences, counts)
 *   and its related entities.
 * - A list page (a day, a month, an outlet's page) shows the articles it draws on and where it
 *   sits (its page number and count, the days before and after): `listCacheKey`. A day's or an
 *   outlet's pages render again when that day or outlet gains an article, not when another does.
 */
export async function articleCacheKey(article: ArticleEntry): Promise<string> {
  const [registry, related] = await Promise.all([getRegistryDigest(), getRelatedArticles(article)]);
  const hash = createHash('sha256');
  for (const r of related) hash.update(`${r.id}:${r.digest ?? JSON.stringify(r.data)}\0`);
  return `${article.digest ?? article.id}:${registry}:${hash.digest('hex').slice(0, 16)}`;
}

export async function listCacheKey(where: readonly unknown[], articles: readonly ArticleEntry[]): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`${JSON.stringify(where)}\0${await getRegistryDigest()}\0`);
  for (const a of articles) hash.update(`${a.id}:${a.digest ?? JSON.stringify(a.data)}\0`);
  return hash.digest('hex').slice(0, 24);
}

export async function entityCacheKey(entityId: string): Promise<string> {
  const [entities, index, articles, registry] = await Promise.all([
    getEntities(),
    getMentionIndex(),
    getArticlesById(),
    getRegistryDigest(),
  ]);
  const hash = createHash('sha256');
  hash.update(`${entities.get(entityId)?.digest}\0${registry}\0`);
  for (const m of [...(index.byEntity.get(entityId) ?? []), ...(index.attributions.get(entityId) ?? [])]) {
    hash.update(`${m.articleId}:${articles.get(m.articleId)?.digest}:${m.count}:${JSON.stringify(m.zones)}\0`);
  }
  for (const r of index.related(entityId, 15)) hash.update(`${r.entityId}:${r.sharedArticles}:${r.weight}\0`);
  return hash.digest('hex').slice(0, 24);
}
