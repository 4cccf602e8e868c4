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
interface SourceNode {
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
    if (!allowed.has(attr.name!)) fail(node, `<${node.name}> has no attribute "${attr.name}" (allowed: ${[...allowed].join(', ') || 'none'})`);
    out.set(attr.name!, value);
  }
  return out;
}

/** An MDX comment `{/* … *\/}` is the one expression articles may hold; it renders nothing. */
function isComment(expression: string): boolean {
  return /^\s*\/\*[\s\S]*\*\/\s*$/.test(expression);
}

export function renderArticleBody(body: string, options: ArticleRenderOptions): RenderedArticle {
  const findCredit = options.findCreditMentions ?? options.findMentions;
  const blocks: TextBlock[] = [];
  const linked = new Set<string>();
  let current: TextBlock | undefined;

  const flush = () => {
    if (current?.text.trim()) blocks.push(current);
    current = undefined;
  };

  /** Text with Latin runs isolated. */
  const isolated = (value: string, scope: Scope): ElementContent[] => {
    if (scope.verbatim) return [{ type: 'text', value }];
    return splitLatinRuns(value).map((s) =>
      s.ltr
        ? ({ type: 'element', tagName: 'bdi', properties: { dir: 'ltr' }, children: [{ type: 'text', value: s.text }] } satisfies Element)
        : ({ type: 'text', value: s.text } satisfies Text),
    );
  };

  const entityLink = (id: string, children: ElementContent[]): Element => ({
    type: 'element',
    tagName: 'a',
    properties: { href: options.entityUrl(id), className: ['entity-link'], dataEntity: id },
    children,
  });

  const text = (raw: string, scope: Scope): ElementContent[] => {
    const value = scope.verbatim ? raw : arabicQuotes(raw);
    if (!current) {
      if (!value.trim()) return isolated(value, scope);
      current = { text: '', mentions: [] };
    }
    const offset = current.text.length;
    current.text += value;
    if (scope.mode === 'plain' || scope.verbatim) return isolated(value, scope);
    if (typeof scope.mode === 'object') {
      current.mentions.push({ entityId: scope.mode.forced, start: offset, end: offset + value.length });
      return isolated(value, scope);
    }
    const mentions = options.findMentions(value);
    for (const m of mentions) current.mentions.push(shift(m, offset));
    if (!scope.link) return isolated(value, scope);
    const out: ElementContent[] = [];
    let last = 0;
    for (const m of mentions) {
      if (linked.has(m.entityId)) continue;
      linked.add(m.entityId);
      if (m.start > last) out.push(...isolated(value.slice(last, m.start), scope));
      out.push(entityLink(m.entityId, isolated(value.slice(m.start, m.end), scope)));
      last = m.end;
    }
    if (last < value.length) out.push(...isolated(value.slice(last), scope));
    return out;
  };

  const children = (node: SourceNode, scope: Scope): ElementContent[] => (node.children ?? []).flatMap((c) => convert(c, scope));

  const convert = (node: SourceNode, scope: Scope): ElementContent[] => {
    switch (node.type) {
      case 'text':
        return text(node.value ?? '', scope);
      case 'comment':
        return [];
      case 'mdxjsEsm':
        return fail(node, '`import` and `export` are not allowed in articles (write \\import at the start of a line to show the word)');
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (isComment(node.value ?? '')) return [];
        return fail(node, `{${(node.value ?? '').slice(0, 40)}}: JavaScript expressions are not allowed in articles (write \\{ to show a brace)`);
      case 'element':
        return [element(node, scope)];
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        return component(node, scope);
      case 'raw':
        return fail(node, 'raw HTML is not allowed in articles');
      default:
        return children(node, scope);
    }
  };

  const element = (node: SourceNode, scope: Scope): Element => {
    const tagName = node.tagName!;
    const properties = { ...(node.properties ?? {}) } as Element['properties'];
    for (const key of ['href', 'src'] as const) {
      const url = properties[key];
      if (typeof url === 'string' && !SAFE_URL.test(url.trim())) fail(node, `unsafe URL "${url.slice(0, 60)}" (only http, https, mailto, tel and relative links)`);
    }
    const block = BLOCKS.has(tagName);
    if (block) flush();
    const inner = children(node, {
      mode: VERBATIM.has(tagName) ? 'plain' : scope.mode,
      link: scope.link && !NO_AUTO_LINK.has(tagName),
      verbatim: scope.verbatim || VERBATIM.has(tagName),
    });
    if (block) flush();
    return { type: 'element', tagName, properties, children: inner };
  };

  const component = (node: SourceNode, scope: Scope): ElementContent[] => {
    const name = node.name;
    if (!name) fail(node, 'fragments (<>…</>) are not allowed in articles');
    const flow = node.type === 'mdxJsxFlowElement';
    if (flow) flush();
    let out: ElementContent[];
    if (name === CAPTION) {
      const credit = attributesOf(node, new Set(['credit'])).get('credit')?.trim();
      if (credit) blocks.push({ text: credit, mentions: scope.mode === 'match' ? findCredit(credit) : [], zone: 'credit' });
      const inner = children(node, { ...scope, link: false });
      flush();
      if (credit) {
        inner.push({ type: 'text', value: ' ' });
        inner.push({
          type: 'element',
          tagName: 'small',
          properties: { className: ['caption-credit'] },
          children: [{ type: 'text', value: '(تصوير: ' }, ...isolated(credit, scope), { type: 'text', value: ')' }],
        });
      }
      out = [
        {
          type: 'element',
          tagName: 'figure',
          properties: { className: ['caption', 'not-prose'] },
          children: [{ type: 'element', tagName: 'figcaption', properties: {}, children: inner }],
        },
      ];
    } else if (name === NO_LINK) {
      attributesOf(node, new Set());
      out = children(node, { ...scope, mode: 'plain', link: false });
    } else if (name === ENTITY_LINK) {
      const id = attributesOf(node, new Set(['id'])).get('id');
      if (!id) fail(node, '<EntityLink> needs an id: <EntityLink id="entity-id">…</EntityLink>');
      if (!options.hasEntity(id)) fail(node, `<EntityLink id="${id}">: no entity with this id in the registry`);
      linked.add(id);
      out = [entityLink(id, children(node, { ...scope, mode: { forced: id }, link: false }))];
    } else if (INLINE_HTML.has(name)) {
      const attributes = attributesOf(node, INLINE_HTML_ATTRIBUTES);
      out = [{ type: 'element', tagName: name, properties: Object.fromEntries(attributes), children: children(node, scope) }];
    } else {
      fail(
        node,
        /^[a-z]/.test(name)
          ? `<${name}> is not allowed in articles (inline HTML allowed: ${[...INLINE_HTML].join(', ')})`
          : `unknown component <${name}> (articles may use <${CAPTION}>, <${NO_LINK}> and <${ENTITY_LINK}>)`,
      );
    }
    if (flow) flush();
    return out;
  };

  let tree: SourceNode;
  try {
    tree = mdxToHast(body, { features: ARTICLE_FEATURES, position: true }) as SourceNode;
  } catch (error) {
    const m = /^(\d+):(\d+): (.*)$/s.exec((error as Error).message);
    throw m ? new ArticleSourceError(m[3]!, Number(m[1]), Number(m[2])) : new ArticleSourceError((error as Error).message);
  }
  const root: Root = { type: 'root', children: children(tree, { mode: 'match', link: true, verbatim: false }) };
  flush();
  return { html: toHtml(root), blocks };
}

function shift(m: Mention, offset: number): Mention {
  return { entityId: m.entityId, start: m.start + offset, end: m.end + offset };
}
