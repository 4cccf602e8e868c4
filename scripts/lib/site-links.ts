/**
 * What a reader can follow on a built site, read from its HTML alone (no content folder): every
 * internal link and asset resolves (the build's own check, src/site/link-check.ts), and every
 * article page says where it comes from and when (its outlet and date, linked to their pages).
 * Shared by `npm run check:site` and the news-site test; usable on any build.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { findBrokenLinks } from '../../src/site/link-check.ts';

export interface LinkReport {
  pages: number;
  /** Internal URLs in the pages (links and assets). */
  urls: number;
  /** `page → url` of internal URLs with no file behind them. */
  broken: string[];
  articles: number;
  /** Article pages whose header shows a date linked to its day page. */
  dated: number;
  /** Of those, dates that are the day the record was collected («… أو قبله»). */
  approximate: number;
  /** Article pages whose header links their outlet's page. */
  withOutlet: number;
  /** Article pages with a «أخبار ذات صلة» list. */
  withRelated: number;
}

/** Checks `pages` (paths relative to `dist`, as `htmlPages` lists them). */
export async function checkSiteLinks(dist: string, pages: readonly string[]): Promise<LinkReport> {
  let urls = 0;
  const countEach = () => {
    urls++;
    return true;
  };
  const broken = findBrokenLinks(dist, { pages, include: countEach });
  const report: LinkReport = { pages: pages.length, urls, broken, articles: 0, dated: 0, approximate: 0, withOutlet: 0, withRelated: 0 };
  for (const page of pages) {
    if (!/^articles\/[^/]+\/index\.html$/.test(page)) continue;
    const root = parse(await readFile(path.join(dist, page), 'utf8'));
    report.articles++;
    const header = root.querySelector('article header');
    const date = header?.querySelector('a[href^="/archive/"] time[datetime]');
    if (date) report.dated++;
    if (date && header?.querySelector('[data-published-from="collected"]')) report.approximate++;
    if (header?.querySelector('a[href^="/outlets/"]')) report.withOutlet++;
    if (root.querySelector('[data-related-articles] a[href^="/articles/"]')) report.withRelated++;
  }
  return report;
}
