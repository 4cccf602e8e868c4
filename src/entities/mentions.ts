/** One occurrence of a registry entity in a text: [start, end) offsets into that text. */
export interface Mention {
  entityId: string;
  start: number;
  end: number;
}

/**
 * Where in an article a mention is. `title` and `body` mentions say what the article is about;
 * the others say where it comes from: the place it was filed from (`dateline`), the agency or
 * outlet it credits (`credit`) and the newspaper that published it (`outlet`).
 */
export const mentionZones = ['title', 'body', 'dateline', 'credit', 'outlet'] as const;
export type MentionZone = (typeof mentionZones)[number];

/** Mentions of one entity in one article, per zone. */
export type ZoneCounts = Partial<Record<MentionZone, number>>;

/** Zones whose mentions make an article about the entity. */
export const ABOUT_ZONES: ReadonlySet<MentionZone> = new Set(['title', 'body']);

/** A sentence quoted on an entity page, with the ranges that name the entity. */
export interface Snippet {
  text: string;
  highlights: [start: number, end: number][];
}

/** What one article says about the registry: mention counts and quoted sentences per entity. */
export interface ArticleMentions {
  articleId: string;
  /** Entity id → number of mentions in the title and body (what the article is about). */
  counts: Map<string, number>;
  /** Entity id → mentions per zone, for every entity the article names anywhere (dateline, credit, outlet too). */
  zones: Map<string, ZoneCounts>;
  /** Entity id → the first sentences that mention it (at most `maxSnippets`). */
  snippets: Map<string, Snippet[]>;
}

/** Finds mentions in a piece of text (the matcher, or a test double). */
export type FindMentions = (text: string) => Mention[];

const SENTENCE_END = /[.!?؟…]+["”»)]*\s+|\n+/g;

/** Splits a paragraph into sentences, keeping offsets: [start, end) pairs. */
export function sentenceRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].trimEnd().length;
    if (end > start) ranges.push([start, end]);
    start = m.index + m[0].length;
  }
  if (start < text.length) ranges.push([start, text.length]);
  return ranges.filter(([s, e]) => text.slice(s, e).trim().length > 0);
}

/** A block of article text (paragraph, heading, caption, title, credit line) with the mentions found in it. */
export interface TextBlock {
  text: string;
  mentions: Mention[];
  /** Where the block is; `body` when not given. */
  zone?: MentionZone;
}

/**
 * Keeps what pages need from one article's mentions: counts per entity (title and body), counts
 * per zone, and up to `maxSnippets` body sentences per entity with the mention ranges marked.
 */
export function collectArticleMentions(articleId: string, blocks: readonly TextBlock[], maxSnippets = 3): ArticleMentions {
  const counts = new Map<string, number>();
  const zones = new Map<string, ZoneCounts>();
  const snippets = new Map<string, Snippet[]>();
  for (const { text: paragraph, mentions, zone = 'body' } of blocks) {
    if (mentions.length === 0) continue;
    const sentences = sentenceRanges(paragraph);
    for (const mention of mentions) {
      const perZone = zones.get(mention.entityId) ?? {};
      zones.set(mention.entityId, perZone);
      perZone[zone] = (perZone[zone] ?? 0) + 1;
      if (!ABOUT_ZONES.has(zone)) continue;
      counts.set(mention.entityId, (counts.get(mention.entityId) ?? 0) + 1);
      if (zone !== 'body') continue;
      const list = snippets.get(mention.entityId) ?? [];
      snippets.set(mention.entityId, list);
      const sentence = sentences.find(([s, e]) => mention.start >= s && mention.start < e) ?? [0, paragraph.length];
      const text = paragraph.slice(sentence[0], sentence[1]);
      const range: [number, number] = [mention.start - sentence[0], Math.min(mention.end, sentence[1]) - sentence[0]];
      const existing = list.find((s) => s.text === text);
      if (existing) existing.highlights.push(range);
      else if (list.length < maxSnippets) list.push({ text, highlights: [range] });
    }
  }
  return { articleId, counts, zones, snippets };
}

/** One article naming an entity, for the entity's page. */
export interface EntityArticle {
  articleId: string;
  /** Mentions in the title and body (0 when the article names the entity only as its dateline, credit or outlet). */
  count: number;
  zones: ZoneCounts;
  snippets: Snippet[];
}

/** A related entity, ranked by how many articles mention both. */
export interface RelatedEntity {
  entityId: string;
  sharedArticles: number;
  /** Sum over shared articles of the smaller of the two mention counts: a tie-breaker. */
  weight: number;
}

/** The reverse index from entities to articles, built once per build. */
export interface MentionIndex {
  byArticle: Map<string, ArticleMentions>;
  /** Entity id → articles that mention it in their title or body, in the order the articles were given (newest first). */
  byEntity: Map<string, EntityArticle[]>;
  /**
   * Entity id → articles that name it only as where they come from (dateline, credit or outlet),
   * newest first: «الرياض» as the place a story was filed from, «واس» as its source, a newspaper
   * as its publisher.
   */
  attributions: Map<string, EntityArticle[]>;
  /** Entities mentioned together with `entityId`, strongest first. */
  related(entityId: string, limit?: number): RelatedEntity[];
}

/** Builds the reverse index and co-occurrence from per-article mentions (in display order). */
export function buildMentionIndex(articles: readonly ArticleMentions[]): MentionIndex {
  const byArticle = new Map<string, ArticleMentions>();
  const byEntity = new Map<string, EntityArticle[]>();
  const attributions = new Map<string, EntityArticle[]>();
  for (const article of articles) {
    byArticle.set(article.articleId, article);
    for (const [entityId, zones] of article.zones) {
      const count = article.counts.get(entityId) ?? 0;
      const target = count > 0 ? byEntity : attributions;
      const list = target.get(entityId) ?? [];
      target.set(entityId, list);
      list.push({ articleId: article.articleId, count, zones, snippets: article.snippets.get(entityId) ?? [] });
    }
  }
  const relatedCache = new Map<string, RelatedEntity[]>();
  function related(entityId: string, limit = 12): RelatedEntity[] {
    let all = relatedCache.get(entityId);
    if (!all) {
      const acc = new Map<string, RelatedEntity>();
      for (const { articleId, count } of byEntity.get(entityId) ?? []) {
        for (const [other, otherCount] of byArticle.get(articleId)!.counts) {
          if (other === entityId) continue;
          const r = acc.get(other) ?? { entityId: other, sharedArticles: 0, weight: 0 };
          r.sharedArticles += 1;
          r.weight += Math.min(count, otherCount);
          acc.set(other, r);
        }
      }
      all = [...acc.values()].sort(
        (a, b) => b.sharedArticles - a.sharedArticles || b.weight - a.weight || a.entityId.localeCompare(b.entityId),
      );
      relatedCache.set(entityId, all);
    }
    return all.slice(0, limit);
  }
  return { byArticle, byEntity, attributions, related };
}
