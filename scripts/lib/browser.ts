import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import sirv from 'sirv';
import { settings } from '../../src/settings.ts';

/** Debian's Chromium (`apt-get install chromium`), or `MARSAD_CHROMIUM` (src/settings.ts). */
export const chromiumPath = settings().chromium;

/** Flags for headless Chromium on these machines (no sandbox as root, no background network). */
export const chromiumArgs = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

interface HeaderRule {
  /** Path pattern: exact, or a prefix ending in "*". */
  pattern: string;
  headers: [string, string][];
}

/** Reads a `_headers` file (Netlify/Cloudflare format) into rules, in file order. */
function readHeaderRules(dir: string): HeaderRule[] {
  const file = path.join(dir, '_headers');
  if (!existsSync(file)) return [];
  const rules: HeaderRule[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const at = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

function matches(pattern: string, urlPath: string): boolean {
  return pattern.endsWith('*') ? urlPath.startsWith(pattern.slice(0, -1)) : urlPath === pattern;
}

/**
 * Serves a built site on a free loopback port as a static host would: the headers its `_headers`
 * file gives each path (the Content-Security-Policy, cache lifetimes), and with `compress`, the
 * `.gz` files `precompress()` wrote. `onBytes` hears every body byte sent, with the path it was for. Returns the origin and
 * a close function.
 */
export async function serveStatic(
  dir: string,
  options: { compress?: boolean; onBytes?: (bytes: number, path: string) => void } = {},
): Promise<{ origin: string; close: () => Promise<void> }> {
  const handler = sirv(dir, { dev: !options.compress, etag: true, gzip: options.compress ?? false });
  const rules = readHeaderRules(dir);
  const server = http.createServer((req, res) => {
    const urlPath = new URL(req.url ?? '/', 'http://x').pathname;
    for (const rule of rules) {
      if (!matches(rule.pattern, urlPath)) continue;
      for (const [name, value] of rule.headers) res.setHeader(name, value);
    }
    const count = options.onBytes;
    if (count) {
      // Count the body bytes sent, as a browser's transfer size would (headers aside).
      const write = res.write.bind(res) as (...a: unknown[]) => boolean;
      const end = res.end.bind(res) as (...a: unknown[]) => typeof res;
      const size = (chunk: unknown) =>
        typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk instanceof Uint8Array ? chunk.length : 0;
      res.write = ((chunk: unknown, ...rest: unknown[]) => {
        count(size(chunk), urlPath);
        return write(chunk, ...rest);
      }) as typeof res.write;
      res.end = ((chunk?: unknown, ...rest: unknown[]) => {
        if (typeof chunk !== 'function') count(size(chunk), urlPath);
        return end(chunk, ...rest);
      }) as typeof res.end;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Text files a static host compresses. */
const COMPRESSIBLE = /\.(html|css|js|mjs|json|svg|xml|txt|webmanifest|pf_meta)$/;

/** Writes a `.gz` beside every compressible file of a built site, as hosts with gzip_static serve. */
export async function precompress(dir: string): Promise<void> {
  const files = await readdir(dir, { recursive: true });
  for (const file of files) {
    if (!COMPRESSIBLE.test(file)) continue;
    const full = path.join(dir, file);
    await writeFile(`${full}.gz`, gzipSync(await readFile(full), { level: 9 }));
  }
}
