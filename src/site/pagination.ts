/** Articles per page on the archive and on entity pages: no page grows with the archive. */
export const PAGE_SIZE = 40;

/** How many articles the home page shows before pointing to the archive. */
export const HOME_SIZE = 20;

/** URL of archive page n (page 1 is /archive/). */
export const archiveUrl = (n: number): string => (n <= 1 ? '/archive/' : `/archive/${n}/`);
