import { existsSync } from 'node:fs';
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

/** Serves a built site on a free loopback port; returns its origin and a close function. */
export async function serveStatic(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const handler = sirv(dir, { dev: true, etag: true });
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
