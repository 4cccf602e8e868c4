/**
 * An article's card in lists (a day's, an outlet's, the archive's, the front page) and in an
 * article page's related stories, as one HTML string: headline, standfirst, outlet and date.
 * Written as a string, not as nested Astro components, because a build renders thousands of them
 * (each article is a related story on several pages and sits in several lists): the string is
 * made once per article and form and reused, byte for byte what src/components/ArticleCard.astro
 * and PublishedDate.astro rendered before.
 */
import { formatDate, isoDate } from './format.ts';
import { approximateDateNote, approximateDateSuffix } from './labels.ts';
import { articleUrl, dayUrl, outletUrlOf } from './urls.ts';

/** What a card shows of an article (an `articles` collection entry has these). */
export interface CardArticle {
  id: string;
  /** The content store's digest of the entry: a changed article gets a new card. */
  digest?: string | number | undefined;
  data: {
    title: string;
    standfirst?: string | null | undefined;
    outlet: string | null;
    published: Date | null;
    publishedFrom?: string | undefined;
  };
}

export interface CardOptions {
  /** Leave the outlet out where the whole list is one outlet's. */
  showOutlet?: boolean | undefined;
  /** Heading level of the title: 3 under a list's own h2. */
  level?: 2 | 3 | undefined;
  /** Headline, outlet and date only, under a section heading (an article page's related stories). */
  compact?: boolean | undefined;
}

const ESCAPABLE = /[&<>'"]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/** Text or an attribute value escaped for HTML, as Astro escapes an expression's text. */
export function escapeHtml(text: string): string {
  return text.replace(ESCAPABLE, (ch) => ENTITIES[ch]!);
}

/**
 * An article's date as readers see it. A date taken from the day the record was collected
 * (`publishedFrom: collected`) is no publication date: the article is from that day or before,
 * and the page says so.
 */
export function publishedDateHtml(date: Date, from?: string, className?: string): string {
  const approximate = from === 'collected';
  const attributes = `${className === undefined ? '' : ` class="${escapeHtml(className)}"`}${from === undefined ? '' : ` data-published-from="${escapeHtml(from)}"`}`;
  const title = approximate ? ` title="${escapeHtml(approximateDateNote)}"` : '';
  const suffix = approximate ? `<span> ${escapeHtml(approximateDateSuffix)}</span>` : '';
  return `<span${attributes}><time datetime="${isoDate(date)}"${title}>${escapeHtml(formatDate(date))}</time>${suffix}</span>`;
}

/** Cards made in this process, by article, digest and form. */
const made = new Map<string, string>();

/** The card of `article` in the given form (the default: a list's card with its outlet, an h2). */
export function articleCardHtml(article: CardArticle, options: CardOptions = {}): string {
  const { showOutlet = true, compact = false, level = compact ? 3 : 2 } = options;
  const key = `${article.id}\0${article.digest ?? ''}\0${showOutlet ? 1 : 0}${compact ? 1 : 0}${level}`;
  let html = made.get(key);
  if (html === undefined) {
    html = cardHtml(article, showOutlet, compact, level);
    // Without a digest the entry may change under the same id (a dev server): not kept.
    if (article.digest !== undefined) made.set(key, html);
  }
  return html;
}

function cardHtml(article: CardArticle, showOutlet: boolean, compact: boolean, level: 2 | 3): string {
  const { title, standfirst, outlet, published, publishedFrom } = article.data;
  const heading = level === 3 ? 'h3' : 'h2';
  let html = `<article class="border-b border-gray-200 ${compact ? 'py-3 last:border-b-0' : 'py-5'}">`;
  html += `<${heading} class="font-serif font-bold leading-relaxed ${compact ? 'text-lg' : 'text-xl'}">`;
  html += `<a class="text-brand-900 hover:underline" href="${escapeHtml(articleUrl(article.id))}">${escapeHtml(title)}</a></${heading}>`;
  if (!compact && standfirst) html += `<p class="mt-1 text-gray-700">${escapeHtml(standfirst)}</p>`;
  html += '<p class="mt-1 flex gap-3 text-sm text-gray-600">';
  if (showOutlet && outlet) html += `<a class="hover:underline" href="${escapeHtml(outletUrlOf(outlet))}">${escapeHtml(outlet)}</a>`;
  if (published) {
    html += `<a class="hover:underline" href="${escapeHtml(dayUrl(isoDate(published)))}">${publishedDateHtml(published, publishedFrom)}</a>`;
  }
  return `${html}</p></article>`;
}
