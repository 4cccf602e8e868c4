import { defineHastPlugin, type HastNode, type HastPluginDefinition, type HastVisitorContext } from 'satteri';
import path from 'node:path';
import { EntityMatcher } from '../entities/matcher.ts';
import { entityNames, loadRegistry } from '../entities/registry.ts';
import { contentDir } from '../site/config.ts';
import { entityUrl } from '../site/urls.ts';
import { splitLatinRuns } from './bidi.ts';
import { entityLinkPlugin } from './entity-links.ts';
import { arabicQuotes } from './quotes.ts';

/** Elements whose text is left as written: code, text already isolated, scripts and styles. */
const SKIP_INSIDE = new Set(['code', 'pre', 'bdi', 'script', 'style']);

/** Whether a text node sits directly in one of those elements. */
function leftAsWritten(node: Readonly<HastNode>, ctx: HastVisitorContext): boolean {
  const parent = ctx.parent(node);
  return parent?.type === 'element' && SKIP_INSIDE.has(parent.tagName);
}

/**
 * Wraps Latin-script runs of article text in `<bdi dir="ltr">`, so "F-16", "S-400" or "EPA"
 * keep their order inside right-to-left paragraphs.
 */
export const isolateLatinRuns: HastPluginDefinition = defineHastPlugin({
  name: 'marsad-isolate-latin',
  text(node, ctx) {
    if (leftAsWritten(node, ctx)) return;
    const segments = splitLatinRuns(node.value);
    if (!segments.some((s) => s.ltr)) return;
    const replacement: HastNode[] = segments.map((s) =>
      s.ltr
        ? { type: 'element', tagName: 'bdi', properties: { dir: 'ltr' }, children: [{ type: 'text', value: s.text }] }
        : { type: 'text', value: s.text },
    );
    ctx.replaceNode(node, replacement);
  },
});

/** Article text shows Arabic guillemets «…» for paired double quotes. */
export const arabicQuotationMarks: HastPluginDefinition = defineHastPlugin({
  name: 'marsad-arabic-quotes',
  text(node, ctx) {
    if (leftAsWritten(node, ctx)) return;
    const value = arabicQuotes(node.value);
    if (value !== node.value) ctx.replaceNode(node, { type: 'text', value });
  },
});

/**
 * The hast plugins every article goes through, in order: Arabic quotation marks, entity links
 * (from the registry in the content folder, read once per build), then Latin-run isolation.
 */
export function articleHastPlugins(): HastPluginDefinition[] {
  const registry = loadRegistry(path.join(contentDir, 'entities'));
  const matcher = new EntityMatcher(entityNames(registry));
  return [arabicQuotationMarks, entityLinkPlugin(matcher, entityUrl), isolateLatinRuns];
}
