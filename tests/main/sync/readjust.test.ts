import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/open';
import { runSync } from '../../../src/main/sync/engine';
import { defaultSyncLimits, type SyncCommit, type SyncRunRequest } from '../../../src/main/sync/protocol';
import { asIsoDate, asTicker } from '../../../src/shared/brand';
import type { SyncFinishedEvent } from '../../../src/shared/domain/sync';
import { useTempDir } from '../../helpers/temp-db';
import { startFakeProvider, type FakeProvider } from './support/fake-provider';
import { expectedBars, storedBars } from './support/harness';
import { realSeries, type FakeSeries } from './support/series';

/* Prices that change under the cache: splits and revisions re-fetch the history; placeholders are "no data". */
const temp = useTempDir();
let fp: FakeProvider | null = null;
let db: Database | null = null;
afterEach(async () => {
  db?.close();
  db = null;
  await fp?.close();
  fp = null;
});

const bidu = () => realSeries().find((s) => s.symbol === 'BIDU')!;

/** The commits of the last `sync()` (what main turns into `data.changed`). */
let commits: SyncCommit[] = [];

function sync(symbol: string, from: string, to: string, now: string): Promise<SyncFinishedEvent> {
  commits = [];
  const req: SyncRunRequest = {
    runId: `r-${now}`,
    jobs: [{ symbol: asTicker(symbol), from: asIsoDate(from), to: asIsoDate(to) }],
    providers: [{ id: 'yahoo', baseUrl: fp!.url, apiKey: null }],
    limits: defaultSyncLimits,
    now,
    from: asIsoDate(from),
    to: asIsoDate(to),
  };
  return runSync(req, {
    db: db!,
    emit: () => undefined,
    signal: new AbortController().signal,
    onCommit: (c) => commits.push(c),
  });
}

/** The series as Yahoo serves it after a 3:1 split on `date`: every earlier price divided by 3. */
function splitAdjusted(s: FakeSeries, date: string): FakeSeries {
  const r = (v: number) => Math.round((v / 3) * 100) / 100;
  return {
    ...s,
    bars: s.bars.map((b) =>
      b.date >= date
        ? b
        : { ...b, open: r(b.open), high: r(b.high), low: r(b.low), close: r(b.close), volume: b.volume * 3 },
    ),
    splits: [{ date, numerator: 3, denominator: 1 }],
  };
}

describe('a split after the last cached session', () => {
  it('re-fetches the whole cached range and replaces it in one go, and says so', async () => {
    const pre = bidu();
    fp = await startFakeProvider({ series: [{ ...pre, bars: pre.bars.filter((b) => b.date <= '2025-02-14') }] });
    db = openDatabase(temp.dbPath());
    const first = await sync('BIDU', '2025-01-02', '2025-02-14', '2025-02-15T00:00:00.000Z');
    expect(first.results[0]).toMatchObject({ status: 'updated' });
    expect(storedBars(db, 'BIDU')).toEqual(expectedBars(pre, '2025-01-02', '2025-02-14'));

    const post = splitAdjusted(pre, '2025-02-18');
    fp.replaceSeries(post);
    fp.reset();
    const second = await sync('BIDU', '2025-01-02', '2025-02-28', '2025-03-01T00:00:00.000Z');
    expect(second.results[0]).toMatchObject({
      status: 'updated',
      notice: 'history re-adjusted for a 3:1 split on 2025-02-18',
    });
    // Every cached session is on the new scale: nothing of the old one is left next to it.
    expect(storedBars(db, 'BIDU')).toEqual(expectedBars(post, '2025-01-02', '2025-02-28'));
    // The replaced history is committed, and told like any batch (one data.changed for BIDU).
    expect(commits).toEqual([
      {
        runId: 'r-2025-03-01T00:00:00.000Z',
        symbol: 'BIDU',
        inserted: expect.any(Number),
        revised: expect.any(Number),
        instrumentChanged: false,
      },
    ]);
    expect(commits[0]!.inserted).toBeGreaterThan(0);
    expect(commits[0]!.revised).toBeGreaterThan(0);
    // The tail request, then one request for the whole cached range.
    expect(fp.requests.map((r) => r.url)).toHaveLength(2);
    const events = db
      .prepare("SELECT date, kind, numerator, denominator FROM provider_events WHERE symbol = 'BIDU'")
      .all();
    expect(events).toEqual([{ date: '2025-02-18', kind: 'split', numerator: 3, denominator: 1 }]);
  });
});

describe('revised prices in the overlap', () => {
  it('re-fetches the history when a cached close changed beyond rounding', async () => {
    const s = bidu();
    fp = await startFakeProvider({ series: [s] });
    db = openDatabase(temp.dbPath());
    await sync('BIDU', '2025-01-02', '2025-02-14', '2025-02-15T00:00:00.000Z');
    const revised = {
      ...s,
      bars: s.bars.map((b) =>
        b.date === '2025-01-06' || b.date === '2025-02-12'
          ? { ...b, close: Math.round(b.close * 1.02 * 100) / 100, high: Math.round(b.high * 1.05 * 100) / 100 }
          : b,
      ),
    };
    fp.replaceSeries(revised);
    fp.reset();
    const r = await sync('BIDU', '2025-01-02', '2025-02-28', '2025-03-01T00:00:00.000Z');
    expect(r.results[0]!.notice).toMatch(/^history re-fetched: Yahoo Finance revised the close of 2025-02-12 from /);
    expect(storedBars(db, 'BIDU')).toEqual(expectedBars(revised, '2025-01-02', '2025-02-28'));
    expect(commits.map((c) => c.symbol)).toEqual(['BIDU']);
    expect(commits[0]!.revised).toBeGreaterThanOrEqual(2);
    expect(fp.requests).toHaveLength(2);
  });

  it('does not re-fetch for rounding-sized differences or a change of the last cached session', async () => {
    const s = bidu();
    fp = await startFakeProvider({ series: [s] });
    db = openDatabase(temp.dbPath());
    await sync('BIDU', '2025-01-02', '2025-02-14', '2025-02-15T00:00:00.000Z');
    const nudged = {
      ...s,
      bars: s.bars.map((b) =>
        b.date === '2025-02-12'
          ? { ...b, close: b.close + 0.004 }
          : b.date === '2025-02-14'
            ? { ...b, close: Math.min(b.high, b.close * 1.01) }
            : b,
      ),
    };
    fp.replaceSeries(nudged);
    fp.reset();
    const r = await sync('BIDU', '2025-01-02', '2025-02-28', '2025-03-01T00:00:00.000Z');
    expect(r.results[0]!.notice).toBeUndefined();
    expect(fp.requests).toHaveLength(1);
  });
});

describe('a listing the provider knows but has no data for', () => {
  it('is "no data" with the provider\'s words, not up to date, and creates no instrument', async () => {
    const s = { ...bidu(), symbol: 'GONE.ST', name: 'Gone AB (publ)' };
    fp = await startFakeProvider({ series: [s], faults: [{ symbol: 'GONE.ST', fault: { kind: 'placeholder' } }] });
    db = openDatabase(temp.dbPath());
    const r = await sync('GONE.ST', '2020-01-01', '2020-01-10', '2025-03-01T00:00:00.000Z');
    expect(r.results[0]).toMatchObject({
      status: 'failed',
      reason: 'no-data',
      error:
        'Yahoo Finance knows GONE.ST but has no data for it: "Gone AB (publ)" on YHD has no sessions, currency null and firstTradeDate null (delisted?)',
    });
    expect(db.prepare('SELECT count(*) AS n FROM instruments').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM sync_coverage').get()).toEqual({ n: 0 });
  });
});
