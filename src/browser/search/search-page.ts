/**
 * The search page (/search/): result rendering (title, what it is, outlet and date, an excerpt
 * with the matched words highlighted), sorting, what part of a sharded archive the results come
 * from (with a button for the whole archive), and the query in the URL, so a search can be linked
 * and reloaded (`/search/?q=…&sort=newest|oldest&archive=all`).
 */
import { articleCount, resultCount } from '../../site-core/labels.ts';
import { searchFilters, sortKeys } from '../../search/config.ts';
import { componentInstance, PAGE_INSTANCE, SCOPE_EVENT, type SearchScope } from './adapter.ts';
import type { ComponentInstance, PagefindResultData, SortDirection } from './pagefind-types.ts';
import { state } from './state.ts';

/** Sort choices of the page: URL value → Pagefind sort. */
const SORTS: Record<string, Record<string, SortDirection>> = {
  relevance: {},
  newest: { [sortKeys.newest]: 'desc' },
  oldest: { [sortKeys.oldest]: 'asc' },
};

/** What a result is, from its filters: an entity type (النوع) or an article. */
function resultKind(data: PagefindResultData): string {
  return data.filters['النوع']?.[0] ?? 'مقالة';
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** The excerpt paragraph: ours around the matched words, or Pagefind's when none is in the text. */
function excerpt(data: PagefindResultData): HTMLElement | null {
  const p = element('p', 'pf-result-excerpt');
  const { lastQuery: query, processor, tools } = state;
  const ranges = query && processor && tools ? new tools.Highlighter(query, processor).ranges(data.content) : [];
  const parts = tools ? tools.buildExcerpt(data.content, ranges) : null;
  if (parts) {
    for (const part of parts) p.append(part.mark ? element('mark', 'pagefind-highlight', part.text) : part.text);
    return p;
  }
  if (!data.excerpt) return null;
  // Pagefind's excerpt: its text is escaped by Pagefind and only <mark> is markup.
  const template = document.createElement('template');
  template.innerHTML = data.excerpt;
  for (const node of template.content.querySelectorAll('*')) if (node.tagName !== 'MARK') node.replaceWith(node.textContent ?? '');
  p.append(template.content);
  return p;
}

/** One result, in the Component UI's markup (its styles and keyboard navigation apply). */
export function renderResult(data: PagefindResultData): HTMLElement {
  const li = element('li', 'pf-result');
  const card = element('div', 'pf-result-card');
  const content = element('div', 'pf-result-content');
  const title = element('p', 'pf-result-title');
  const link = element('a', 'pf-result-link', data.meta.title ?? data.url);
  link.href = data.url;
  title.append(link);
  // The outlet is a filter, not searchable metadata: a search for «الرياض» must not find every
  // article of the newspaper of that name.
  const details = [resultKind(data), data.filters[searchFilters.outlet]?.[0], data.meta.date].filter(Boolean).join(' · ');
  const meta = element('p', 'marsad-result-meta text-sm text-gray-600', details);
  content.append(title, meta);
  const ex = excerpt(data);
  if (ex) content.append(ex);
  card.append(content);
  li.append(card);
  return li;
}

function readUrl(): { q: string; sort: string; archive: boolean } {
  const params = new URLSearchParams(location.search);
  return { q: params.get('q') ?? '', sort: params.get('sort') ?? 'relevance', archive: params.get('archive') === 'all' };
}

function writeUrl(q: string, sort: string): void {
  const url = new URL(location.href);
  if (q) url.searchParams.set('q', q);
  else url.searchParams.delete('q');
  if (sort !== 'relevance') url.searchParams.set('sort', sort);
  else url.searchParams.delete('sort');
  if (state.wholeArchive) url.searchParams.set('archive', 'all');
  else url.searchParams.delete('archive');
  history.replaceState(history.state, '', url);
}

/** Says when results come from the newest articles only, with a button to search the whole archive. */
function showScope(scope: SearchScope, instance: ComponentInstance, sort: () => string): void {
  const box = document.getElementById('search-scope');
  const text = box?.querySelector('[data-scope-text]');
  const button = box?.querySelector<HTMLButtonElement>('[data-scope-all]');
  if (!box || !text || !button) return;
  const left = scope.left.reduce((sum, shard) => sum + shard.articles, 0);
  box.hidden = left === 0 || !instance.searchTerm.trim();
  if (box.hidden) return;
  const searched = scope.searched.reduce((sum, shard) => sum + shard.articles, 0);
  text.textContent = `بحثنا في أحدث المقالات (${articleCount(searched)}) وفي صفحات الأعلام.`;
  button.textContent = `ابحث في الأرشيف كله (${articleCount(left)} أقدم)`;
  button.onclick = () => {
    state.wholeArchive = true;
    box.hidden = true;
    writeUrl(instance.searchTerm, sort());
    instance.triggerSearch(instance.searchTerm);
  };
}

/**
 * The line above the results, in Arabic with number agreement («نتيجتان لـ«بوتين»»), the
 * correction the search made («هل تقصد: بوتين؟»), and help when nothing is found.
 */
function showSummary(instance: ComponentInstance): void {
  const summary = document.getElementById('search-summary');
  const correction = document.getElementById('search-correction');
  const help = document.getElementById('search-help');
  let term = '';
  instance.on('search', (t) => {
    term = String(t ?? '').trim();
  });
  instance.on('loading', () => {
    if (summary && term) summary.textContent = `جارٍ البحث عن «${term}»…`;
  });
  instance.on('results', (response) => {
    const count = (response as { results?: unknown[] } | null)?.results?.length ?? 0;
    if (summary) summary.textContent = term ? `${resultCount(count)} لـ«${term}»` : '';
    if (help) help.hidden = !term || count > 0;
    const fix = state.correction;
    if (correction) {
      correction.hidden = !fix || !term;
      const button = correction.querySelector<HTMLButtonElement>('[data-correction]');
      const note = correction.querySelector('[data-correction-note]');
      if (fix && button && note) {
        button.textContent = fix.searched;
        note.textContent = `النتائج الأولى لـ«${fix.searched}»، ثم ما وجدناه لـ«${fix.typed}».`;
        button.onclick = () => instance.triggerSearch(fix.searched);
      }
    }
  });
}

/** The filters open beside the results on a wide screen, folded above them on a phone. */
function placeFilters(): void {
  const filters = document.getElementById('search-filters') as HTMLDetailsElement | null;
  if (!filters) return;
  const wide = window.matchMedia('(min-width: 48rem)');
  const apply = () => {
    filters.open = wide.matches;
  };
  apply();
  wide.addEventListener('change', apply);
}

async function init(): Promise<void> {
  placeFilters();
  const results = document.querySelector(`pagefind-results[instance="${PAGE_INSTANCE}"]`) as
    | (HTMLElement & { resultTemplate?: unknown })
    | null;
  if (results) results.resultTemplate = renderResult;
  const instance: ComponentInstance | null = await componentInstance(PAGE_INSTANCE);
  if (!instance) return;

  const select = document.getElementById('search-sort') as HTMLSelectElement | null;
  const initial = readUrl();
  state.wholeArchive = initial.archive;
  document.addEventListener(SCOPE_EVENT, (event) =>
    showScope((event as CustomEvent<SearchScope>).detail, instance, () => select?.value ?? 'relevance'),
  );
  if (select) {
    select.value = initial.sort in SORTS ? initial.sort : 'relevance';
    instance.searchSort = SORTS[select.value] ?? {};
    select.addEventListener('change', () => {
      instance.searchSort = SORTS[select.value] ?? {};
      writeUrl(instance.searchTerm, select.value);
      if (instance.searchTerm) instance.triggerSearch(instance.searchTerm);
    });
  }
  instance.on('search', (term) => writeUrl(String(term ?? ''), select?.value ?? 'relevance'));
  showSummary(instance);
  if (initial.q) instance.triggerSearch(initial.q);
}

void init();
