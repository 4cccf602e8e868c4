/**
 * Everything the article loader computes from one article's MDX, as a pure function of the file
 * and the registry: the HTML (src/render/article.ts), what the article says of each entity (mention
 * counts, quoted sentences) and its hidden search fields. The loader runs it in worker threads
 * (src/site/article-worker.ts) — plain Node, both cores — or in its own thread for a few articles.
 */
import { Linker } from '../entities/linker.ts';
import {
  collectArticleMentions,
  type FindMentions,
  type Mention,
  type Snippet,
  type TextBlock,
  type ZoneCounts,
} from '../entities/mentions.ts';
import type { RegistryEntity } from '../entities/registry.ts';
import { parseCredit } from '../ingest/credits.ts';
import { FrontmatterError, readArticleSource } from '../ingest/mdx.ts';
import { readDateline } from '../ingest/metadata.ts';
import { OUTLETS } from '../ingest/outlets.ts';
import { ArticleSourceError, renderArticleBody } from '../render/article.ts';
import { articleEnrichment } from '../search/enrichment.ts';
import { entityUrl } from '../site-core/urls.ts';

/** What the loader keeps next to an article's HTML (`rendered.metadata`). */
export interface ArticleRenderMetadata {
  /** Entity id → mentions in the article's title and body (captions included): what it is about. */
  counts: Map<string, number>;
  /** Entity id → mentions per zone (title, body, dateline, credit, outlet), for every entity the article names. */
  zones: Map<string, ZoneCounts>;
  /** Entity id → the first sentences naming it. */
  snippets: Map<string, Snippet[]>;
  /**
   * Hidden search fields (a `PageEnrichment`) as one JSON string: a few hundred words per article
   * that the content store then keeps as one value, not one per word (null in plain-Pagefind
   * builds, MARSAD_SEARCH_ENRICH=0).
   */
  search: string | null;
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
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Prepares the registry's matchers once and returns the function that prepares one article. */
export function articlePreparer({ registry, enrich }: PrepareOptions): (id: string, source: string) => PreparedArticle {
  const ids = new Set(registry.map((e) => e.id));
  const types = new Map(registry.map((e) => [e.id, e.type]));
  const linker = new Linker(registry, { outlets: OUTLETS.map((o) => [o.name, ...o.aliases]) });
  let names: RegistryNames | undefined;
  if (enrich) {
    names = { namesById: new Map(registry.map((e) => [e.id, [e.name, ...e.aliases]])) };
  }

  return (id, source) => {
    try {
      // The body keeps the file's line numbers, for the errors below.
      const { data: frontmatter, body: content } = readArticleSource(source);
      const [title, standfirst, outlet, dateline, byline] = ['title', 'standfirst', 'outlet', 'dateline', 'byline'].map((k) =>
        text(frontmatter[k]),
      ) as [string, string, string, string, string];
      const ownOutlet = outlet ? (linker.outletEntity(outlet) ?? linker.creditEntity(outlet)) : undefined;
      const findMentions = linker.finder({ title, body: `${standfirst}\n${content.replace(/\\(.)/g, '$1')}`, outlet: ownOutlet });
      // A photo credit names agencies or outlets, whole or among other parts ("تصوير: أحمد - واس").
      const findCreditMentions: FindMentions = (value) => creditMentions(linker, value, ownOutlet);
      const { html, blocks } = renderArticleBody(content, { findMentions, findCreditMentions, hasEntity: (e) => ids.has(e), entityUrl });
      const zoned: TextBlock[] = [{ text: title, mentions: findMentions(title), zone: 'title' }];
      if (standfirst) zoned.push({ text: standfirst, mentions: findMentions(standfirst), zone: 'body' });
      const filed: TextBlock[] = [];
      if (dateline) filed.push({ text: dateline, mentions: linker.datelineMentions(dateline), zone: 'dateline' });
      if (byline) filed.push({ text: byline, mentions: bylineCredits(linker, byline, ownOutlet), zone: 'credit' });
      const named = new Set(filed.flatMap((b) => b.mentions.map((m) => m.entityId)));
      const body = splitCreditPrefix(blocks, linker, ownOutlet, named);
      zoned.push(...body, ...filed);
      // The newspaper that published the article, through the outlet table: never a place.
      if (outlet)
        zoned.push({ text: outlet, mentions: ownOutlet ? [{ entityId: ownOutlet, start: 0, end: outlet.length }] : [], zone: 'outlet' });
      const { counts, zones, snippets } = collectArticleMentions(id, zoned);
      let search: string | null = null;
      if (names) {
        // The article's own words: not its outlet's or dateline's name, which would make every
        // article of «الرياض» or filed from Riyadh answer a search for the city.
        const texts = [title, standfirst, ...blocks.filter((b) => (b.zone ?? 'body') === 'body').map((b) => b.text)];
        const namesOf = (ids: Iterable<string>) =>
          [...new Set(ids)].map((e) => names.namesById.get(e)).filter((n): n is string[] => n !== undefined);
        // What the article is about (title and body), and the outlets and agencies it comes from: a
        // search for «كردستان 24» finds that outlet's articles, one for «الرياض» not every article
        // filed from the city (a dateline makes no article about a place).
        const sources = [...zones].filter(([e, z]) => (z.outlet || z.credit) && types.get(e) === 'organization').map(([e]) => e);
        // The lead: headline, standfirst and first paragraph.
        const firstParagraph = body.find((b) => (b.zone ?? 'body') === 'body' && b.text.trim());
        const leadBlocks = [zoned[0]!, ...(standfirst ? [zoned[1]!] : []), ...(firstParagraph ? [firstParagraph] : [])];
        search = JSON.stringify(
          articleEnrichment(texts, {
            mentioned: namesOf([...counts.keys(), ...sources]),
            lead: namesOf(leadBlocks.flatMap((b) => b.mentions.map((m) => m.entityId))),
            many: namesOf([...counts].filter(([, n]) => n >= 3).map(([e]) => e)),
          }),
        );
      }
      return { ok: true, id, frontmatter, html, metadata: { counts, zones, snippets, search } };
    } catch (error) {
      if (error instanceof ArticleSourceError || error instanceof FrontmatterError)
        return { ok: false, id, line: error.line, column: error.column, reason: error.reason };
      return { ok: false, id, reason: (error as Error).message };
    }
  };
}

/** Separators between the parts of a credit ("تصوير: أحمد - واس", "رويترز / أ ف ب"). */
const CREDIT_PARTS = /\s*(?:[-–—|/،,:()]|\s+ـ+\s*)\s*/;

/** Agencies and outlets a photo credit names: the whole credit, else each of its parts. */
function creditMentions(linker: Linker, value: string, ownOutlet: string | undefined): Mention[] {
  const whole = linker.creditEntity(value, ownOutlet);
  if (whole) return [{ entityId: whole, start: 0, end: value.length }];
  const out: Mention[] = [];
  let offset = 0;
  for (const part of value.split(CREDIT_PARTS)) {
    const start = value.indexOf(part, offset);
    offset = start + part.length;
    const entityId = part.trim() ? linker.creditEntity(part, ownOutlet) : undefined;
    if (entityId && !out.some((m) => m.entityId === entityId)) out.push({ entityId, start, end: start + part.length });
  }
  return out;
}

/**
 * The agencies and outlets a printed credit line names ("واس- بروكسل", "لندن: «الشرق الأوسط»",
 * "الوئام - يو بي اي"), read as ingest reads credit lines: a place there is the dateline, never
 * the newspaper of the same name.
 */
function bylineCredits(linker: Linker, byline: string, ownOutlet: string | undefined): Mention[] {
  const credit = parseCredit(byline, false);
  if (!credit) return [];
  const names = [...(credit.agencies ?? []), ...(credit.outlet ? [credit.outlet] : [])];
  const out: Mention[] = [];
  for (const name of names) {
    const entityId = linker.creditEntity(name, ownOutlet) ?? linker.outletEntity(name);
    if (!entityId || out.some((m) => m.entityId === entityId)) continue;
    const start = Math.max(0, byline.indexOf(name));
    out.push({ entityId, start, end: start + name.length });
  }
  return out;
}

/**
 * Some outlets keep the credit line at the head of the first paragraph ("سبق- أبها: أعلن …",
 * "عبدالله الراجحي- سبق- جدة: …"): the names in it are the dateline and the credit, not the body,
 * and count once with the byline's (`named`).
 */
function splitCreditPrefix(blocks: TextBlock[], linker: Linker, ownOutlet: string | undefined, named: ReadonlySet<string>): TextBlock[] {
  const first = blocks.findIndex((b) => (b.zone ?? 'body') === 'body');
  const block = blocks[first];
  const dateline = block ? readDateline(block.text) : null;
  if (!block || !dateline) return blocks;
  const prefix = block.text.slice(0, dateline.length);
  const rest: TextBlock = {
    text: block.text.slice(dateline.length),
    mentions: block.mentions
      .filter((m) => m.start >= dateline.length)
      .map((m) => ({ ...m, start: m.start - dateline.length, end: m.end - dateline.length })),
  };
  return [
    ...blocks.slice(0, first),
    // The same line as the byline most often: each name counts once.
    { text: prefix, mentions: linker.datelineMentions(prefix).filter((m) => !named.has(m.entityId)), zone: 'dateline' },
    {
      text: prefix,
      mentions: bylineCredits(linker, prefix.replace(/[:：]\s*$/, ''), ownOutlet).filter((m) => !named.has(m.entityId)),
      zone: 'credit',
    },
    rest,
    ...blocks.slice(first + 1),
  ];
}
