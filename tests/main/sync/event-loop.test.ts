import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asIsoDate, asTicker } from '../../../src/shared/brand';
import { useTempDir } from '../../helpers/temp-db';
import { makeHarness } from './support/harness';
import { measureLoop, startFakeProviderThread, type ThreadedProvider } from './support/load';
import { loadSeries } from './support/series';

/*
 * DESIGN: "The fetch worker never blocks the main process's event loop for more than 50 ms."
 * A large sync (40 symbols, about 12 000 sessions, 500-session write batches with fsync)
 * runs in the worker while this (main) thread measures its own event-loop pauses and keeps
 * reading the cache the worker is writing. The fake provider runs in a third thread.
 */
const temp = useTempDir();
const COUNT = 40;
let provider: ThreadedProvider;

beforeAll(async () => {
  provider = await startFakeProviderThread(COUNT);
});
afterAll(async () => {
  await provider?.close();
});

describe('main event loop during a large sync', () => {
  it('never pauses for 50 ms or more while the worker fetches, parses and writes', async () => {
    const h = makeHarness(temp.dbPath(), { baseUrl: provider.url, limits: { symbolConcurrency: 4, hosts: { yahoo: { concurrency: 4, minSpacingMs: 0 } }, timeoutMs: 20_000 } });
    const symbols = loadSeries(COUNT).map((s) => asTicker(s.symbol));
    let reads = 0;
    const stats = await measureLoop(async () => {
      const { runId } = await h.sync.start({ symbols, from: asIsoDate('2024-01-01'), to: asIsoDate('2025-12-31') });
      // Main keeps reading (WAL: never blocked by the worker's writes).
      const reader = setInterval(() => {
        h.db.prepare('SELECT count(*) AS n FROM bars').get();
        reads++;
      }, 20);
      try {
        const fin = await h.sync.waitForRun(runId);
        expect(fin.summary.updated).toBe(COUNT);
      } finally {
        clearInterval(reader);
      }
    });
    const total = (h.db.prepare('SELECT count(*) AS n FROM bars').get() as { n: number }).n;
    await h.close();
    console.log(`sync of ${total} sessions in ${Math.round(stats.durationMs)} ms: worst main-loop pause ${stats.maxMs.toFixed(1)} ms (p99 ${stats.p99Ms.toFixed(1)} ms, timer lag ${stats.maxTimerLagMs.toFixed(1)} ms), ${reads} reads`);
    expect(total).toBeGreaterThan(12_000);
    expect(reads).toBeGreaterThan(5);
    expect(stats.maxMs).toBeLessThan(50);
    expect(stats.maxTimerLagMs).toBeLessThan(50);
  });
});
