/**
 * Ids of the headings of the pages Astro's own Markdown pipeline compiles (dossiers, through
 * @astrojs/mdx): GitHub-style slugs, as Astro writes them, but without combining marks. Astro's
 * slug keeps Arabic tashkeel («خلاف لم يُحسم» → "خلاف-لم-يُحسم"), and an id may only hold letters,
 * digits, "-" and "_" (HTML validators, and `check:site`, say so). Runs before Astro's own
 * heading-ids plugin, which keeps an id already set. (Articles have no heading ids: their
 * renderer is src/render/article.ts.)
 */
import type { HastPluginEntry } from 'satteri';

/** A heading's text as an id: no marks, lowercase, spaces as "-", nothing but letters, digits, "-" and "_". */
export function headingSlug(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The satteri plugin: one per document, so repeated headings get "-1", "-2" as Astro's do. */
export const headingIds: HastPluginEntry = () => {
  const seen = new Map<string, number>();
  return {
    name: 'marsad-heading-ids',
    element: {
      filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
      visit(node, ctx) {
        if (typeof node.properties?.id === 'string') return;
        const base = headingSlug(ctx.textContent(node)) || 'section';
        const n = seen.get(base) ?? 0;
        seen.set(base, n + 1);
        ctx.setProperty(node, 'id', n === 0 ? base : `${base}-${n}`);
      },
    },
  };
};
