import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** A copy of `text` that shares no memory with the string it was sliced from. */
export function ownString(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

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
  /**
   * Every file of the site (paths relative to its folder), when the caller has just listed them
   * (src/site/stale-files.ts walks the folder at the end of each build); default: listed here.
   */
  files?: readonly string[];
}

/**
 * Every internal link or asset reference in the built site that points at no file, as
 * "page → url". Run at the end of each build: a broken internal link fails the build.
 */
export function findBrokenLinks(distDir: string, options: LinkCheckOptions = {}): string[] {
  const files = options.files ?? readdirSync(distDir, { recursive: true, encoding: 'utf8' });
  const known = new Set(files.map((f) => path.normalize(f)));
  const broken: string[] = [];
  // Pages share most of their links (the header, the assets, the entities): each is checked once.
  const checked = new Map<string, boolean>();
  for (const file of options.pages ?? files) {
    if (!file.endsWith('.html')) continue;
    const html = readFileSync(path.join(distDir, file), 'utf8');
    for (const match of html.matchAll(URL_ATTRIBUTE)) {
      const attribute = match[1]!;
      let ok = checked.get(attribute);
      if (ok === undefined) {
        const url = attribute.replaceAll('&amp;', '&');
        ok =
          !url.startsWith('/') ||
          url.startsWith('//') ||
          (options.include !== undefined && !options.include(url)) ||
          resolves(distDir, url, known);
        // A match is a slice of its page's text: kept as a key, it would keep the whole page in
        // memory (every page with a link of its own: 4 GB and more at 120k pages). Keep a copy.
        checked.set(ownString(attribute), ok);
      }
      if (!ok) broken.push(`${file} → ${attribute.replaceAll('&amp;', '&')}`);
    }
  }
  return broken;
}
