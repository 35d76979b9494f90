import { defineConfig } from 'vitest/config';

/** Unit and integration tests under Node: real better-sqlite3 on temp files. */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: 'reports/vitest-unit.json' }]],
  },
});
