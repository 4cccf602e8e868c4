import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Tells `astro build` where the pictures' worker thread is (src/pictures/painter.ts): pages are
 * bundled, so the worker's source file cannot be found relative to the page's own code. The dev
 * server draws pictures in its own thread, so that an edited picture module shows at once.
 */
export function picturesIntegration(): AstroIntegration {
  return {
    name: 'marsad-pictures',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build') return;
        updateConfig({
          vite: { define: { __MARSAD_PICTURES_WORKER__: JSON.stringify(fileURLToPath(new URL('./worker.ts', import.meta.url))) } },
        });
      },
    },
  };
}
