import { existsSync } from 'node:fs';
import { chromiumPath } from '../../scripts/lib/browser.ts';
import { settings } from '../../src/settings.ts';

export { chromiumPath, launchChromium, serveStatic } from '../../scripts/lib/browser.ts';

/**
 * Browser tests need Chromium. Locally they are skipped with a message when it is missing;
 * under CI (the `CI` setting) a missing browser is a failure, never a silent skip.
 */
export const hasChromium = existsSync(chromiumPath) || settings().ci;
if (!hasChromium) console.warn(`Chromium not found at ${chromiumPath}: browser tests skipped (apt-get install chromium).`);
