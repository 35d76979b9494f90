import { afterEach, describe, expect, it } from 'vitest';
import { asIsoDate, asTicker } from '../../../src/shared/brand';
import { openDatabase } from '../../../src/main/db/open';
import { runSync } from '../../../src/main/sync/engine';
import { defaultSyncLimits, type SyncRunRequest, type SyncWireEvent } from '../../../src/main/sync/protocol';
import { useTempDir } from '../../helpers/temp-db';
import { startFakeProvider, type FakeProvider } from './support/fake-provider';
import { expectedBars, storedBars } from './support/harness';
import { loadSeries } from './support/series';

/* The engine on the calling thread, with an instrumented fetch: what the client decides, exactly. */
const temp = useTempDir();
let fp: FakeProvider | null = null;
afterEach(async () => {
  await fp?.close();
  fp = null;
});

function request(symbols: string[], baseUrl: string, over: Partial<SyncRunRequest['limits']> = {}): SyncRunRequest {
  return {
    runId: 'r',
    jobs: symbols.map((s) => ({ symbol: asTicker(s), from: asIsoDate('2025-01-01'), to: asIsoDate('2025-02-28') })),
    providers: [{ id: 'yahoo', baseUrl, apiKey: null }],
    limits: { ...defaultSyncLimits, ...over },
    now: '2025-04-01T00:00:00.000Z',
    from: asIsoDate('2025-01-01'),
    to: asIsoDate('2025-02-28'),
  };
}

describe('sync engine', () => {
  it('spaces its requests to a host by at least the minimum, counted at the fetch call', async () => {
    const series = loadSeries(6);
    fp = await startFakeProvider({ series });
    const db = openDatabase(temp.dbPath());
    const calls: number[] = [];
    const req = request(
      series.map((s) => s.symbol),
      fp.url,
      { symbolConcurrency: 6, hosts: { ...defaultSyncLimits.hosts, yahoo: { concurrency: 6, minSpacingMs: 60 } } },
    );
    const fin = await runSync(req, {
      db,
      emit: () => undefined,
      signal: new AbortController().signal,
      fetch: (url, init) => {
        calls.push(performance.now());
        return fetch(url, init);
      },
    });
    expect(fin.summary.updated).toBe(6);
    const gaps = calls.slice(1).map((c, i) => c - calls[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(59);
    db.close();
  });

  it('writes in batches: each commit records its range together with all of its bars', async () => {
    const [s] = loadSeries(1);
    fp = await startFakeProvider({ series: [s!] });
    const db = openDatabase(temp.dbPath());
    // A second connection watches the committed state between batches, as the main process would.
    const reader = openDatabase(temp.dbPath());
    const states = new Set<string>();
    const problems: string[] = [];
    let polling = true;
    const poll = () => {
      // A poll queued before the run ended must not touch the reader once it is closed.
      if (!polling) return;
      const c = reader
        .prepare<[], { from_date: string; to_date: string }>('SELECT from_date, to_date FROM sync_coverage')
        .get();
      if (c) {
        const held = storedBars(reader, s!.symbol, c.from_date, c.to_date);
        const want = expectedBars(s!, c.from_date, c.to_date);
        if (JSON.stringify(held) !== JSON.stringify(want))
          problems.push(`${c.from_date}..${c.to_date}: ${held.length} of ${want.length}`);
        states.add(`${c.to_date}/${held.length}`);
      }
      if (polling) setImmediate(poll);
    };
    setImmediate(poll);
    const events: SyncWireEvent[] = [];
    const fin = await runSync(request([s!.symbol], fp.url, { batchSize: 7 }), {
      db,
      emit: (e) => events.push(e),
      signal: new AbortController().signal,
    }).finally(() => (polling = false));
    const total = expectedBars(s!, '2025-01-01', '2025-02-28').length;
    expect(fin.results[0]).toMatchObject({ status: 'updated', added: total });
    expect(problems).toEqual([]);
    // One visible state per batch of 7 sessions.
    expect(states.size).toBe(Math.ceil(total / 7));
    expect(reader.prepare('SELECT from_date, to_date FROM sync_coverage').get()).toEqual({
      from_date: '2025-01-01',
      to_date: '2025-02-28',
    });
    expect(events.map((e) => e.type)).toEqual(['started', 'symbol', 'symbol', 'finished']);
    reader.close();
    db.close();
  });
});
