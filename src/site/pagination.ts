/** Articles per page on the archive and on entity pages: no page grows with the archive. */
export const PAGE_SIZE = 40;

/** How many articles the home page shows before pointing to the archive. */
export const HOME_SIZE = 20;

/**
 * URL of the archive's front page (`archiveUrl()`, the newest articles) or of its numbered page n,
 * counted from the oldest articles (`/archive/1/` holds the oldest PAGE_SIZE).
 */
export const archiveUrl = (n?: number): string => (n === undefined ? '/archive/' : `/archive/${n}/`);

/** The archive's numbered pages within this distance of a page are linked from it. */
export const ARCHIVE_AROUND = 2;

/**
 * What a numbered page's links depend on besides its own block: the pages around it it links to,
 * and the gap («…») before the newer ones beyond (BlockPagination.astro). A page's cache key
 * holds it, so the page renders again when a page it links to appears, never because the list grew.
 */
export const linkReach = (number: number, numbered: number): number => Math.min(number + ARCHIVE_AROUND + 1, numbered);

/** One page of the archive (src/pages/archive/[...page].astro). */
export interface ArchivePage<T> {
  /** Its number counted from the oldest block, or null for the front page (`/archive/`). */
  number: number | null;
  /** Its articles, newest first. */
  items: T[];
  /** Place of its oldest and newest article in the whole archive, counted from 1 at the oldest. */
  first: number;
  last: number;
  /** Neighbouring page numbers (null: the front page), or undefined when there is none. */
  newer: number | null | undefined;
  older: number | undefined;
  /** The highest numbered page; 0 when the front page holds the whole archive. */
  numbered: number;
}

/**
 * The archive in pages numbered from its oldest article, so that publishing new articles changes
 * the front page and nothing else (until a block fills). Articles are counted from the oldest in
 * blocks of `size`: page n holds block n. The front page, `/archive/`, holds the newest full block
 * and the newer articles that do not fill a block yet: between `size` and 2 × `size` − 1 articles
 * (all of them in an archive of fewer than `size`), so no page is tiny. The newest full block is
 * shown there, not on a numbered page of its own; it gets one when the next block fills.
 *
 * `newestFirst`: the whole archive, newest first (the site's order, `getArticles`).
 */
export function archivePages<T>(newestFirst: readonly T[], size = PAGE_SIZE): ArchivePage<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`archive page size must be a whole number ≥ 1, not ${size}`);
  const total = newestFirst.length;
  const blocks = Math.floor(total / size);
  const numbered = Math.max(0, blocks - 1);
  // Block n (from 1, oldest) in the newest-first list.
  const block = (n: number) => newestFirst.slice(total - n * size, total - (n - 1) * size);
  const front: ArchivePage<T> = {
    number: null,
    items: newestFirst.slice(0, total - numbered * size),
    first: numbered * size + 1,
    last: total,
    newer: undefined,
    older: numbered > 0 ? numbered : undefined,
    numbered,
  };
  const pages: ArchivePage<T>[] = [front];
  for (let n = numbered; n >= 1; n--) {
    pages.push({
      number: n,
      items: block(n),
      first: (n - 1) * size + 1,
      last: n * size,
      newer: n < numbered ? n + 1 : null,
      older: n > 1 ? n - 1 : undefined,
      numbered,
    });
  }
  return pages;
}
