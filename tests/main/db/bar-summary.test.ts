import type { Database } from 'better-sqlite3';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { asIsoDate, asTicker } from '../../../src/shared/brand';
import type { Bar } from '../../../src/shared/domain/bar';
import { barsToColumns, MAX_BARS_PER_RANGE } from '../../../src/shared/domain/bar-columns';
import { createCore, type Core } from '../../../src/main/app/create-core';
import { migrate } from '../../../src/main/db/migrate';
import { migrations } from '../../../src/main/db/migrations/index';
import { openDatabase } from '../../../src/main/db/open';
import { BarsRepository } from '../../../src/main/db/repositories/bars-repository';
import { bareInstrument, InstrumentsRepository } from '../../../src/main/db/repositories/instruments-repository';
import { instrumentSummaries } from '../../../src/main/services/market/market-service';
import { runSync } from '../../../src/main/sync/engine';
import { defaultSyncLimits } from '../../../src/main/sync/protocol';
import { useTempDir } from '../../helpers/temp-db';
import { startFakeProvider, type FakeProvider } from '../sync/support/fake-provider';
import { loadSeries } from '../sync/support/series';

const tmp = useTempDir();
let core: Core | null = null;
let fp: FakeProvider | null = null;
afterEach(async () => {
  await core?.close();
  await fp?.close();
  core = null;
  fp = null;
});

/** The summary as the bars say it, computed the slow way (what `instruments.list` did before the table). */
function fromBars(db: Database) {
  return db
    .prepare(
      `SELECT i.symbol,
         (SELECT count(*) FROM bars b WHERE b.symbol = i.symbol) AS bar_count,
         (SELECT min(date) FROM bars b WHERE b.symbol = i.symbol) AS first_date,
         (SELECT max(date) FROM bars b WHERE b.symbol = i.symbol) AS last_date,
         (SELECT close FROM bars b WHERE b.symbol = i.symbol AND placeholder = 0 ORDER BY date DESC LIMIT 1) AS last_close,
         (SELECT close FROM bars b WHERE b.symbol = i.symbol AND placeholder = 0 ORDER BY date DESC LIMIT 1 OFFSET 1) AS prev_close
       FROM instruments i ORDER BY i.symbol`,
    )
    .all();
}

function listed(db: Database) {
  return instrumentSummaries(new InstrumentsRepository(db), new BarsRepository(db)).map((s) => ({
    symbol: s.symbol,
    bar_count: s.barCount,
    first_date: s.firstDate,
    last_date: s.lastDate,
    last_close: s.lastClose,
    prev_close: null as number | null,
    lastChange: s.lastChange,
  }));
}

/** Checks that `instruments.list` (from the summary table) says exactly what the bars say. */
function expectSummaryTrue(db: Database) {
  const truth = fromBars(db) as Array<{ last_close: number | null; prev_close: number | null }>;
  const got = listed(db);
  expect(got.map(({ lastChange: _c, prev_close: _p, ...r }) => r)).toEqual(truth.map(({ prev_close: _p, ...r }) => r));
  expect(got.map((g) => g.lastChange)).toEqual(
    truth.map((t) => (t.last_close !== null && t.prev_close ? t.last_close / t.prev_close - 1 : null)),
  );
  // No row for a symbol without bars; one for every symbol with bars.
  const rows = db.prepare('SELECT count(*) AS n FROM bar_summary').get() as { n: number };
  expect(rows.n).toBe(truth.filter((t) => (t as unknown as { bar_count: number }).bar_count > 0).length);
}

const bar = (date: string, close: number, extra: Partial<Bar> = {}): Bar => ({
  date: asIsoDate(date),
  open: close,
  high: close + 1,
  low: close - 1,
  close,
  adjClose: null,
  volume: 1000,
  placeholder: false,
  ...extra,
});

describe('bar_summary is kept true by every write path', () => {
  it('upserts, revisions, placeholders, inserts of missing dates, deletes', () => {
    const db = openDatabase(tmp.dbPath());
    const instruments = new InstrumentsRepository(db);
    const bars = new BarsRepository(db);
    const A = asTicker('AAA');
    const B = asTicker('BBB');
    instruments.upsert(bareInstrument(A));
    instruments.upsert(bareInstrument(B));
    expectSummaryTrue(db);
    bars.upsertBatch(A, [bar('2025-01-02', 10), bar('2025-01-03', 11), bar('2025-01-06', 12)]);
    expectSummaryTrue(db);
    // A revision of the last close, then a newer placeholder (skipped for the closes).
    bars.upsertBatch(A, [bar('2025-01-06', 12.5)]);
    expectSummaryTrue(db);
    bars.upsertBatch(A, [bar('2025-01-07', 12.5, { placeholder: true, volume: 0, high: 12.5, low: 12.5 })]);
    expectSummaryTrue(db);
    expect(instrumentSummaries(instruments, bars)[0]).toMatchObject({
      lastDate: '2025-01-07',
      lastClose: 12.5,
      barCount: 4,
    });
    // Older sessions that were missing (the shipped data path).
    bars.insertMissingBatch(A, [bar('2024-12-30', 9), bar('2025-01-02', 99)]);
    expectSummaryTrue(db);
    bars.insertMissingBatch(B, [bar('2025-02-03', 5)]);
    expectSummaryTrue(db);
    // Inside a caller's transaction that rolls back: the summary rolls back with the bars.
    expect(() =>
      db.transaction(() => {
        bars.upsertBatch(B, [bar('2025-02-04', 6)]);
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
    expectSummaryTrue(db);
    // Deleting an instrument removes its bars and its summary.
    db.prepare("DELETE FROM instruments WHERE symbol = 'AAA'").run();
    expectSummaryTrue(db);
    db.close();
  });

  it('appends newer bars (the fast path) and deletes ranges, with placeholders at either end of a batch', () => {
    const db = openDatabase(tmp.dbPath());
    const instruments = new InstrumentsRepository(db);
    const bars = new BarsRepository(db);
    const A = asTicker('AAA');
    instruments.upsert(bareInstrument(A));
    const ph = (date: string, close: number) => bar(date, close, { placeholder: true, volume: 0 });
    // A first batch, then appends of: one valid close, only placeholders, two valid closes.
    expect(bars.upsertBatch(A, [ph('2025-01-01', 9), bar('2025-01-02', 10), bar('2025-01-03', 11)])).toBe(3);
    expectSummaryTrue(db);
    expect(bars.upsertBatch(A, [bar('2025-01-06', 12), ph('2025-01-07', 12)])).toBe(2);
    expectSummaryTrue(db);
    expect(bars.insertMissingBatch(A, [ph('2025-01-08', 12)])).toBe(1);
    expectSummaryTrue(db);
    expect(bars.upsertBatch(A, [bar('2025-01-09', 13), bar('2025-01-10', 14), ph('2025-01-13', 14)])).toBe(3);
    expectSummaryTrue(db);
    expect(bars.latestClose(A)).toEqual({ lastDate: '2025-01-13', lastClose: 14, prevClose: 13 });
    // Deleting the newest sessions, then appending after the new end.
    expect(bars.deleteRange(A, asIsoDate('2025-01-09'), asIsoDate('2025-01-31'))).toBe(3);
    expectSummaryTrue(db);
    expect(bars.upsertBatch(A, [bar('2025-01-09', 15)])).toBe(1);
    expectSummaryTrue(db);
    // Deleting everything removes the summary row; a write brings it back.
    expect(bars.deleteRange(A, asIsoDate('2000-01-01'), asIsoDate('2099-12-31'))).toBe(7);
    expectSummaryTrue(db);
    expect(bars.latestClose(A)).toBeNull();
    expect(bars.insertMissingBatch(A, [bar('2025-02-03', 20)])).toBe(1);
    expectSummaryTrue(db);
    db.close();
  });

  it('a batch that looks like an append but meets cached rows (a summary out of step) still writes right', () => {
    const db = openDatabase(tmp.dbPath());
    const instruments = new InstrumentsRepository(db);
    const bars = new BarsRepository(db);
    const A = asTicker('AAA');
    instruments.upsert(bareInstrument(A));
    bars.upsertBatch(A, [bar('2025-01-02', 10), bar('2025-01-03', 11)]);
    // Someone wrote around the repository and lost the summary row.
    db.prepare('DELETE FROM bar_summary').run();
    // Upsert: the cached 01-03 is revised, 01-06 added; the summary is rebuilt from the bars.
    expect(bars.upsertBatch(A, [bar('2025-01-03', 11.5), bar('2025-01-06', 12)])).toBe(2);
    expect(bars.range(A).map((b) => b.close)).toEqual([10, 11.5, 12]);
    expectSummaryTrue(db);
    db.prepare('DELETE FROM bar_summary').run();
    // Insert-missing never changes a cached row, even then.
    expect(bars.insertMissingBatch(A, [bar('2025-01-06', 99), bar('2025-01-07', 13)])).toBe(1);
    expect(bars.range(A).map((b) => b.close)).toEqual([10, 11.5, 12, 13]);
    expectSummaryTrue(db);
    // The same with a batch of several multi-row statements, the conflict in the second one.
    const day = (i: number) => new Date(Date.UTC(2025, 1, 1) + i * 86_400_000).toISOString().slice(0, 10);
    bars.upsertBatch(A, [bar(day(100), 1)]);
    db.prepare('DELETE FROM bar_summary').run();
    const long = Array.from({ length: 150 }, (_, i) => bar(day(i), 100 + i));
    expect(bars.upsertBatch(A, long)).toBe(150);
    expect(bars.range(A, asIsoDate(day(0))).map((b) => b.close)).toEqual(long.map((b) => b.close));
    expectSummaryTrue(db);
    db.close();
  });

  it('a CSV import and the embedded study seeding (through the services)', () => {
    core = createCore({ dbPath: tmp.dbPath(), seedOnOpen: true, isTrustedSender: () => true });
    expect(core.db.prepare('SELECT count(*) AS n FROM bar_summary').get()).not.toEqual({ n: 0 });
    expectSummaryTrue(core.db);
    core.services.market.importBarsCsv(
      asTicker('CSV'),
      'date,open,high,low,close,volume\n2025-01-02,10,11,9,10.5,100\n2025-01-03,10.5,12,10,11.5,200\n',
    );
    expectSummaryTrue(core.db);
    core.services.market.importBarsCsv(
      asTicker('CSV'),
      'date,open,high,low,close,volume\n2025-01-03,10.5,12,10,11,200\n',
    );
    expectSummaryTrue(core.db);
  });

  it('a price sync (the engine, as in the worker)', async () => {
    const series = loadSeries(3);
    fp = await startFakeProvider({ series });
    const db = openDatabase(tmp.dbPath());
    const fin = await runSync(
      {
        runId: 'r',
        jobs: series.map((s) => ({
          symbol: asTicker(s.symbol),
          from: asIsoDate('2025-01-01'),
          to: asIsoDate('2025-03-31'),
        })),
        providers: [{ id: 'yahoo', baseUrl: fp.url, apiKey: null }],
        limits: defaultSyncLimits,
        now: '2025-04-01T00:00:00.000Z',
        from: asIsoDate('2025-01-01'),
        to: asIsoDate('2025-03-31'),
      },
      { db, emit: () => undefined, signal: new AbortController().signal },
    );
    expect(fin.summary.updated).toBe(3);
    expectSummaryTrue(db);
    db.close();
  });

  it('migration 005 fills it from the bars already cached', () => {
    const path = tmp.dbPath();
    const raw = new BetterSqlite3(path);
    migrate(
      raw,
      migrations.filter((m) => m.version <= 4),
    );
    raw.prepare("INSERT INTO instruments (symbol) VALUES ('OLD'), ('EMPTY')").run();
    const ins = raw.prepare(
      "INSERT INTO bars (symbol, date, open, high, low, close, adj_close, volume, placeholder) VALUES ('OLD', ?, 1, 2, 0.5, ?, NULL, 10, ?)",
    );
    ins.run('2024-01-02', 1.5, 0);
    ins.run('2024-01-03', 1.25, 0);
    ins.run('2024-01-04', 1.25, 1);
    raw.close();
    const db = openDatabase(path);
    expectSummaryTrue(db);
    expect(
      instrumentSummaries(new InstrumentsRepository(db), new BarsRepository(db)).find((s) => s.symbol === 'OLD'),
    ).toMatchObject({
      barCount: 3,
      lastClose: 1.25,
      lastChange: 1.25 / 1.5 - 1,
    });
    db.close();
  });
});

describe('BarsRepository.columns', () => {
  it('gives the same bars as range(), by column, and only the newest `limit` with truncated set', () => {
    const db = openDatabase(tmp.dbPath());
    const S = asTicker('COL');
    new InstrumentsRepository(db).upsert(bareInstrument(S));
    const bars = new BarsRepository(db);
    const rows: Bar[] = Array.from({ length: 40 }, (_, i) =>
      bar(new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10), 10 + i, {
        open: i % 5 === 0 ? null : 10 + i,
        adjClose: i % 3 === 0 ? 9 + i : null,
        volume: i % 4 === 0 ? null : 1e11 + i,
        placeholder: i === 17,
      }),
    );
    bars.upsertBatch(S, rows);
    expect(bars.columns(S, undefined, undefined, MAX_BARS_PER_RANGE)).toEqual(barsToColumns(bars.range(S)));
    const from = asIsoDate('2025-01-05');
    const to = asIsoDate('2025-01-20');
    expect(bars.columns(S, from, to, 100)).toEqual(barsToColumns(bars.range(S, from, to)));
    expect(bars.columns(S, undefined, undefined, 10)).toEqual(barsToColumns(rows.slice(-10), true));
    expect(bars.columns(S, undefined, undefined, 40).truncated).toBe(false);
    db.close();
  });

  it('is what bars.range answers through the router, typed arrays and all', async () => {
    core = createCore({ dbPath: tmp.dbPath(), seedOnOpen: true, isTrustedSender: () => true });
    const env = (await core.router.dispatch('bars.range', { symbol: '9988.HK' }, { url: 'app://x/' })) as {
      ok: true;
      value: ReturnType<typeof barsToColumns>;
    };
    expect(env.ok).toBe(true);
    expect(env.value.close).toBeInstanceOf(Float64Array);
    expect(env.value).toEqual(barsToColumns(core.services.market.getBars(asTicker('9988.HK'))));
  });
});
