/**
 * Performance budget of the built site, checked by a command (not a timed test):
 *   npm run budget [-- --content DIR] [--pages N] [--no-lighthouse]
 * Builds the site (seed content by default) into a temp folder, serves it gzip-compressed with
 * its _headers as a static host would, then measures:
 * - HTML + CSS, gzip-compressed, of every article page        (budget ≤ 40 KB)
 *   and of every dossier page (the same budget)
 * - woff2 font bytes an article page downloads in Chromium    (budget ≤ 150 KB)
 * - JavaScript an article page loads: only search and theme   (allowed list below)
 * - Lighthouse performance, accessibility, best practices, SEO (each ≥ 95; median of --runs runs,
 *   default 3, as lab scores move with the load of a shared machine)
 * Prints a table and exits 1 when a budget is exceeded.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { commandLine, usageFromHeader } from '../src/cli/args.ts';
import { buildSite } from './lib/build.ts';
import { chromiumArgs, chromiumPath, launchChromium, precompress, serveStatic } from './lib/browser.ts';

const USAGE = usageFromHeader(import.meta.url);

const BUDGET = { htmlCssKB: 40, fontKB: 150, lighthouse: 95 };
/**
 * Scripts an article page may load: Pagefind's search UI and what it loads, the site's search
 * enhancement (src/components/Search*.astro, bundled with its shared chunk), the theme switch and
 * the entity link previews (src/components/EntityPreview.astro; their cards' group file loads on hover only).
 */
const ALLOWED_SCRIPT = /^\/(theme\.js|pagefind\/.+|_astro\/(Search[^/]*|EntityPreview[^/]*|adapter\.[^/]*)\.js)$/;

const { values: args } = commandLine(USAGE, {
  options: {
    content: { type: 'string' },
    pages: { type: 'string', default: '5' },
    runs: { type: 'string', default: '3' },
    'no-lighthouse': { type: 'boolean', default: false },
  },
});

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const failures: string[] = [];
const rows: [string, string, string, string][] = [];
function check(what: string, value: number, limit: number, unit: string, atMost = true) {
  const ok = atMost ? value <= limit : value >= limit;
  rows.push([what, `${value} ${unit}`, `${atMost ? '≤' : '≥'} ${limit} ${unit}`, ok ? 'ok' : 'OVER']);
  if (!ok) failures.push(what);
}

const temp = await mkdtemp(path.join(os.tmpdir(), 'marsad-budget-'));
const dist = path.join(temp, 'dist');
process.stderr.write('building the site…\n');
await buildSite({ contentDir: args.content ? path.resolve(args.content) : undefined, outDir: dist, cacheDir: path.join(temp, 'cache') });
await precompress(dist);

const graph = JSON.parse(await readFile(path.join(dist, 'data/graph.json'), 'utf8')) as { articles: { id: string }[] };
const articleIds = graph.articles.slice(0, Number(args.pages)).map((a) => a.id);
const server = await serveStatic(dist, { compress: true });
const browser = await launchChromium();

try {
  // HTML + CSS per article page, gzip-compressed; dossiers too (the same budget: a long read with pictures).
  const htmlCss = async (file: string) => {
    const html = await readFile(path.join(dist, file), 'utf8');
    let bytes = gzipSync(html).length;
    for (const m of html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"|<link[^>]+href="([^"]+\.css)"[^>]*rel="stylesheet"/g)) {
      const href = (m[1] ?? m[2])!;
      bytes += gzipSync(await readFile(path.join(dist, href))).length;
    }
    return bytes;
  };
  let worstHtmlCss = 0;
  for (const id of articleIds) worstHtmlCss = Math.max(worstHtmlCss, await htmlCss(path.join('articles', id, 'index.html')));
  check('article HTML + CSS (gzip, largest page)', kb(worstHtmlCss), BUDGET.htmlCssKB, 'KB');
  const dossiers = (await readdir(path.join(dist, 'dossiers'), { withFileTypes: true }).catch(() => [])).filter((d) => d.isDirectory());
  if (dossiers.length > 0) {
    let worstDossier = 0;
    for (const d of dossiers) worstDossier = Math.max(worstDossier, await htmlCss(path.join('dossiers', d.name, 'index.html')));
    check(`dossier HTML + CSS (gzip, largest of ${dossiers.length})`, kb(worstDossier), BUDGET.htmlCssKB, 'KB');
  }

  // Fonts and scripts an article page really loads in Chromium.
  let worstFonts = 0;
  const scripts = new Set<string>();
  for (const id of articleIds) {
    const page = await browser.newPage();
    const fontBodies: Promise<Buffer>[] = [];
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (type === 'font') fontBodies.push(response.body());
      if (type === 'script') scripts.add(new URL(response.url()).pathname);
    });
    await page.goto(`${server.origin}/articles/${id}/`, { waitUntil: 'networkidle' });
    const fontBytes = (await Promise.all(fontBodies)).reduce((sum, b) => sum + b.length, 0);
    worstFonts = Math.max(worstFonts, fontBytes);
    await page.close();
  }
  check('fonts per article page (woff2)', kb(worstFonts), BUDGET.fontKB, 'KB');
  const extraScripts = [...scripts].filter((s) => !ALLOWED_SCRIPT.test(s));
  rows.push(['scripts on article pages', [...scripts].sort().join(' '), 'search + theme only', extraScripts.length ? 'OVER' : 'ok']);
  if (extraScripts.length) failures.push(`unexpected scripts: ${extraScripts.join(', ')}`);

  // Lighthouse lab run in headless Chromium.
  if (!args['no-lighthouse']) {
    const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: chromiumArgs });
    try {
      for (const [label, url] of [
        ['home', '/'],
        ['article', `/articles/${articleIds[0]}/`],
        ['entity', '/entities/vladimir-putin/'],
        ['search', '/search/'],
      ] as const) {
        const scores = new Map<string, number[]>();
        for (let run = 0; run < Number(args.runs); run++) {
          const result = await lighthouse(`${server.origin}${url}`, {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
          });
          for (const [id, category] of Object.entries(result!.lhr.categories)) {
            scores.set(id, [...(scores.get(id) ?? []), Math.round((category.score ?? 0) * 100)]);
          }
        }
        for (const [id, values] of scores) {
          const sorted = values.sort((a, b) => a - b);
          const median = sorted[Math.floor(sorted.length / 2)]!;
          check(`Lighthouse ${id} (${label}, median of ${sorted.join('/')})`, median, BUDGET.lighthouse, '', false);
        }
      }
    } finally {
      await chrome.kill();
    }
  }
} finally {
  await browser.close();
  await server.close();
  await rm(temp, { recursive: true, force: true });
}

const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) console.log(`${r[0].padEnd(widths[0]!)}  ${r[1].padEnd(widths[1]!)}  ${r[2].padEnd(widths[2]!)}  ${r[3]}`);
if (failures.length) {
  console.error(`\nover budget: ${failures.join('; ')}`);
  process.exit(1);
}
console.log('\nall budgets met');
