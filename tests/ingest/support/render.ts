/**
 * Compiles and renders MDX with Sätteri, the compiler Astro 7's @astrojs/mdx uses, with the
 * features Astro resolves for this project (astro.config.mjs: GFM on, smart punctuation off).
 */
import { pathToFileURL } from 'node:url';
import { evaluate, mdxToJs } from 'satteri';

export const ASTRO_FEATURES = { gfm: true, smartPunctuation: false } as const;

/** Compiles like `@astrojs/markdown-satteri`'s MDX processor does; throws on invalid MDX. */
export function compileLikeAstro(mdx: string): string {
  return mdxToJs(mdx, {
    features: ASTRO_FEATURES,
    fileURL: pathToFileURL('/virtual/article.mdx'),
    jsxImportSource: 'astro',
    elementAttributeNameCase: 'html',
  }).code;
}

/** A rendered element: intrinsic tag name (or "Caption"), its props, its children. */
export interface RenderedElement {
  tag: string;
  props: Record<string, unknown>;
  children: RenderedNode[];
}
export type RenderedNode = string | RenderedElement;

const Fragment = Symbol('Fragment');

/** Evaluates the MDX and returns its top-level rendered nodes (whitespace-only strings dropped). */
export function renderMdx(mdx: string): RenderedNode[] {
  const jsx = (type: unknown, props: unknown): RenderedNode | RenderedNode[] => {
    const { children, ...rest } = props as Record<string, unknown>;
    const kids = flatten(children);
    if (type === Fragment) return kids;
    if (typeof type === 'function') return type({ ...rest, children: kids });
    return { tag: String(type), props: rest, children: kids };
  };
  const Caption = ({ children, ...props }: { children: RenderedNode[] }) => ({ tag: 'Caption', props, children });
  const mod = evaluate(mdx, { features: ASTRO_FEATURES, Fragment, jsx, jsxs: jsx }) as Record<string, unknown>;
  const Content = mod.default as (props: unknown) => unknown;
  return flatten(Content({ components: { Caption } })).filter((n) => typeof n !== 'string' || n.trim() !== '');
}

function flatten(value: unknown): RenderedNode[] {
  if (value === undefined || value === null || value === false) return [];
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (typeof value === 'string' || typeof value === 'number') return [String(value)];
  return [value as RenderedElement];
}

/** Concatenated text of nodes. */
export function textOf(nodes: RenderedNode[]): string {
  return nodes.map((n) => (typeof n === 'string' ? n : textOf(n.children))).join('');
}

/** Every element under the nodes (depth-first), the nodes themselves included. */
export function elementsOf(nodes: RenderedNode[]): RenderedElement[] {
  return nodes.flatMap((n) => (typeof n === 'string' ? [] : [n, ...elementsOf(n.children)]));
}
