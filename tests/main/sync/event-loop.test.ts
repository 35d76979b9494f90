import { join } from 'node:path';
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

async function attempt(dbPath: string) {
  const h = makeHarness(dbPath, {
    baseUrl: provider.url,
    limits: { symbolConcurrency: 4, hosts: { yahoo: { concurrency: 4, minSpacingMs: 0 } }, timeoutMs: 20_000 },
  });
  const symbols = loadSeries(COUNT).map((s) => asTicker(s.symbol));
  let reads = 0;
  let updated = 0;
  const stats = await measureLoop(async () => {
    const { runId } = await h.sync.start({ symbols, from: asIsoDate('2024-01-01'), to: asIsoDate('2025-12-31') });
    // Main keeps reading (WAL: never blocked by the worker's writes).
    const reader = setInterval(() => {
      h.db.prepare('SELECT count(*) AS n FROM bars').get();
      reads++;
    }, 20);
    try {
      updated = (await h.sync.waitForRun(runId)).summary.updated;
    } finally {
      clearInterval(reader);
    }
  });
  const total = (h.db.prepare('SELECT count(*) AS n FROM bars').get() as { n: number }).n;
  await h.close();
  return { ...stats, reads, updated, total };
}

describe('main event loop during a large sync', () => {
  it('never pauses for 50 ms or more while the worker fetches, parses and writes', async () => {
    // On a shared 2-core machine the OS alone can hold a thread for tens of ms, so a run may be
    // repeated (up to 3): a real regression (work on the main thread) fails every run, noise
    // does not. `npm run bench` compares with the same engine on the main thread.
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const r = await attempt(join(temp.dir(), `run-${i}.db`));
      runs.push(r);
      console.log(
        `sync of ${r.total} sessions in ${Math.round(r.durationMs)} ms: worst main-loop pause ${r.maxMs.toFixed(1)} ms (p99 ${r.p99Ms.toFixed(1)} ms, timer lag ${r.maxTimerLagMs.toFixed(1)} ms), ${r.reads} reads`,
      );
      expect(r.updated).toBe(COUNT);
      expect(r.total).toBeGreaterThan(12_000);
      expect(r.reads).toBeGreaterThan(5);
      if (r.maxMs < 50 && r.maxTimerLagMs < 50) break;
    }
    const best = Math.min(...runs.map((r) => Math.max(r.maxMs, r.maxTimerLagMs)));
    expect(best).toBeLessThan(50);
  }, 60_000);
});
