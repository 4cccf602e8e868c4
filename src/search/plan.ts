/**
 * Running a processed query (src/search/query.ts) against Pagefind: the main query and its weighted
 * alternatives are searched, and their results merged by score; when all the words together find
 * few pages, each word is searched alone and the pages that hold most of the query follow. Pure: the
 * search function is a parameter, so tests run it on fixed responses.
 */
import type { PreparedQuery } from './query.ts';

/** The parts of a Pagefind result the merge reads (and passes on untouched). */
export interface ScoredResult {
  id: string;
  score: number;
}

/** The parts of a Pagefind response the merge reads. */
export interface ScoredResponse<R extends ScoredResult> {
  results: R[];
  unfilteredResultCount?: number;
  filters?: Record<string, Record<string, number>>;
  totalFilters?: Record<string, Record<string, number>>;
}

/** Fewer results than this for the whole query (none) bring in the pages that hold only some of its words. */
export const FEW_RESULTS = 1;

/**
 * Merges weighted responses: a page's score is the weighted sum of its scores, so a page the main
 * query and an alternative both find ranks before one only one of them finds.
 */
export function mergeWeighted<R extends ScoredResult>(responses: readonly { response: ScoredResponse<R> | null; weight: number }[]): R[] {
  const merged = new Map<string, { result: R; score: number }>();
  for (const { response, weight } of responses) {
    for (const result of response?.results ?? []) {
      const entry = merged.get(result.id);
      if (entry) entry.score += weight * result.score;
      else merged.set(result.id, { result, score: weight * result.score });
    }
  }
  return [...merged.values()].sort((a, b) => b.score - a.score).map(({ result, score }) => ({ ...result, score }));
}

/**
 * Orders the pages each part of the query found alone: the pages holding more of the parts first,
 * then by their summed score. `found` excludes what the whole query already found.
 */
export function mergeCoverage<R extends ScoredResult>(perPart: readonly (ScoredResponse<R> | null)[], found: ReadonlySet<string>): R[] {
  const byId = new Map<string, { result: R; parts: number; score: number }>();
  for (const response of perPart) {
    for (const result of response?.results ?? []) {
      if (found.has(result.id)) continue;
      const entry = byId.get(result.id);
      if (entry) {
        entry.parts += 1;
        entry.score += result.score;
      } else {
        byId.set(result.id, { result, parts: 1, score: result.score });
      }
    }
  }
  return [...byId.values()].sort((a, b) => b.parts - a.parts || b.score - a.score).map(({ result, score }) => ({ ...result, score }));
}

/** Searches one Pagefind query (with the reader's filters and sort). */
export type SearchOne<R extends ScoredResult> = (query: string) => Promise<ScoredResponse<R> | null>;

/**
 * Runs a plan. A date-sorted search keeps Pagefind's order, so only the main query runs (merging by
 * score would undo the sort); otherwise the alternatives run with it, and the words alone when the
 * merged results are fewer than `FEW_RESULTS`.
 */
export async function runPlan<R extends ScoredResult>(
  prepared: PreparedQuery,
  search: SearchOne<R>,
  options: { sorted: boolean },
): Promise<ScoredResponse<R> | null> {
  if (options.sorted || prepared.exact) return search(prepared.pagefindQuery || prepared.text);
  // All at once: the reader waits for the slowest, not for the sum.
  const [main, ...alternatives] = await Promise.all([
    search(prepared.pagefindQuery || prepared.text),
    ...prepared.alternatives.map(async (a) => ({ response: await search(a.query), weight: a.weight })),
  ]);
  let results = mergeWeighted([
    { response: main as ScoredResponse<R> | null, weight: 1 },
    ...(alternatives as { response: ScoredResponse<R> | null; weight: number }[]),
  ]);
  if (results.length < FEW_RESULTS && prepared.parts.length > 1) {
    const perPart = await Promise.all(prepared.parts.map((part) => search(part)));
    results = [...results, ...mergeCoverage(perPart, new Set(results.map((r) => r.id)))];
  }
  const first = main as ScoredResponse<R> | null;
  return {
    ...(first ?? {}),
    results,
    unfilteredResultCount: Math.max(first?.unfilteredResultCount ?? 0, results.length),
  };
}
