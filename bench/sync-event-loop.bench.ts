/**
 * The main process's event loop during a large price sync: the fetch worker (the app's way)
 * against the same engine on the main thread (the baseline it exists to avoid).
 * DESIGN asks for no pause of 50 ms or more; the ratio shows what the worker saves.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asIsoDate, asTicker } from '../src/shared/brand';
import { inProcessSyncRunner } from '../src/main/sync/runner';
import { makeHarness } from '../tests/main/sync/support/harness';
import { measureLoop, startFakeProviderThread, type LoopStats } from '../tests/main/sync/support/load';
import { loadSeries } from '../tests/main/sync/support/series';
import type { BenchMeasure } from './run';

export const name = 'Main event loop during a 40-symbol sync (~12 000 sessions)';

const COUNT = 40;
const ROUNDS = 3;

async function once(baseUrl: string, inProcess: boolean): Promise<LoopStats & { sessions: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'catalyst-bench-'));
  try {
    const h = makeHarness(join(dir, 'bench.db'), {
      baseUrl,
      limits: { symbolConcurrency: 4, hosts: { yahoo: { concurrency: 4, minSpacingMs: 0 } }, timeoutMs: 30_000 },
      sync: inProcess ? { runner: inProcessSyncRunner } : {},
    });
    const symbols = loadSeries(COUNT).map((s) => asTicker(s.symbol));
    const stats = await measureLoop(async () => {
      const { runId } = await h.sync.start({ symbols, from: asIsoDate('2024-01-01'), to: asIsoDate('2025-12-31') });
      const fin = await h.sync.waitForRun(runId);
      if (fin.summary.updated !== COUNT) throw new Error(`bench sync failed: ${fin.message}`);
    });
    const sessions = (h.db.prepare('SELECT count(*) AS n FROM bars').get() as { n: number }).n;
    await h.close();
    return { ...stats, sessions };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchMeasure[]> {
  const provider = await startFakeProviderThread(COUNT);
  try {
    // Warm-up: the first worker compiles the TypeScript sources.
    await once(provider.url, false);
    const worker: Array<Awaited<ReturnType<typeof once>>> = [];
    const inline: Array<Awaited<ReturnType<typeof once>>> = [];
    for (let i = 0; i < ROUNDS; i++) {
      worker.push(await once(provider.url, false));
      inline.push(await once(provider.url, true));
    }
    const worst = (xs: LoopStats[]) => Math.max(...xs.map((x) => x.maxMs));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const wWorst = worst(worker);
    const iWorst = worst(inline);
    return [
      { name: 'sessions written per run', value: worker[0]!.sessions, unit: 'bars' },
      {
        name: 'worker: worst main-loop pause',
        value: wWorst,
        unit: 'ms',
        note: `over ${ROUNDS} runs; must stay < 50 ms`,
      },
      { name: 'worker: median p99 pause', value: median(worker.map((x) => x.p99Ms)), unit: 'ms' },
      { name: 'worker: median sync time', value: median(worker.map((x) => x.durationMs)), unit: 'ms' },
      {
        name: 'in-process: worst main-loop pause',
        value: iWorst,
        unit: 'ms',
        note: 'same engine on the main thread (baseline)',
      },
      { name: 'in-process: median p99 pause', value: median(inline.map((x) => x.p99Ms)), unit: 'ms' },
      { name: 'in-process: median sync time', value: median(inline.map((x) => x.durationMs)), unit: 'ms' },
      {
        name: 'worst pause ratio in-process / worker',
        value: iWorst / wWorst,
        unit: 'x',
        note: 'how much longer main stalls without the worker',
      },
    ];
  } finally {
    await provider.close();
  }
}
