/**
 * Related stories: for one article, the few others that share the most specific entities with it.
 *
 * - **Weight.** A shared entity counts its inverse document frequency, log(N / articles naming
 *   it), so a person two articles name weighs far more than a country half the archive names (and
 *   an entity every article names weighs nothing); ×`titleBonus` when both headlines name it. Only
 *   title and body mentions count (the mention index's `byEntity`): a dateline, a credit or an
 *   outlet says where a story comes from, not what it is about.
 * - **Enough evidence.** A story is related when its shared weight reaches that of one entity
 *   named by `specificShare` of the archive (at least by `specificFloor` articles, so that a small
 *   archive's stories relate at all): at scale, sharing only «السعودية» or «الرياض» relates
 *   nothing; sharing one person, or two less common places, does.
 * - **Bounded cost.** Candidates are gathered through at most `maxEntities` of the article's
 *   entities — the most specific of those another article names too — and through each only the
 *   `perEntity` articles nearest in time to it (an entity's articles are in date order; a binary
 *   search finds the article among them). At most `maxEntities × perEntity` candidates are
 *   scored, whatever the archive's size; each is scored exactly, over every entity the two share.
 * - **Order.** Score, then nearness in time (same-period stories first), then the archive's order
 *   (the newer first): deterministic.
 * - **Not related.** The article itself, and any story with the same headline (the same wire story
 *   in another outlet, or a repeat): it shows one story per headline.
 */
import { normalizeArabic } from '../arabic/index.ts';
import type { ArticleMentions, EntityArticle } from './mentions.ts';

/** An article as the ranking sees it, besides its entities. */
export interface RelatedArticleInfo {
  id: string;
  title: string;
  published?: Date | null | undefined;
}

/** What related stories are computed from: plain maps, such as the mention index's. */
export interface RelatedSource {
  /** Every article, in the archive's order (newest first): the order of each `byEntity` list. */
  articles: readonly RelatedArticleInfo[];
  /** Article id → entities its title and body name, and in which zones. */
  byArticle: ReadonlyMap<string, Pick<ArticleMentions, 'counts' | 'zones'>>;
  /** Entity id → the articles whose title or body names it, in the archive's order. */
  byEntity: ReadonlyMap<string, readonly Pick<EntityArticle, 'articleId'>[]>;
}

export interface RelatedOptions {
  /** Stories to show. */
  limit?: number;
  /** Articles taken as candidates through one entity: those nearest in time to the article. */
  perEntity?: number;
  /** Entities candidates are gathered through: the article's most specific. */
  maxEntities?: number;
  /** A story is related when it shares as much weight as one entity named by this share of the archive… */
  specificShare?: number;
  /** …or by this many articles, whichever is more. */
  specificFloor?: number;
  /** The weight a story must share to be related, instead of the two options above. */
  minScore?: number;
  /** Weight factor of an entity both headlines name. */
  titleBonus?: number;
}

export const RELATED_DEFAULTS = {
  limit: 5,
  perEntity: 40,
  maxEntities: 12,
  specificShare: 0.02,
  specificFloor: 10,
  titleBonus: 1.5,
} as const satisfies RelatedOptions;

/** One related story. */
export interface RelatedStory {
  articleId: string;
  score: number;
  /** The entities the two articles share, heaviest first. */
  shared: string[];
}

export interface RelatedResult {
  stories: RelatedStory[];
  /** Distinct candidate articles scored (bounded by `maxEntities × perEntity`). */
  examined: number;
}

/** A headline as compared for duplicates: normalized letters and digits, single spaces. */
export function headlineKey(title: string): string {
  return normalizeArabic(title)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Prepares what every article's ranking shares once — ranks, times, headline keys, entity weights,
 * each entity's articles and each article's entities as arrays of numbers — in time and memory
 * linear in the mention index, and returns the function that ranks one article's related stories.
 */
export function relatedStories(source: RelatedSource, options: RelatedOptions = {}): (articleId: string) => RelatedResult {
  const { limit, perEntity, maxEntities, specificShare, specificFloor, titleBonus } = { ...RELATED_DEFAULTS, ...options };
  const total = source.articles.length;
  const rank = new Map<string, number>();
  const times = new Float64Array(total);
  /** Article rank → a number per distinct headline key. */
  const headlines = new Int32Array(total);
  const headlineNumbers = new Map<string, number>();
  for (const [i, a] of source.articles.entries()) {
    rank.set(a.id, i);
    times[i] = a.published?.getTime() ?? Number.NaN;
    const key = headlineKey(a.title);
    let h = headlineNumbers.get(key);
    if (h === undefined) headlineNumbers.set(key, (h = headlineNumbers.size));
    headlines[i] = h;
  }
  const minScore = options.minScore ?? Math.log(total / Math.max(1, specificFloor, specificShare * total));

  // Entities as numbers (in id order, so that ties and sums come out the same at every build).
  const entityIds = [...source.byEntity.keys()].sort();
  const entityNumber = new Map(entityIds.map((e, n) => [e, n]));
  /** Entity → ranks of the articles naming it, in the archive's order (ascending). */
  const ranksOf = entityIds.map((e) => Int32Array.from(source.byEntity.get(e)!, (a) => rank.get(a.articleId) ?? -1).filter((r) => r >= 0));
  const weights = Float64Array.from(ranksOf, (ranks) => (ranks.length > 0 ? Math.log(total / ranks.length) : 0));
  /** Article rank → the entities its title or body names, ascending, and whether its title names each. */
  const entitiesOf: Int32Array[] = [];
  const titledOf: Uint8Array[] = [];
  for (const a of source.articles) {
    const mentions = source.byArticle.get(a.id);
    const numbers = [...(mentions?.counts.keys() ?? [])].map((e) => entityNumber.get(e)).filter((n): n is number => n !== undefined);
    const sorted = Int32Array.from(numbers).sort();
    entitiesOf.push(sorted);
    titledOf.push(Uint8Array.from(sorted, (n) => ((mentions!.zones.get(entityIds[n]!)?.title ?? 0) > 0 ? 1 : 0)));
  }

  // Scratch space reused by every call: the article's weight and title flag per entity, and a
  // stamp per article that marks it a candidate of the current call.
  const ownWeight = new Float64Array(entityIds.length);
  const ownTitled = new Uint8Array(entityIds.length);
  const stamp = new Int32Array(total);
  let call = 0;
  const distance = (a: number, b: number): number => (Number.isNaN(a) || Number.isNaN(b) ? Number.POSITIVE_INFINITY : Math.abs(a - b));

  /** The position of rank `r` in an entity's ascending ranks (which hold it). */
  function positionIn(ranks: Int32Array, r: number): number {
    let lo = 0;
    let hi = ranks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ranks[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The weight two articles share: sums run in entity order, so equal sets give equal scores. */
  function sharedWeight(r: number): number {
    const entities = entitiesOf[r]!;
    const titled = titledOf[r]!;
    let score = 0;
    for (let i = 0; i < entities.length; i++) {
      const n = entities[i]!;
      const w = ownWeight[n]!;
      if (w > 0) score += ownTitled[n] && titled[i] ? w * titleBonus : w;
    }
    return score;
  }

  return (articleId) => {
    const own = rank.get(articleId);
    if (own === undefined) return { stories: [], examined: 0 };
    const time = times[own]!;
    // Entities other articles name too, and not every article.
    const ownEntities = [...entitiesOf[own]!].filter((n) => weights[n]! > 0 && ranksOf[n]!.length > 1);
    for (const [i, n] of entitiesOf[own]!.entries()) {
      ownWeight[n] = weights[n]!;
      ownTitled[n] = titledOf[own]![i]!;
    }
    call++;
    stamp[own] = call;

    // Gather: through each of the most specific entities, the articles nearest in time.
    const candidates: number[] = [];
    const gatherThrough = [...ownEntities].sort((a, b) => weights[b]! - weights[a]! || a - b).slice(0, maxEntities);
    for (const n of gatherThrough) {
      const ranks = ranksOf[n]!;
      const at = positionIn(ranks, own);
      let before = at - 1;
      let after = at + 1;
      for (let taken = 0; taken < perEntity && (before >= 0 || after < ranks.length); taken++) {
        const older = after < ranks.length ? ranks[after]! : -1;
        const newer = before >= 0 ? ranks[before]! : -1;
        // The nearer in time; the newer on a tie.
        const takeNewer = newer >= 0 && (older < 0 || distance(times[newer]!, time) <= distance(times[older]!, time));
        const r = takeNewer ? newer : older;
        if (takeNewer) before--;
        else after++;
        if (stamp[r] === call) continue;
        stamp[r] = call;
        candidates.push(r);
      }
    }

    // Score each candidate over every entity the two share.
    const ownHeadline = headlines[own]!;
    const scored: { r: number; score: number; gap: number }[] = [];
    for (const r of candidates) {
      if (headlines[r] === ownHeadline) continue;
      const score = sharedWeight(r);
      if (score >= minScore - 1e-9) scored.push({ r, score, gap: distance(times[r]!, time) });
    }
    scored.sort((a, b) => b.score - a.score || a.gap - b.gap || a.r - b.r);

    // One story per headline.
    const stories: RelatedStory[] = [];
    const seen = new Set<number>();
    for (const { r, score } of scored) {
      if (seen.has(headlines[r]!)) continue;
      seen.add(headlines[r]!);
      const shared = [...entitiesOf[r]!.entries()]
        .filter(([, n]) => ownWeight[n]! > 0)
        .map(([i, n]) => ({ n, w: ownTitled[n] && titledOf[r]![i] ? weights[n]! * titleBonus : weights[n]! }))
        .sort((a, b) => b.w - a.w || a.n - b.n);
      stories.push({ articleId: source.articles[r]!.id, score, shared: shared.map((x) => entityIds[x.n]!) });
      if (stories.length >= limit) break;
    }
    for (const n of entitiesOf[own]!) {
      ownWeight[n] = 0;
      ownTitled[n] = 0;
    }
    return { stories, examined: candidates.length };
  };
}
