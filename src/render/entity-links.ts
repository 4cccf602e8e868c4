import { defineHastPlugin, type HastNode, type HastPluginDefinition, type HastVisitorContext } from 'satteri';
import type { EntityMatcher } from '../entities/matcher.ts';

/** MDX components editors use to override the linker (see docs/editing.md). */
export const NO_LINK = 'NoLink';
export const ENTITY_LINK = 'EntityLink';

/** Text under these is never auto-linked: existing links, headings, code, editor overrides, captions. */
const SKIP_ELEMENTS = new Set(['a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre', 'bdi', 'figcaption']);
const SKIP_COMPONENTS = new Set([NO_LINK, ENTITY_LINK, 'Caption']);

type AnyNode = Readonly<HastNode>;

function insideSkipped(node: AnyNode, ctx: HastVisitorContext): boolean {
  for (let p = ctx.parent(node) as AnyNode | undefined; p; p = ctx.parent(p) as AnyNode | undefined) {
    if (p.type === 'element' && SKIP_ELEMENTS.has(p.tagName)) return true;
    if ((p.type === 'mdxJsxTextElement' || p.type === 'mdxJsxFlowElement') && p.name && SKIP_COMPONENTS.has(p.name)) return true;
  }
  return false;
}

/**
 * Links the first mention of each registry entity in an article's running text to the entity's
 * page, as Wikipedia's style does: one link per entity per article keeps paragraphs readable,
 * and every later mention is one click away from the first. Headings and captions are not
 * linked; `<NoLink>` suppresses and `<EntityLink id>` forces a link.
 */
export function entityLinkPlugin(matcher: EntityMatcher, urlOf: (id: string) => string): HastPluginDefinition {
  return defineHastPlugin({
    name: 'marsad-entity-links',
    text(node, ctx) {
      const mentions = matcher.findMentions(node.value);
      if (mentions.length === 0 || insideSkipped(node, ctx)) return;
      const linked = ((ctx.data as { linkedEntities?: Set<string> }).linkedEntities ??= new Set<string>());
      const parts: HastNode[] = [];
      let last = 0;
      for (const m of mentions) {
        if (linked.has(m.entityId)) continue;
        linked.add(m.entityId);
        if (m.start > last) parts.push({ type: 'text', value: node.value.slice(last, m.start) });
        parts.push({
          type: 'element',
          tagName: 'a',
          properties: { href: urlOf(m.entityId), className: ['entity-link'], dataEntity: m.entityId },
          children: [{ type: 'text', value: node.value.slice(m.start, m.end) }],
        });
        last = m.end;
      }
      if (parts.length === 0) return;
      if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
      ctx.replaceNode(node, parts);
    },
  });
}
