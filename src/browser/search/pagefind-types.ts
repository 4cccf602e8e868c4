/** The parts of Pagefind's browser API (`/pagefind/pagefind.js`) and of the Component UI it serves (`/pagefind/pagefind-component-ui.js`, Pagefind 1.6) this site uses. */

export type SortDirection = 'asc' | 'desc';

export interface PagefindSearchOptions {
  filters?: Record<string, unknown>;
  sort?: Record<string, SortDirection>;
  [option: string]: unknown;
}

export interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

export interface PagefindSearchResponse {
  results: PagefindResult[];
  unfilteredResultCount?: number;
  filters?: Record<string, Record<string, number>>;
  totalFilters?: Record<string, Record<string, number>>;
}

/** A Pagefind instance (what `createInstance` returns, and what the Component UI holds). */
export interface PagefindApi {
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindSearchResponse | null>;
  /** Loads the index chunks a search for `term` will need (Pagefind's search-as-you-type). */
  preload(term: string, options?: PagefindSearchOptions): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  options(options: Record<string, unknown>): Promise<void>;
  /** Adds another Pagefind bundle to this instance's searches (Pagefind's multisite search). */
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
}

/** A Component UI instance (`PagefindComponents.getInstanceManager().getInstance(name)`). */
export interface ComponentInstance {
  searchTerm: string;
  /** Sort of the instance's searches (`{}` for relevance); Component UI 1.6. */
  searchSort: Record<string, SortDirection>;
  pagefindOptions: Record<string, unknown>;
  triggerLoad(): Promise<void>;
  triggerSearch(term: string): void;
  on(event: string, callback: (...args: unknown[]) => void, owner?: Element | null): void;
  /** The loaded Pagefind instance: not public API (the Component UI served by Pagefind 1.6), wrapped in adapter.ts. */
  __pagefind__: PagefindApi | null;
}

export interface PagefindComponentsGlobal {
  getInstanceManager(): { getInstance(name?: string): ComponentInstance; getInstanceNames(): string[] };
}

declare global {
  interface Window {
    PagefindComponents?: PagefindComponentsGlobal;
  }
}
