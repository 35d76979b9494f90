import { afterEach, describe, expect, it } from 'vitest';
import { asIsoDate, asTicker } from '../../../src/shared/brand';
import { openDatabase } from '../../../src/main/db/open';
import { runSync } from '../../../src/main/sync/engine';
import { FIRST_BACKOFF_SPACING_MS, HostLimiter } from '../../../src/main/sync/host-limiter';
import { defaultSyncLimits, type SyncRunRequest } from '../../../src/main/sync/protocol';
import { useTempDir } from '../../helpers/temp-db';
import { startFakeProvider, type FakeProvider } from './support/fake-provider';
import { expectedBars, storedBars } from './support/harness';
import { loadSeries } from './support/series';

const temp = useTempDir();
let fp: FakeProvider | null = null;
afterEach(async () => {
  await fp?.close();
  fp = null;
});

describe('HostLimiter spacing', () => {
  it('starts at the minimum, doubles on each 429 up to the maximum, and creeps back on answers', () => {
    const limiter = new HostLimiter(() => ({ concurrency: 2, minSpacingMs: 0, maxSpacingMs: 1000 }));
    void limiter.acquire('h');
    expect(limiter.spacingMs('h')).toBe(0);
    limiter.throttled('h', null);
    expect(limiter.spacingMs('h')).toBe(FIRST_BACKOFF_SPACING_MS);
    limiter.throttled('h', null);
    expect(limiter.spacingMs('h')).toBe(2 * FIRST_BACKOFF_SPACING_MS);
    for (let i = 0; i < 10; i++) limiter.throttled('h', null);
    expect(limiter.spacingMs('h')).toBe(1000);
    limiter.answered('h');
    expect(limiter.spacingMs('h')).toBe(900);
    for (let i = 0; i < 100; i++) limiter.answered('h');
    expect(limiter.spacingMs('h')).toBe(0);
  });

  it('keeps hosts apart and never goes below a host’s own minimum', () => {
    const limiter = new HostLimiter((h) => ({ concurrency: 1, minSpacingMs: h === 'slow' ? 8000 : 0 }));
    void limiter.acquire('slow');
    void limiter.acquire('fast');
    limiter.throttled('fast', null);
    expect(limiter.spacingMs('slow')).toBe(8000);
    limiter.throttled('slow', null);
    expect(limiter.spacingMs('slow')).toBe(16_000);
    for (let i = 0; i < 200; i++) limiter.answered('slow');
    expect(limiter.spacingMs('slow')).toBe(8000);
    expect(limiter.spacingMs('fast')).toBe(FIRST_BACKOFF_SPACING_MS);
  });

  it('pauses every waiter of the host for a Retry-After, and ignores one longer than the run waits', async () => {
    let now = 0;
    const limiter = new HostLimiter(
      () => ({ concurrency: 4, minSpacingMs: 0 }),
      () => now,
      5000,
    );
    await limiter.acquire('h');
    limiter.throttled('h', 60_000);
    // Longer than the 5 s the run would wait: no pause (the symbol fails instead).
    let granted = false;
    void limiter.acquire('h').then(() => (granted = true));
    await new Promise((r) => setTimeout(r, FIRST_BACKOFF_SPACING_MS + 50));
    now += FIRST_BACKOFF_SPACING_MS;
    await new Promise((r) => setTimeout(r, FIRST_BACKOFF_SPACING_MS + 50));
    expect(granted).toBe(true);

    // A 300 ms Retry-After holds the next grant until the clock has passed it.
    limiter.throttled('h', 300);
    let second = false;
    void limiter.acquire('h').then(() => (second = true));
    await new Promise((r) => setTimeout(r, 350));
    expect(second).toBe(false);
    now += 400;
    await new Promise((r) => setTimeout(r, 350));
    expect(second).toBe(true);
  });
});

function request(symbols: string[], baseUrl: string, limits: SyncRunRequest['limits']): SyncRunRequest {
  return {
    runId: 'r',
    jobs: symbols.map((s) => ({ symbol: asTicker(s), from: asIsoDate('2025-01-01'), to: asIsoDate('2025-02-28') })),
    providers: [{ id: 'yahoo', baseUrl, apiKey: null }],
    limits,
    now: '2025-04-01T00:00:00.000Z',
    from: asIsoDate('2025-01-01'),
    to: asIsoDate('2025-02-28'),
  };
}

describe('adaptive spacing against a rate-limited provider', () => {
  const limits = (over: Partial<SyncRunRequest['limits']> = {}): SyncRunRequest['limits'] => ({
    ...defaultSyncLimits,
    timeoutMs: 10_000,
    retry: { maxAttempts: 8, baseDelayMs: 20, maxDelayMs: 200, maxRetryAfterMs: 5000 },
    ...over,
  });

  it('uses the whole concurrency limit when the provider is not limiting', async () => {
    const series = loadSeries(8);
    fp = await startFakeProvider({ series, latencyMs: 120 });
    const db = openDatabase(temp.dbPath());
    const fin = await runSync(
      request(
        series.map((s) => s.symbol),
        fp.url,
        limits(),
      ),
      {
        db,
        emit: () => undefined,
        signal: new AbortController().signal,
      },
    );
    expect(fin.summary.updated).toBe(8);
    expect(fp.requests).toHaveLength(8);
    // The default Yahoo limit: 2 in flight, really used (the old fixed 250 ms spacing kept it at 1).
    expect(fp.maxInFlight).toBe(defaultSyncLimits.hosts.yahoo.concurrency);
    db.close();
  });

  it('backs off on 429 until the provider stops refusing, stores every symbol exactly, never exceeds the concurrency', async () => {
    const series = loadSeries(12);
    // At most 3 request starts per 300 ms: a client without spacing gets refused.
    fp = await startFakeProvider({ series, latencyMs: 10, rateLimit: { max: 3, windowMs: 300 } });
    const db = openDatabase(temp.dbPath());
    const fin = await runSync(
      request(
        series.map((s) => s.symbol),
        fp.url,
        limits(),
      ),
      {
        db,
        emit: () => undefined,
        signal: new AbortController().signal,
      },
    );
    expect(fin.summary.updated).toBe(12);
    for (const s of series) expect(storedBars(db, s.symbol)).toEqual(expectedBars(s, '2025-01-01', '2025-02-28'));
    const refused = fp.requests.filter((r) => r.limited).length;
    expect(refused).toBeGreaterThan(0);
    // Backing off keeps refusals to a few: without it every retry races the others into the limit.
    expect(refused).toBeLessThan(12);
    expect(fp.maxInFlight).toBeLessThanOrEqual(defaultSyncLimits.hosts.yahoo.concurrency);
    // After the first refusal, the accepted requests settle near the provider's rate.
    const accepted = fp.requests.filter((r) => !r.limited).map((r) => r.startedAt);
    for (let i = 3; i < accepted.length; i++) expect(accepted[i]! - accepted[i - 3]!).toBeGreaterThanOrEqual(300 - 5);
    db.close();
  });

  it('pauses the host for a Retry-After: the other symbols wait too', async () => {
    const series = loadSeries(6);
    const limitedSymbol = series[0]!.symbol;
    fp = await startFakeProvider({
      series,
      faults: [{ symbol: limitedSymbol, fault: { kind: 'status', status: 429, retryAfter: '1' }, times: 1 }],
    });
    const db = openDatabase(temp.dbPath());
    const fin = await runSync(
      request(
        series.map((s) => s.symbol),
        fp.url,
        limits(),
      ),
      {
        db,
        emit: () => undefined,
        signal: new AbortController().signal,
      },
    );
    expect(fin.summary.updated).toBe(6);
    expect(fp.requests).toHaveLength(7);
    const refused = fp.requests.find((r) => r.symbol === limitedSymbol)!.startedAt;
    // Only the request already granted in the other slot may start while the host is paused;
    // without the pause the four remaining symbols would all go at once.
    const duringPause = fp.requests.filter((r) => r.startedAt > refused + 1 && r.startedAt < refused + 950);
    expect(duringPause.length).toBeLessThanOrEqual(defaultSyncLimits.hosts.yahoo.concurrency - 1);
    db.close();
  });
});
