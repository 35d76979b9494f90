import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asIsoDate, asTicker } from '../../../src/shared/brand';
import type { SymbolSyncResult, SyncFinishedEvent } from '../../../src/shared/domain/sync';
import { useTempDir } from '../../helpers/temp-db';
import { startFakeProvider, type FakeProvider, type FaultRule } from './support/fake-provider';
import { expectedBars, makeHarness, storedBars, type Harness } from './support/harness';
import { loadSeries, realSeries, type FakeSeries } from './support/series';

/*
 * One fault per symbol, all in one run through the real worker: the run finishes, good
 * symbols are stored exactly, failed ones keep their previous data and name a specific reason.
 */
const temp = useTempDir();
const alias = loadSeries(3);
const series: FakeSeries[] = [
  ...realSeries(),
  { ...alias[0]!, symbol: 'DROP.HK' },
  // Sessions only before the asked range: an empty answer.
  { ...alias[1]!, symbol: 'EMPTY.HK', bars: alias[1]!.bars.filter((b) => b.date < '2025-01-01') },
  { ...alias[2]!, symbol: 'BADBAR.HK' },
];
const bySymbol = new Map(series.map((s) => [s.symbol, s]));
const faults: FaultRule[] = [
  { symbol: 'BABA', fault: { kind: 'status', status: 429, retryAfter: '1' }, times: 1 },
  { symbol: '0700.HK', fault: { kind: 'status', status: 500 } },
  { symbol: '9888.HK', fault: { kind: 'status', status: 503 }, times: 1 },
  { symbol: '1810.HK', fault: { kind: 'html' } },
  { symbol: 'BIDU', fault: { kind: 'truncated' } },
  { symbol: '^HSI', fault: { kind: 'nulls', dates: ['2025-02-04', '2025-03-11'] } },
  { symbol: '^GSPC', fault: { kind: 'slow', ms: 1500 } },
  { symbol: 'DROP.HK', fault: { kind: 'drop' } },
  { symbol: 'BADBAR.HK', fault: { kind: 'bad-bar', date: '2025-02-14' } },
];
const symbols = [...series.map((s) => s.symbol), 'NOPE.HK'].map(asTicker);

let fp: FakeProvider;
let h: Harness;
let before: Map<string, unknown>;
let run: SyncFinishedEvent;
const result = (s: string): SymbolSyncResult => run.results.find((r) => r.symbol === s)!;

beforeAll(async () => {
  fp = await startFakeProvider({ series });
  h = makeHarness(temp.dbPath(), { baseUrl: fp.url });
  // The previous state: January 2025, fetched without faults.
  const first = await h.sync.waitForRun(
    (await h.sync.start({ symbols, from: asIsoDate('2025-01-01'), to: asIsoDate('2025-01-31') })).runId,
  );
  expect(first.summary).toMatchObject({ updated: 10, upToDate: 1, failed: 1 });
  before = new Map(
    symbols.map((s) => [
      s,
      { bars: storedBars(h.db, s), coverage: h.db.prepare('SELECT * FROM sync_coverage WHERE symbol = ?').all(s) },
    ]),
  );
  fp.setFaults(faults);
  fp.reset();
  const started = performance.now();
  run = await h.sync.waitForRun(
    (await h.sync.start({ symbols, from: asIsoDate('2025-01-01'), to: asIsoDate('2025-03-31') })).runId,
  );
  expect(performance.now() - started).toBeLessThan(15_000);
}, 30_000);

afterAll(async () => {
  await h?.close();
  await fp?.close();
});

describe('a sync against a faulty provider', () => {
  it('finishes with a result for every symbol', () => {
    expect(run.cancelled).toBe(false);
    expect(run.offline).toBe(false);
    expect(run.results.map((r) => r.symbol)).toEqual(symbols);
    expect(h.events.filter((e) => e.name === 'sync.finished')).toHaveLength(2);
  });

  it('stores good symbols exactly, including after a 429 (Retry-After honoured) and a passing 503', () => {
    for (const s of ['9988.HK', 'BABA', '9888.HK']) {
      expect(result(s)).toMatchObject({ status: 'updated', reason: null, error: null });
      expect(storedBars(h.db, s, '2025-01-01', '2025-03-31')).toEqual(
        expectedBars(bySymbol.get(s)!, '2025-01-01', '2025-03-31'),
      );
    }
    const baba = fp.requests.filter((r) => r.symbol === 'BABA');
    expect(baba).toHaveLength(2);
    expect(baba[1]!.startedAt - baba[0]!.startedAt).toBeGreaterThanOrEqual(990);
    expect(result('BABA').added).toBe(expectedBars(bySymbol.get('BABA')!, '2025-02-01', '2025-03-31').length);
  });

  it('drops rows with null prices and keeps the rest exactly', () => {
    expect(result('^HSI').status).toBe('updated');
    const stored = storedBars(h.db, '^HSI', '2025-01-01', '2025-03-31');
    expect(stored.map((b) => b.date)).not.toContain('2025-02-04');
    expect(stored).toEqual(
      expectedBars(bySymbol.get('^HSI')!, '2025-01-01', '2025-03-31', ['2025-02-04', '2025-03-11']),
    );
  });

  it('records an empty range as fetched without inventing sessions', () => {
    expect(result('EMPTY.HK')).toMatchObject({ status: 'up-to-date', added: 0 });
    expect(storedBars(h.db, 'EMPTY.HK')).toEqual([]);
    expect(h.db.prepare("SELECT from_date, to_date FROM sync_coverage WHERE symbol = 'EMPTY.HK'").get()).toEqual({
      from_date: '2025-01-01',
      to_date: '2025-03-31',
    });
  });

  it.each([
    ['0700.HK', 'server-error', /^Yahoo Finance had a server error \(HTTP 500\) \(3 attempts\)$/],
    ['1810.HK', 'bad-response', /HTML page instead of data/],
    ['BIDU', 'bad-response', /ends early \(truncated/],
    ['^GSPC', 'timeout', /was still sending its answer after 0\.5 s \(3 attempts\)/],
    ['DROP.HK', 'connection-dropped', /closed the connection before the whole answer arrived/],
    ['BADBAR.HK', 'invalid-data', /impossible bars \(2025-02-14: /],
    ['NOPE.HK', 'unknown-symbol', /does not know NOPE\.HK/],
  ])('%s fails as %s and keeps its previous data unchanged', (symbol, reason, message) => {
    expect(result(symbol)).toMatchObject({ status: 'failed', reason, added: 0, changed: 0 });
    expect(result(symbol).error).toMatch(message);
    expect({
      bars: storedBars(h.db, symbol),
      coverage: h.db.prepare('SELECT * FROM sync_coverage WHERE symbol = ?').all(symbol),
    }).toEqual(before.get(symbol));
  });

  it('retries 5xx and timeouts up to the bound, and never retries what cannot change', () => {
    const count = (s: string) => fp.requests.filter((r) => r.symbol === s).length;
    expect(count('0700.HK')).toBe(3);
    expect(count('9888.HK')).toBe(2);
    expect(count('^GSPC')).toBe(3);
    expect(count('1810.HK')).toBe(1);
    expect(count('BIDU')).toBe(1);
    expect(count('NOPE.HK')).toBe(1);
    expect(count('BADBAR.HK')).toBe(1);
  });

  it('reports each symbol as a push event with the reason', () => {
    const failed = h.events
      .filter((e) => e.name === 'sync.symbol' && (e.payload as { state: string }).state === 'failed')
      .map((e) => e.payload as { symbol: string; reason: string });
    expect(failed.filter((f) => f.symbol === 'BIDU').at(-1)!.reason).toBe('bad-response');
    expect(run.summary).toMatchObject({ total: 12, updated: 4, upToDate: 1, failed: 7 });
  });
});
