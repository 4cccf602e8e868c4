/**
 * Everything the article loader computes from one article's MDX, as a pure function of the file
 * and the registry: the HTML (src/render/article.ts), what the article says of each entity (mention
 * counts, quoted sentences) and its hidden search fields. The loader runs it in worker threads
 * (src/site/article-worker.ts) — plain Node, both cores — or in its own thread for a few articles.
 */
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { EntityMatcher, SourceNameMatcher } from '../entities/matcher.ts';
import { collectArticleMentions, type FindMentions, type Snippet, type TextBlock } from '../entities/mentions.ts';
import { entityNames, sourceNames, type RegistryEntity } from '../entities/registry.ts';
import { ArticleSourceError, renderArticleBody } from '../render/article.ts';
import { articleEnrichment, multiWordNames, type FindNames, type PageEnrichment, type WordedName } from '../search/enrichment.ts';
import { nameToken } from '../search/name-token.ts';
import { entityUrl } from './urls.ts';

/** What the loader keeps next to an article's HTML (`rendered.metadata`). */
export interface ArticleRenderMetadata {
  /** Entity id → mentions in the article (body, captions, credits, outlet). */
  counts: Map<string, number>;
  /** Entity id → the first sentences naming it. */
  snippets: Map<string, Snippet[]>;
  /** Hidden search fields (null in plain-Pagefind builds, MARSAD_SEARCH_ENRICH=0). */
  search: PageEnrichment | null;
}

export type PreparedArticle =
  | { ok: true; id: string; frontmatter: Record<string, unknown>; html: string; metadata: ArticleRenderMetadata }
  | { ok: false; id: string; line?: number; column?: number; reason: string };

export interface PrepareOptions {
  /** The registry (`loadRegistry`), read once by the loader and handed to every worker. */
  registry: RegistryEntity[];
  /** Compute hidden search fields. */
  enrich: boolean;
}

interface RegistryNames {
  namesById: Map<string, string[]>;
  wordedNames: WordedName[];
  findNames: FindNames;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Prepares the registry's matchers once and returns the function that prepares one article. */
export function articlePreparer({ registry, enrich }: PrepareOptions): (id: string, source: string) => PreparedArticle {
  const ids = new Set(registry.map((e) => e.id));
  const matcher = new EntityMatcher(entityNames(registry));
  const sources = new SourceNameMatcher(sourceNames(registry));
  const findMentions: FindMentions = (value) => matcher.findMentions(value);
  // A credit or an outlet names one agency as a whole ("الأوروبية"), or holds names in running text.
  const findCreditMentions: FindMentions = (value) => {
    const id = sources.entityOf(value);
    return id ? [{ entityId: id, start: 0, end: value.length }] : findMentions(value);
  };
  let names: RegistryNames | undefined;
  if (enrich) {
    const namesById = new Map(registry.map((e) => [e.id, [e.name, ...e.aliases]]));
    const lists = [...namesById.values()];
    const byToken = new EntityMatcher(lists.flat().map((name) => ({ id: nameToken(name), names: [name] })));
    names = { namesById, wordedNames: multiWordNames(lists), findNames: (value) => byToken.findMentions(value) };
  }

  return (id, source) => {
    try {
      const { frontmatter, content } = parseFrontmatter(source, { frontmatter: 'empty-with-lines' });
      const { html, blocks } = renderArticleBody(content, { findMentions, findCreditMentions, hasEntity: (e) => ids.has(e), entityUrl });
      const [title, standfirst, outlet, dateline] = ['title', 'standfirst', 'outlet', 'dateline'].map((k) => text(frontmatter[k]));
      const withOutlet: TextBlock[] = [...blocks];
      if (outlet) {
        // The outlet counts as a mention of the agency it names.
        const label = 'المصدر: ';
        const mentions = findCreditMentions(outlet).map((m) => ({ ...m, start: m.start + label.length, end: m.end + label.length }));
        withOutlet.push({ text: label + outlet, mentions });
      }
      const { counts, snippets } = collectArticleMentions(id, withOutlet);
      let search: PageEnrichment | null = null;
      if (names) {
        const texts = [title!, standfirst!, outlet!, dateline!, ...blocks.map((b) => b.text)];
        const mentioned = [...counts.keys()].map((e) => names.namesById.get(e)).filter((n): n is string[] => n !== undefined);
        search = articleEnrichment(texts, { mentioned, wordedNames: names.wordedNames, findNames: names.findNames });
      }
      return { ok: true, id, frontmatter, html, metadata: { counts, snippets, search } };
    } catch (error) {
      if (error instanceof ArticleSourceError) return { ok: false, id, line: error.line, column: error.column, reason: error.reason };
      return { ok: false, id, reason: (error as Error).message };
    }
  };
}
