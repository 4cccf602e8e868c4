/** Characters of an article's text read after its headline and standfirst (src/site/search/site-words.ts). */
export const LEAD_CHARS = 600;

/**
 * The start of an article's text, from its HTML: tags blanked, the first `LEAD_CHARS` characters.
 * Idempotent (`articleLead(articleLead(html)) === articleLead(html)`: what is left holds no tag and
 * is short enough), so a partitioned build keeps only this for the articles whose pages it does
 * not write (src/site/partition.ts), and the site's word counts come out the same.
 */
export function articleLead(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').slice(0, LEAD_CHARS);
}
