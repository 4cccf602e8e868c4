import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** `href`/`src` attribute values of generated HTML (Astro always writes double quotes). */
const URL_ATTRIBUTE = /\s(?:href|src)="([^"]*)"/g;

/** Whether a site-relative URL path resolves to a file of the built site. */
function resolves(distDir: string, urlPath: string, known: Set<string>): boolean {
  let target: string;
  try {
    target = decodeURIComponent(urlPath.split(/[?#]/)[0]!);
  } catch {
    return false;
  }
  const rel = target.replace(/^\/+/, '');
  const candidates = target.endsWith('/') ? [path.join(rel, 'index.html')] : [rel, path.join(rel, 'index.html'), `${rel}.html`];
  return candidates.some((c) => known.has(path.normalize(c)) || existsSync(path.join(distDir, c)));
}

export interface LinkCheckOptions {
  /** Only these pages (paths relative to the site folder); default every page. */
  pages?: readonly string[];
  /** Only URLs this accepts; default every internal URL. */
  include?: (url: string) => boolean;
}

/**
 * Every internal link or asset reference in the built site that points at no file, as
 * "page → url". Run at the end of each build: a broken internal link fails the build.
 */
export function findBrokenLinks(distDir: string, options: LinkCheckOptions = {}): string[] {
  const files = readdirSync(distDir, { recursive: true, encoding: 'utf8' });
  const known = new Set(files.map((f) => path.normalize(f)));
  const broken: string[] = [];
  for (const file of options.pages ?? files) {
    if (!file.endsWith('.html')) continue;
    const html = readFileSync(path.join(distDir, file), 'utf8');
    for (const match of html.matchAll(URL_ATTRIBUTE)) {
      const url = match[1]!.replaceAll('&amp;', '&');
      if (!url.startsWith('/') || url.startsWith('//')) continue;
      if (options.include && !options.include(url)) continue;
      if (!resolves(distDir, url, known)) broken.push(`${file} → ${url}`);
    }
  }
  return broken;
}
