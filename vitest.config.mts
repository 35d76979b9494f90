import { defineConfig } from 'vitest/config';

/**
 * Tests that load the machine on purpose (SIGKILL cycles, thousands of writes during a sync,
 * fuzzing): they run after everything else, so the timing-sensitive tests (event-loop pauses,
 * request spacing) never share the CPU with them.
 */
const LOAD_TESTS = [
  'tests/main/reliability/crash.test.ts',
  'tests/main/reliability/writes-during-sync.test.ts',
  'tests/main/reliability/fuzz-router.test.ts',
];

const shared = { pool: 'forks', testTimeout: 30_000, hookTimeout: 30_000 } as const;

/** Unit and integration tests under Node: real better-sqlite3 on temp files. */
export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'reports/vitest-unit.json' }]],
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**', ...LOAD_TESTS],
          sequence: { groupOrder: 0 },
        },
      },
      { test: { ...shared, name: 'load', include: LOAD_TESTS, sequence: { groupOrder: 1 } } },
    ],
  },
});
