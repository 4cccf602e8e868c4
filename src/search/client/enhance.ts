/**
 * This site's search in the browser, on every page (bundled by Astro from `<SearchEnhance>`):
 * - hooks the Pagefind Component UI so searches are processed (src/search/client/adapter.ts);
 * - adds the searched words to a result link when it is followed, as `?pagefind-highlight=`
 *   (Pagefind's convention), so result hrefs stay the page's own URL until then;
 * - highlights those words on the page it opens (src/search/client/page-highlight.ts);
 * - exposes `window.marsadSearch.search(query, options)`: the same search the UI runs, for tests,
 *   the benchmark and the console.
 * Query processing and Pagefind itself load on the first search, not with the page.
 */
import { highlightParam } from '../config.ts';
import { componentManager, hookInstance, PAGE_INSTANCE, wrapPagefind } from './adapter.ts';
import type { PagefindApi, PagefindSearchOptions, PagefindSearchResponse } from './pagefind-types.ts';
import { settings } from './state.ts';

declare global {
  interface Window {
    marsadSearch?: {
      search(query: string, options?: PagefindSearchOptions): Promise<PagefindSearchResponse | null>;
    };
  }
}

/** Every Component UI instance on the page, hooked; the one searches run in for the API. */
const instancePromise = componentManager().then((manager) => {
  if (!manager) return null;
  const names = manager.getInstanceNames();
  for (const name of names) hookInstance(manager.getInstance(name));
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
});

if (new URLSearchParams(location.search).has(highlightParam)) {
  void import('./page-highlight.ts').then((m) => m.highlightPage());
}
