import { defineConfig } from 'vitest/config';

/**
 * End-to-end: the built renderer in Chromium with `window.catalyst` bridged to the real
 * router and services in this process. Needs `npm run build` first.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts', 'tests/electron/**/*.electron.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    reporters: ['default', ['json', { outputFile: 'reports/vitest-e2e.json' }]],
  },
});
