import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure libraries, fast) and `site` (a real `astro build` of the content
 * into a temp folder, shared by the HTML and browser tests through `tests/support/build-site.ts`).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/site/**', 'tests/browser/**'],
          // Some unit tests run a CLI in a child process; on a loaded machine that outlasts 5 s.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          globalSetup: ['tests/support/build-site.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
