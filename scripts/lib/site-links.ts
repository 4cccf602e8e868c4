/**
 * What a reader can follow on a built site, read from its HTML alone (no content folder): every
 * internal link resolves to a page or file of the site, and every article page says where it
 * comes from and when (its outlet and date, linked to their pages). Shared by `npm run check:site`
 * and usable on any build: the seed site, a real-day build, a deployment's dist.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'node-html-parser';

export interface LinkReport {
  pages: number;
  links: number;
  /** `page → target` of internal links with no file behind them. */
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

/** The file a site path is served from: "/a/b/" → a/b/index.html, "/x.json" → x.json. */
function fileOf(dist: string, href: string): string {
  const clean = decodeURIComponent(href.split(/[?#]/)[0]!);
  return path.join(dist, clean.endsWith('/') ? `${clean}index.html` : clean);
}

/** Checks `pages` (paths relative to `dist`, as `htmlPages` lists them). */
export async function checkSiteLinks(dist: string, pages: readonly string[]): Promise<LinkReport> {
  const report: LinkReport = { pages: pages.length, links: 0, broken: [], articles: 0, dated: 0, approximate: 0, withOutlet: 0, withRelated: 0 };
  const known = new Map<string, boolean>();
  const exists = (file: string) => {
    let found = known.get(file);
    if (found === undefined) known.set(file, (found = existsSync(file)));
    return found;
  };
  for (const page of pages) {
    const root = parse(await readFile(path.join(dist, page), 'utf8'));
    for (const a of root.querySelectorAll('a[href^="/"]')) {
      const href = a.getAttribute('href')!;
      if (href.startsWith('//')) continue;
      report.links++;
      if (!exists(fileOf(dist, href))) report.broken.push(`${page} → ${href}`);
    }
    if (!/^articles\/[^/]+\/index\.html$/.test(page)) continue;
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
