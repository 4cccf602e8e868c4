/**
 * This site's search in the browser, on every page (bundled by Astro from `<SearchEnhance>`):
 * - hooks the Pagefind Component UI so searches are processed (src/browser/search/adapter.ts);
 * - adds the searched words to a result link when it is followed, as `?pagefind-highlight=`
 *   (Pagefind's convention), so result hrefs stay the page's own URL until then;
 * - highlights those words on the page it opens (src/browser/search/page-highlight.ts);
 * - exposes `window.marsadSearch.search(query, options)`: the same search the UI runs, for tests,
 *   the benchmark and the console.
 * Query processing and Pagefind itself load on the first search, not with the page.
 */
import { highlightParam } from '../../search/config.ts';
import { componentManager, hookInstance, PAGE_INSTANCE, wrapPagefind } from './adapter.ts';
import type { PagefindApi, PagefindSearchOptions, PagefindSearchResponse } from './pagefind-types.ts';
import { queryProcessor, settings, state } from './state.ts';

declare global {
  interface Window {
    marsadSearch?: {
      search(query: string, options?: PagefindSearchOptions): Promise<PagefindSearchResponse | null>;
    };
  }
}

/**
 * The search code and the entity names load when a reader is about to search (the search page, or a
 * search box taking focus), so the first results do not wait for them.
 */
function warmUp(): void {
  if (settings().enrich) void queryProcessor();
}
if (location.pathname.startsWith('/search')) warmUp();
document.addEventListener('focusin', (event) => {
  if ((event.target as Element | null)?.closest?.('pagefind-searchbox, pagefind-input')) warmUp();
});

/**
 * While the Component UI waits for typing to pause (its debounce), the index chunks this site's
 * processed query will read are loaded: the processed query is several Pagefind queries, and none
 * of them is the text typed.
 */
document.addEventListener(
  'input',
  (event) => {
    const input = event.target as HTMLInputElement | null;
    const box = input?.closest?.('pagefind-searchbox, pagefind-input');
    if (!input || !box || !settings().enrich || !state.processor) return;
    const name = box.getAttribute('instance') || 'default';
    void componentManager().then((manager) => {
      const pagefind = manager?.getInstance(name).__pagefind__;
      if (!pagefind || !state.processor || !input.value.trim()) return;
      const prepared = state.processor.prepare(input.value);
      for (const query of [prepared.pagefindQuery, ...prepared.alternatives.map((a) => a.query)]) {
        if (query && !query.startsWith('"')) void pagefind.preload(query).catch(() => undefined);
      }
    });
  },
  true,
);

/** Every Component UI instance on the page, hooked; the one searches run in for the API. */
const instancePromise = componentManager().then((manager) => {
  if (!manager) return null;
  const names = manager.getInstanceNames();
  for (const name of names) hookInstance(manager.getInstance(name), name);
  return names.length > 0 ? manager.getInstance(names.includes(PAGE_INSTANCE) ? PAGE_INSTANCE : names[0]) : null;
});

let ownPagefind: Promise<PagefindApi> | undefined;

/** The (wrapped) Pagefind instance: the Component UI's, or one of our own without it. */
async function pagefind(): Promise<PagefindApi> {
  const instance = await instancePromise;
  if (instance) {
    await instance.triggerLoad();
    if (instance.__pagefind__) return instance.__pagefind__;
  }
  ownPagefind ??= import(/* @vite-ignore */ `${settings().bundlePath}pagefind.js`).then(
    (module: { createInstance(options: object): PagefindApi }) => wrapPagefind(module.createInstance({})),
  );
  return ownPagefind;
}

window.marsadSearch = {
  search: async (query, options) => (await pagefind()).search(query, options),
};

/** Result links live in these Component UI elements. */
const RESULTS = 'pagefind-results, pagefind-searchbox';

/** Adds the searched words to a result link about to be followed (click, middle click, context menu). */
function decorate(event: Event, manager: NonNullable<Awaited<ReturnType<typeof componentManager>>>): void {
  const link = (event.target as Element | null)?.closest?.('a[href]');
  const component = link?.closest(RESULTS);
  if (!(link instanceof HTMLAnchorElement) || !component) return;
  const instance = manager.getInstance(component.getAttribute('instance') || 'default');
  const words = instance.searchTerm.trim().split(/\s+/).filter(Boolean);
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || words.length === 0) return;
  url.searchParams.delete(highlightParam);
  for (const word of words) url.searchParams.append(highlightParam, word);
  link.href = url.pathname + url.search + url.hash;
}

void componentManager().then((manager) => {
  if (!manager) return;
  for (const type of ['click', 'auxclick', 'contextmenu']) {
    document.addEventListener(type, (event) => decorate(event, manager), { capture: true });
  }
  // The header's box shows a few results: add a link to all of them on the search page.
  if (manager.getInstanceNames().includes('default')) {
    const instance = manager.getInstance('default');
    let term = '';
    instance.on('search', (t) => {
      term = String(t ?? '').trim();
    });
    instance.on('results', () => setTimeout(() => allResultsLink(term), 0));
  }
});

/** «كل النتائج لـ«…»» at the end of the header box's dropdown, for the query typed in it. */
function allResultsLink(term: string): void {
  const dropdown = document.querySelector('pagefind-searchbox .pf-searchbox-dropdown');
  if (!dropdown) return;
  let link = dropdown.querySelector<HTMLAnchorElement>('a.marsad-all-results');
  if (!term) {
    link?.remove();
    return;
  }
  if (!link) {
    link = document.createElement('a');
    link.className = 'marsad-all-results';
    const footer = dropdown.querySelector('.pf-searchbox-footer');
    if (footer) footer.before(link);
    else dropdown.append(link);
  }
  link.href = `/search/?q=${encodeURIComponent(term)}`;
  link.textContent = `كل النتائج لـ«${term}»`;
}

if (new URLSearchParams(location.search).has(highlightParam)) {
  void import('./page-highlight.ts').then((m) => m.highlightPage());
}
