/**
 * Renders an article's MDX body to HTML, in one pass over the tree Sätteri (the MDX compiler
 * @astrojs/mdx uses) parses:
 * - Arabic quotation marks «…» for paired straight quotes;
 * - the first mention of each registry entity in running text linked to its page (Wikipedia's
 *   rule; headings, captions, code and existing links are not linked);
 * - Latin-script runs isolated in `<bdi dir="ltr">`;
 * - the editor components `<Caption credit>`, `<NoLink>` and `<EntityLink id>`;
 * and returns, with the HTML, the article's blocks of text with every entity mention in them,
 * for the mention index — the same text nodes the links come from, so they always agree.
 *
 * Articles are data, never code: JavaScript expressions, `import`/`export`, unknown components,
 * HTML tags outside a short list of inline ones and `javascript:` URLs are errors with a line and
 * column, not something to evaluate. (The content loader, `src/site/article-loader.ts`, renders
 * every article once per change and keeps the result in Astro's content store.)
 */
import { toHtml } from 'hast-util-to-html';
import type { Element, ElementContent, Root, Text } from 'hast';
import { mdxToHast, type Features } from 'satteri';
import type { FindMentions, Mention, TextBlock } from '../entities/mentions.ts';
import { splitLatinRuns } from './bidi.ts';
import { arabicQuotes } from './quotes.ts';

/** MDX components editors use (see docs/editing.md). */
export const CAPTION = 'Caption';
export const NO_LINK = 'NoLink';
export const ENTITY_LINK = 'EntityLink';

/** Inline HTML an editor may write in MDX, and the attributes it may carry. */
const INLINE_HTML = new Set(['b', 'strong', 'i', 'em', 'u', 's', 'sub', 'sup', 'small', 'mark', 'abbr', 'q', 'cite', 'br', 'span']);
const INLINE_HTML_ATTRIBUTES = new Set(['title', 'lang', 'dir']);

/** Elements that start a new block of text (for the mention index's sentences). */
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'figcaption', 'blockquote']);
/** Text under these is never auto-linked. */
const NO_AUTO_LINK = new Set(['a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre', 'figcaption']);
/** Text under these is left exactly as written (no quotes, no bidi isolation, no mentions). */
const VERBATIM = new Set(['code', 'pre']);

/** Markdown features: as Astro's MDX (GFM on, no SmartyPants — it would turn Arabic quotes English). */
export const ARTICLE_FEATURES: Features = {
  gfm: { footnotes: { label: 'الحواشي', backLabel: 'العودة إلى الإحالة {reference}' } },
  smartPunctuation: false,
};

/** A problem in an article's MDX, at a line and column of the body. */
export class ArticleSourceError extends Error {
  readonly reason: string;
  readonly line?: number;
  readonly column?: number;
  constructor(reason: string, line?: number, column?: number) {
    super(line ? `${line}:${column ?? 1}: ${reason}` : reason);
    this.name = 'ArticleSourceError';
    this.reason = reason;
    this.line = line;
    this.column = column;
  }
}

export interface ArticleRenderOptions {
  /** Mentions in running text. */
  findMentions: FindMentions;
  /** Mentions in a photo credit (agencies sign with names of their own); default `findMentions`. */
  findCreditMentions?: FindMentions;
  /** Whether the registry has this entity (for `<EntityLink id>`). */
  hasEntity: (id: string) => boolean;
  /** The page of an entity. */
  entityUrl: (id: string) => string;
}

export interface RenderedArticle {
  html: string;
  /** The article's blocks of text (paragraphs, headings, captions, credits) with their mentions. */
  blocks: TextBlock[];
}

/** The nodes Sätteri's MDX tree holds (hast plus MDX's own). */
export interface SourceNode {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: string;
  properties?: Record<string, unknown>;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: SourceNode[];
  position?: { start: { line: number; column: number } };
}

type Mode = 'match' | 'plain' | { forced: string };

interface Scope {
  mode: Mode;
  /** Mentions found here may become links. */
  link: boolean;
  verbatim: boolean;
}

const SAFE_URL = /^(?:https?:|mailto:|tel:|[/#?.]|[^:/?#]*(?:[/?#]|$))/i;

function fail(node: SourceNode, reason: string): never {
  throw new ArticleSourceError(reason, node.position?.start.line, node.position?.start.column);
}

/** A JSX attribute's string value; expressions are not allowed. */
function stringAttribute(node: SourceNode, attr: { type: string; name?: string; value?: unknown }): string {
  if (attr.type !== 'mdxJsxAttribute' || !attr.name) fail(node, `<${node.name}>: spread attributes ({...}) are not allowed in articles`);
  if (attr.value === null || attr.value === undefined) return '';
  if (typeof attr.value !== 'string') fail(node, `<${node.name} ${attr.name}={…}>: attribute values must be quoted text, not expressions`);
  return attr.value;
}

function attributesOf(node: SourceNode, allowed: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const attr of node.attributes ?? []) {
    const value = stringAttribute(node, attr);
    if (!allowed.has(attr.name!))
      fail(node, `<${node.name}> has no attribute "${attr.name}" (allowed: ${[...allowed].join(', ') || 'none'})`);
    out.set(attr.name!, value);
  }
  return out;
}

/** An MDX comment `{/* … *\/}` is the one expression articles may hold; it renders nothing. */
function isComment(expression: string): boolean {
  return /^\s*\/\*[\s\S]*\*\/\s*$/.test(expression);
}

export function renderArticleBody(body: string, options: ArticleRenderOptions): RenderedArticle {
  const renderer = new BodyRenderer(options);
  const root: Root = { type: 'root', children: renderer.children(parseArticleMdx(body), { mode: 'match', link: true, verbatim: false }) };
  return { html: toHtml(root), blocks: renderer.finish() };
}

/** The tree Sätteri parses an article body into; its syntax errors as `ArticleSourceError`s. */
export function parseArticleMdx(body: string): SourceNode {
  try {
    return mdxToHast(body, { features: ARTICLE_FEATURES, position: true }) as SourceNode;
  } catch (error) {
    const m = /^(\d+):(\d+): (.*)$/s.exec((error as Error).message);
    throw m ? new ArticleSourceError(m[3]!, Number(m[1]), Number(m[2])) : new ArticleSourceError((error as Error).message);
  }
}

/** Text with its Latin-script runs in `<bdi dir="ltr">` (`verbatim`: as it is). */
export function isolateLatin(value: string, verbatim = false): ElementContent[] {
  if (verbatim) return [{ type: 'text', value }];
  return splitLatinRuns(value).map((s) =>
    s.ltr
      ? ({ type: 'element', tagName: 'bdi', properties: { dir: 'ltr' }, children: [{ type: 'text', value: s.text }] } satisfies Element)
      : ({ type: 'text', value: s.text } satisfies Text),
  );
}

/**
 * `value` cut where its mentions of entities not in `linked` are, each such entity's first
 * mention a piece with its `entityId` (and added to `linked`): Wikipedia's rule of one link per
 * entity, the first time the article names it.
 */
export function firstMentions(value: string, mentions: readonly Mention[], linked: Set<string>): { text: string; entityId?: string }[] {
  const pieces: { text: string; entityId?: string }[] = [];
  let last = 0;
  for (const m of mentions) {
    if (linked.has(m.entityId)) continue;
    linked.add(m.entityId);
    if (m.start > last) pieces.push({ text: value.slice(last, m.start) });
    pieces.push({ text: value.slice(m.start, m.end), entityId: m.entityId });
    last = m.end;
  }
  if (last < value.length) pieces.push({ text: value.slice(last) });
  return pieces;
}

/**
 * An article's blocks of text as they are rendered: text joins the open block, a block element
 * or component closes it, and a blank block is dropped. Mentions are placed in the open block.
 */
export class TextBlocks {
  readonly blocks: TextBlock[] = [];
  private current: TextBlock | undefined;

  /** Adds text to the open block and returns where it starts in it; null for blank text with no block open. */
  append(value: string): number | null {
    if (!this.current) {
      if (!value.trim()) return null;
      this.current = { text: '', mentions: [] };
    }
    const offset = this.current.text.length;
    this.current.text += value;
    return offset;
  }

  /** A mention in the open block. */
  mention(mention: Mention): void {
    this.current?.mentions.push(mention);
  }

  /** A block of its own (a photo credit), before the open one. */
  add(block: TextBlock): void {
    this.blocks.push(block);
  }

  close(): void {
    if (this.current?.text.trim()) this.blocks.push(this.current);
    this.current = undefined;
  }
}

/** One article body's rendering: the HTML tree, its blocks of text, and the entities linked so far. */
class BodyRenderer {
  private readonly options: ArticleRenderOptions;
  private readonly findCredit: FindMentions;
  private readonly text = new TextBlocks();
  private readonly linked = new Set<string>();

  constructor(options: ArticleRenderOptions) {
    this.options = options;
    this.findCredit = options.findCreditMentions ?? options.findMentions;
  }

  /** The blocks of text, once the whole body is rendered. */
  finish(): TextBlock[] {
    this.text.close();
    return this.text.blocks;
  }

  children(node: SourceNode, scope: Scope): ElementContent[] {
    return (node.children ?? []).flatMap((c) => this.convert(c, scope));
  }

  private convert(node: SourceNode, scope: Scope): ElementContent[] {
    switch (node.type) {
      case 'text':
        return this.textNode(node.value ?? '', scope);
      case 'comment':
        return [];
      case 'mdxjsEsm':
        return fail(node, '`import` and `export` are not allowed in articles (write \\import at the start of a line to show the word)');
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (isComment(node.value ?? '')) return [];
        return fail(
          node,
          `{${(node.value ?? '').slice(0, 40)}}: JavaScript expressions are not allowed in articles (write \\{ to show a brace)`,
        );
      case 'element':
        return [this.element(node, scope)];
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        return this.component(node, scope);
      case 'raw':
        return fail(node, 'raw HTML is not allowed in articles');
      default:
        return this.children(node, scope);
    }
  }

  private textNode(raw: string, scope: Scope): ElementContent[] {
    const value = scope.verbatim ? raw : arabicQuotes(raw);
    const offset = this.text.append(value);
    if (offset === null || scope.mode === 'plain' || scope.verbatim) return isolateLatin(value, scope.verbatim);
    if (typeof scope.mode === 'object') {
      this.text.mention({ entityId: scope.mode.forced, start: offset, end: offset + value.length });
      return isolateLatin(value, scope.verbatim);
    }
    const mentions = this.options.findMentions(value);
    for (const m of mentions) this.text.mention(shift(m, offset));
    if (!scope.link) return isolateLatin(value, scope.verbatim);
    return firstMentions(value, mentions, this.linked).flatMap((piece) =>
      piece.entityId
        ? [this.entityLink(piece.entityId, isolateLatin(piece.text, scope.verbatim))]
        : isolateLatin(piece.text, scope.verbatim),
    );
  }

  private entityLink(id: string, children: ElementContent[]): Element {
    return {
      type: 'element',
      tagName: 'a',
      properties: { href: this.options.entityUrl(id), className: ['entity-link'], dataEntity: id },
      children,
    };
  }

  private element(node: SourceNode, scope: Scope): Element {
    const tagName = node.tagName!;
    const properties = { ...(node.properties ?? {}) } as Element['properties'];
    for (const key of ['href', 'src'] as const) {
      const url = properties[key];
      if (typeof url === 'string' && !SAFE_URL.test(url.trim()))
        fail(node, `unsafe URL "${url.slice(0, 60)}" (only http, https, mailto, tel and relative links)`);
    }
    const block = BLOCKS.has(tagName);
    if (block) this.text.close();
    const inner = this.children(node, {
      mode: VERBATIM.has(tagName) ? 'plain' : scope.mode,
      link: scope.link && !NO_AUTO_LINK.has(tagName),
      verbatim: scope.verbatim || VERBATIM.has(tagName),
    });
    if (block) this.text.close();
    return { type: 'element', tagName, properties, children: inner };
  }

  private component(node: SourceNode, scope: Scope): ElementContent[] {
    const name = node.name;
    if (!name) fail(node, 'fragments (<>…</>) are not allowed in articles');
    const flow = node.type === 'mdxJsxFlowElement';
    if (flow) this.text.close();
    let out: ElementContent[];
    if (name === CAPTION) {
      out = [this.caption(node, scope)];
    } else if (name === NO_LINK) {
      attributesOf(node, new Set());
      out = this.children(node, { ...scope, mode: 'plain', link: false });
    } else if (name === ENTITY_LINK) {
      const id = attributesOf(node, new Set(['id'])).get('id');
      if (!id) fail(node, '<EntityLink> needs an id: <EntityLink id="entity-id">…</EntityLink>');
      if (!this.options.hasEntity(id)) fail(node, `<EntityLink id="${id}">: no entity with this id in the registry`);
      this.linked.add(id);
      out = [this.entityLink(id, this.children(node, { ...scope, mode: { forced: id }, link: false }))];
    } else if (INLINE_HTML.has(name)) {
      const attributes = attributesOf(node, INLINE_HTML_ATTRIBUTES);
      out = [{ type: 'element', tagName: name, properties: Object.fromEntries(attributes), children: this.children(node, scope) }];
    } else {
      fail(
        node,
        /^[a-z]/.test(name)
          ? `<${name}> is not allowed in articles (inline HTML allowed: ${[...INLINE_HTML].join(', ')})`
          : `unknown component <${name}> (articles may use <${CAPTION}>, <${NO_LINK}> and <${ENTITY_LINK}>)`,
      );
    }
    if (flow) this.text.close();
    return out;
  }

  /** `<Caption credit="…">text</Caption>`: a figure with its caption, the credit a block of its own. */
  private caption(node: SourceNode, scope: Scope): Element {
    const credit = attributesOf(node, new Set(['credit']))
      .get('credit')
      ?.trim();
    if (credit) this.text.add({ text: credit, mentions: scope.mode === 'match' ? this.findCredit(credit) : [], zone: 'credit' });
    const inner = this.children(node, { ...scope, link: false });
    this.text.close();
    if (credit) {
      inner.push({ type: 'text', value: ' ' });
      inner.push({
        type: 'element',
        tagName: 'small',
        properties: { className: ['caption-credit'] },
        children: [{ type: 'text', value: '(تصوير: ' }, ...isolateLatin(credit, scope.verbatim), { type: 'text', value: ')' }],
      });
    }
    return {
      type: 'element',
      tagName: 'figure',
      properties: { className: ['caption', 'not-prose'] },
      children: [{ type: 'element', tagName: 'figcaption', properties: {}, children: inner }],
    };
  }
}

function shift(m: Mention, offset: number): Mention {
  return { entityId: m.entityId, start: m.start + offset, end: m.end + offset };
}
