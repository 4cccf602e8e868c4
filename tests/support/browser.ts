import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import sirv from 'sirv';

/** Debian's Chromium; `.ci/run` installs it (`apt-get install chromium`). */
export const chromiumPath = process.env.MARSAD_CHROMIUM || '/usr/bin/chromium';

/**
 * Browser tests need Chromium. Locally they are skipped with a message when it is missing;
 * under CI (`CI=true`) a missing browser is a failure, never a silent skip.
 */
export const hasChromium = existsSync(chromiumPath) || process.env.CI === 'true';
if (!hasChromium) console.warn(`Chromium not found at ${chromiumPath}: browser tests skipped (apt-get install chromium).`);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/**
 * Reads the headers a `_headers` file gives every path (`/*`), as a static host would send them,
 * so browser tests run under the site's real Content-Security-Policy.
 */
function globalHeaders(dir: string): [string, string][] {
  const file = path.join(dir, '_headers');
  if (!existsSync(file)) return [];
  const headers: [string, string][] = [];
  let inGlobal = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) inGlobal = line.trim() === '/*';
    else if (inGlobal) {
      const at = line.indexOf(':');
      headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return headers;
}

/** Serves a built site on a free loopback port, with its `_headers`; returns origin and close. */
export async function serveStatic(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const handler = sirv(dir, { dev: true, etag: true });
  const headers = globalHeaders(dir);
  const server = http.createServer((req, res) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
