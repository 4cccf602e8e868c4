/**
 * The articles collection's content loader. Each article's MDX is validated (frontmatter against
 * the collection schema) and rendered to HTML once, here, with the entity links and the mention
 * blocks (`src/render/article.ts`); Astro keeps the result in its content store with a digest of
 * the file, the registry and the renderer's own code, so the next build renders only the articles
 * that changed.
 *
 * Why not Astro's glob loader with @astrojs/mdx: it turns every article into a JavaScript module
 * Vite compiles and keeps in memory for the whole build — 9 GB and most of the build time at
 * 30,000 articles — only to print static HTML, and it would run any expression an article holds.
 * Articles here are data: the same MDX syntax, parsed by the compiler @astrojs/mdx uses.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import type { Loader, LoaderContext } from 'astro/loaders';
import { EntityMatcher, SourceNameMatcher } from '../entities/matcher.ts';
import { collectArticleMentions, type FindMentions, type Snippet, type TextBlock } from '../entities/mentions.ts';
import { entityNames, loadRegistry, sourceNames, type RegistryEntity } from '../entities/registry.ts';
import { ArticleSourceError, renderArticleBody } from '../render/article.ts';
import { searchEnrichmentEnabled } from '../search/config.ts';
import { articleEnrichment, multiWordNames, type FindNames, type PageEnrichment, type WordedName } from '../search/enrichment.ts';
import { nameToken } from '../search/name-token.ts';
import type { ArticleFrontmatter as ArticleData } from '../schemas/article.ts';
import { entityUrl } from './urls.ts';

/**
 * What the loader keeps next to an article's HTML (`rendered.metadata`): what the article says of
 * each entity (mention counts, quoted sentences) and its hidden search fields.
 */
export interface ArticleRenderMetadata {
  /** Entity id → mentions in the article (body, captions, credits, outlet). */
  counts: Map<string, number>;
  /** Entity id → the first sentences naming it. */
  snippets: Map<string, Snippet[]>;
  /** Hidden search fields (null in plain-Pagefind builds, MARSAD_SEARCH_ENRICH=0). */
  search: PageEnrichment | null;
}

/** The source files and packages whose code decides what the loader stores. */
const RENDERER_SOURCES = ['src/render', 'src/arabic', 'src/search', 'src/entities/matcher.ts', 'src/entities/mentions.ts', 'src/site/article-loader.ts', 'src/site/urls.ts'];
const RENDERER_PACKAGES = ['satteri', 'hast-util-to-html'];

function filesUnder(dir: string, extension: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith(extension))
      .map((f) => f.split(path.sep).join('/'))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** A digest of the renderer's code: a change to it renders every article again. */
function rendererDigest(root: string): string {
  const hash = createHash('sha256');
  for (const source of RENDERER_SOURCES) {
    const full = path.join(root, source);
    const files = source.endsWith('.ts') ? [full] : filesUnder(full, '.ts').map((f) => path.join(full, f));
    for (const file of files) {
      try {
        hash.update(`${file}\0${readFileSync(file, 'utf8')}\0`);
      } catch {
        // Not in this checkout (an installed copy): the package versions below still count.
      }
    }
  }
  for (const name of RENDERER_PACKAGES) {
    try {
      hash.update(`${name}@${JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version}\0`);
    } catch {
      hash.update(`${name}@?\0`);
    }
  }
  return hash.digest('hex');
}

export interface ArticleLoaderOptions {
  /** Folder of `*.mdx` articles (id = path without the extension). */
  base: string;
  /** Folder of the registry's `*.json` entities. */
  entities: string;
}

export function articleLoader({ base, entities }: ArticleLoaderOptions): Loader {
  return {
    name: 'marsad-articles',
    load: async (context) => {
      await syncArticles(context, base, entities);
      context.watcher?.on('all', (_event, changed) => {
        const file = path.resolve(changed);
        if ((file.startsWith(base + path.sep) && file.endsWith('.mdx')) || file.startsWith(entities + path.sep)) {
          syncArticles(context, base, entities).catch((error) => context.logger.error((error as Error).message));
        }
      });
    },
  };
}

interface RegistryNames {
  namesById: Map<string, string[]>;
  wordedNames: WordedName[];
  findNames: FindNames;
}

/** The registry's names prepared for search enrichment: multi-word names and a matcher by name token. */
function registryNames(registry: readonly RegistryEntity[]): RegistryNames {
  const namesById = new Map(registry.map((e) => [e.id, [e.name, ...e.aliases]]));
  const lists = [...namesById.values()];
  const matcher = new EntityMatcher(lists.flat().map((name) => ({ id: nameToken(name), names: [name] })));
  return { namesById, wordedNames: multiWordNames(lists), findNames: (text) => matcher.findMentions(text) };
}

/** An article's hidden search fields, from its texts and the names of the entities it mentions. */
function searchFields(article: ArticleData, body: readonly TextBlock[], counts: ReadonlyMap<string, number>, names: RegistryNames): PageEnrichment {
  const { title, standfirst, outlet, dateline } = article;
  const texts = [title, standfirst ?? '', outlet ?? '', dateline ?? '', ...body.map((b) => b.text)];
  const mentioned = [...counts.keys()].map((id) => names.namesById.get(id)).filter((n): n is string[] => n !== undefined);
  return articleEnrichment(texts, { mentioned, wordedNames: names.wordedNames, findNames: names.findNames });
}

async function syncArticles(context: LoaderContext, base: string, entitiesDir: string): Promise<void> {
  const { store, parseData, generateDigest, logger, config } = context;
  const root = fileURLToPath(config.root);
  const registry = loadRegistry(entitiesDir);
  const ids = new Set(registry.map((e) => e.id));
  const matcher = new EntityMatcher(entityNames(registry));
  const sources = new SourceNameMatcher(sourceNames(registry));
  const findMentions: FindMentions = (text) => matcher.findMentions(text);
  // A credit names one agency as a whole ("الأوروبية"), or holds names in running text.
  const findCreditMentions: FindMentions = (text) => {
    const id = sources.entityOf(text);
    return id ? [{ entityId: id, start: 0, end: text.length }] : findMentions(text);
  };
  const enrich = searchEnrichmentEnabled();
  const names = enrich ? registryNames(registry) : undefined;
  const contextDigest = generateDigest(`${rendererDigest(root)}\0${enrich}\0${JSON.stringify(registry)}`);

  const seen = new Set<string>();
  const problems: string[] = [];
  let rendered = 0;
  for (const file of filesUnder(base, '.mdx')) {
    const id = file.slice(0, -'.mdx'.length);
    const full = path.join(base, file);
    const filePath = path.relative(root, full).split(path.sep).join('/');
    seen.add(id);
    let source: string;
    try {
      source = readFileSync(full, 'utf8');
    } catch (error) {
      problems.push(`${full}: cannot be read (${(error as Error).message})`);
      continue;
    }
    const digest = generateDigest(`${contextDigest}\0${source}`);
    if (store.get(id)?.digest === digest) continue;
    try {
      const { frontmatter, content } = parseFrontmatter(source, { frontmatter: 'empty-with-lines' });
      const data = await parseData({ id, data: frontmatter, filePath: full });
      const { html, blocks } = renderArticleBody(content, {
        findMentions,
        findCreditMentions,
        hasEntity: (entityId) => ids.has(entityId),
        entityUrl,
      });
      const article = data as unknown as ArticleData;
      const withOutlet = [...blocks];
      if (article.outlet) {
        // The outlet names an agency as a credit does; it counts as a mention of it.
        const label = 'المصدر: ';
        const mentions = findCreditMentions(article.outlet).map((m) => ({ ...m, start: m.start + label.length, end: m.end + label.length }));
        withOutlet.push({ text: label + article.outlet, mentions });
      }
      const { counts, snippets } = collectArticleMentions(id, withOutlet);
      const metadata: ArticleRenderMetadata = { counts, snippets, search: names ? searchFields(article, blocks, counts, names) : null };
      store.set({ id, data, digest, filePath, rendered: { html, metadata: metadata as unknown as Record<string, unknown> } });
      rendered += 1;
    } catch (error) {
      const where = error instanceof ArticleSourceError && error.line ? `${full}:${error.line}:${error.column}` : full;
      const reason = error instanceof ArticleSourceError ? error.reason : (error as Error).message;
      problems.push(`${where}: ${reason}`);
    }
  }
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
  if (problems.length > 0) {
    throw new Error(`${problems.length} article${problems.length === 1 ? '' : 's'} cannot be built:\n${problems.join('\n')}`);
  }
  logger.info(`${seen.size} articles, ${rendered} rendered, ${seen.size - rendered} unchanged`);
}
