/**
 * The checks of the site tests, over every page of any built site: html-validate with the
 * project's `.htmlvalidate.json` (scripts/lib/html-validate.ts), and what a reader follows
 * (scripts/lib/site-links.ts: every internal link and asset resolves, by the build's own check;
 * how many article pages show a date linked to its day, an outlet linked to its page, related
 * stories). Wherever the site was built: the seed build, a real-day build kept by
 * `npm run bench:scale -- --keep DIR` (its pages are in DIR/dist), a deployment's dist.
 *
 *   npm run check:site -- DIST [--first N]
 *
 * Prints how many pages were checked, the errors per rule, the first N errors (default 20) as
 * `page:line:column rule message`, the link figures and the first N broken links. Exits 0 when
 * there is no error and no broken link, 1 when there is any (warnings are counted, not failed), 2 on
 * a usage error or a folder with no pages.
 */
import { parseArgs } from 'node:util';
import { formatProblem, type HtmlProblem, htmlPages, projectValidator, validatePage } from './lib/html-validate.ts';
import { checkSiteLinks } from './lib/site-links.ts';

const USAGE = 'usage: npm run check:site -- DIST [--first N]   (DIST: a built site folder, e.g. dist)';

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { first: { type: 'string', default: '20' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const first = Number(args.values.first);
  if (args.positionals.length !== 1 || !Number.isInteger(first) || first < 0) {
    console.error(USAGE);
    return 2;
  }
  const dist = args.positionals[0]!;
  let pages: string[];
  try {
    pages = await htmlPages(dist);
  } catch (error) {
    console.error(`check:site: cannot read ${dist}: ${(error as Error).message}`);
    return 2;
  }
  if (pages.length === 0) {
    console.error(`check:site: no .html pages under ${dist}`);
    return 2;
  }

  const validator = await projectValidator();
  const errors: HtmlProblem[] = [];
  const byRule = new Map<string, number>();
  const pagesWithErrors = new Set<string>();
  let warnings = 0;
  const started = performance.now();
  for (const page of pages) {
    for (const problem of await validatePage(validator, dist, page)) {
      if (problem.severity < 2) {
        warnings++;
        continue;
      }
      errors.push(problem);
      pagesWithErrors.add(page);
      byRule.set(problem.ruleId, (byRule.get(problem.ruleId) ?? 0) + 1);
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${pages.length} pages checked in ${seconds} s: ${errors.length} errors on ${pagesWithErrors.size} pages, ${warnings} warnings`,
  );
  for (const [rule, count] of [...byRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])))
    console.log(`  ${String(count).padStart(6)}  ${rule}`);
  if (errors.length > 0) {
    console.log(`first ${Math.min(first, errors.length)} errors:`);
    for (const problem of errors.slice(0, first)) console.log(`  ${formatProblem(problem)}`);
  }
  const links = await checkSiteLinks(dist, pages);
  const share = (n: number) => (links.articles === 0 ? '–' : `${((100 * n) / links.articles).toFixed(1)}%`);
  console.log(`${links.urls} internal URLs (links and assets): ${links.broken.length} broken`);
  for (const broken of links.broken.slice(0, first)) console.log(`  ${broken}`);
  console.log(
    `${links.articles} article pages: dated ${share(links.dated)} (by collection day ${share(links.approximate)}), outlet linked ${share(links.withOutlet)}, related stories ${share(links.withRelated)}`,
  );
  return errors.length > 0 || links.broken.length > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
