import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { asIsoDate, asTicker } from '../../../../src/shared/brand';
import type { SyncSymbolEvent } from '../../../../src/shared/domain/sync';
import { CatalystError } from '../../../../src/shared/contract/errors';
import { useTempDir } from '../../../helpers/temp-db';
import { startFakeProvider, type FakeProvider } from '../../sync/support/fake-provider';
import { expectedBars, makeHarness, storedBars, type Harness } from '../../sync/support/harness';
import { realSeries, loadSeries, type FakeSeries } from '../../sync/support/series';

const temp = useTempDir();
const d = asIsoDate;
const t = (s: string[]) => s.map(asTicker);
let fp: FakeProvider | null = null;
let h: Harness | null = null;

afterEach(async () => {
  await h?.close();
  await fp?.close();
  h = null;
  fp = null;
});

const upTo = (s: FakeSeries, last: string): FakeSeries => ({ ...s, bars: s.bars.filter((b) => b.date <= last) });
const series = (...symbols: string[]) => realSeries().filter((s) => symbols.includes(s.symbol));

async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe('incremental sync', () => {
  it('asks one small request per symbol the second time, and adds exactly a new session', async () => {
    const full = series('9988.HK', '0700.HK', '^HSI');
    fp = await startFakeProvider({ series: full.map((s) => upTo(s, '2025-01-28')) });
    h = makeHarness(temp.dbPath(), { baseUrl: fp.url, clock: '2025-02-02T10:00:00Z' });
    const symbols = t(['9988.HK', '0700.HK', '^HSI']);

    const first = await h.sync.waitForRun((await h.sync.start({ symbols, from: d('2024-10-01') })).runId);
    expect(first.results.map((r) => r.status)).toEqual(['updated', 'updated', 'updated']);
    for (const s of full) expect(storedBars(h.db, s.symbol)).toEqual(expectedBars(s, '2024-10-01', '2025-01-28'));
    expect(fp.requests).toHaveLength(3);

    // Again, later the same day (a Sunday): fetched after the exchange's last close, so
    // nothing can be new and nothing is asked.
    fp.reset();
    const settled = await h.sync.waitForRun((await h.sync.start({ symbols })).runId);
    expect(settled.results.map((r) => [r.status, r.added, r.changed])).toEqual([
      ['up-to-date', 0, 0],
      ['up-to-date', 0, 0],
      ['up-to-date', 0, 0],
    ]);
    expect(fp.requests).toHaveLength(0);

    // Forced: only the tail, overlap included, one request each.
    const second = await h.sync.waitForRun((await h.sync.start({ symbols, force: true })).runId);
    expect(second.results.map((r) => [r.status, r.added, r.changed])).toEqual([
      ['up-to-date', 0, 0],
      ['up-to-date', 0, 0],
      ['up-to-date', 0, 0],
    ]);
    expect(fp.requests.map((r) => r.symbol).sort()).toEqual(['0700.HK', '9988.HK', '^HSI']);
    for (const r of fp.requests) {
      expect(r.sessions).toBeLessThanOrEqual(5);
      const p1 = Number(new URL(r.url, fp.url).searchParams.get('period1'));
      expect(p1).toBeGreaterThanOrEqual(Date.parse('2025-01-24T00:00:00Z') / 1000);
    }

    // A new session (the real 2025-02-03 bars) appears: the next sync adds exactly it.
    for (const s of full)
      fp.addBar(
        s.symbol,
        s.bars.find((b) => b.date === '2025-02-03')!,
      );
    h.setClock('2025-02-03T10:00:00Z');
    fp.reset();
    const third = await h.sync.waitForRun((await h.sync.start({ symbols })).runId);
    expect(third.results.map((r) => [r.status, r.added, r.changed])).toEqual([
      ['updated', 1, 0],
      ['updated', 1, 0],
      ['updated', 1, 0],
    ]);
    expect(fp.requests).toHaveLength(3);
    for (const s of full) expect(storedBars(h.db, s.symbol)).toEqual(expectedBars(s, '2024-10-01', '2025-02-03'));
    expect(h.sync.status().symbols.find((x) => x.symbol === '9988.HK')).toEqual({
      symbol: '9988.HK',
      lastUpdated: '2025-02-03T10:00:00.000Z',
      provider: 'yahoo',
      from: '2024-10-01',
      to: '2025-02-03',
    });
  });

  it('continues a symbol cached from a file from its last session, and syncs every cached symbol by default', async () => {
    const [hk] = series('9988.HK');
    fp = await startFakeProvider({ series: [hk!] });
    h = makeHarness(temp.dbPath(), { baseUrl: fp.url, clock: '2025-03-03T10:00:00Z' });
    h.db
      .prepare(
        "INSERT INTO instruments (symbol, name, timezone, provenance) VALUES ('9988.HK', 'Alibaba (seed)', 'Asia/Hong_Kong', 'seed file')",
      )
      .run();
    const ins = h.db.prepare(
      'INSERT INTO bars (symbol, date, open, high, low, close, volume) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const b of hk!.bars.filter((b) => b.date <= '2025-02-14'))
      ins.run('9988.HK', b.date, b.open, b.high, b.low, b.close, b.volume);
    const run = await h.sync.waitForRun((await h.sync.start({})).runId);
    expect(run.results).toHaveLength(1);
    const added = expectedBars(hk!, '2025-02-15', '2025-03-03').length;
    expect(run.results[0]).toMatchObject({ symbol: '9988.HK', status: 'updated', added });
    expect(fp.requests).toHaveLength(1);
    expect(h.db.prepare("SELECT name, provenance FROM instruments WHERE symbol = '9988.HK'").get()).toEqual({
      name: 'Alibaba (seed)',
      provenance: 'seed file; later sessions from Yahoo Finance',
    });
  });
});

describe('running a sync', () => {
  it('cancels mid-run: in-flight requests abort, committed symbols stay', async () => {
    const many = loadSeries(8);
    fp = await startFakeProvider({ series: many, latencyMs: 250 });
    h = makeHarness(temp.dbPath(), {
      baseUrl: fp.url,
      limits: { symbolConcurrency: 1, hosts: { yahoo: { concurrency: 1, minSpacingMs: 0 } } },
    });
    const { runId } = await h.sync.start({
      symbols: t(many.map((s) => s.symbol)),
      from: d('2024-06-01'),
      to: d('2025-03-31'),
    });
    const firstDone = await new Promise<number>((resolve) => {
      const poll = setInterval(() => {
        const st = h!.sync.status().running;
        if (st && st.done >= 2) {
          clearInterval(poll);
          resolve(performance.now());
        }
      }, 5);
    });
    expect(h.sync.cancel(runId)).toEqual({ cancelled: true });
    const run = await h.sync.waitForRun(runId);
    expect(performance.now() - firstDone).toBeLessThan(1000);
    expect(run.cancelled).toBe(true);
    const updated = run.results.filter((r) => r.status === 'updated');
    expect(updated.length).toBeGreaterThanOrEqual(2);
    expect(updated.length).toBeLessThan(8);
    expect(run.results.filter((r) => r.status === 'failed').every((r) => r.reason === 'cancelled')).toBe(true);
    for (const r of updated)
      expect(storedBars(h.db, r.symbol)).toEqual(
        expectedBars(
          many.find((s) => s.symbol === r.symbol)!,
          '2024-06-01',
          '2025-03-31',
        ),
      );
    expect(run.message).toMatch(/^Cancelled: /);
    expect(h.sync.cancel(runId)).toEqual({ cancelled: false });
  });

  it('reports offline once, not once per symbol, and changes nothing', async () => {
    const port = await closedPort();
    h = makeHarness(temp.dbPath(), { baseUrl: `http://127.0.0.1:${port}` });
    const symbols = t(['9988.HK', '0700.HK', 'BABA', 'BIDU', '^HSI', '1810.HK']);
    const run = await h.sync.waitForRun(
      (await h.sync.start({ symbols, from: d('2025-01-01'), to: d('2025-01-31') })).runId,
    );
    expect(run.offline).toBe(true);
    expect(run.message).toBe('Offline: no price provider could be reached. The cached prices are unchanged.');
    expect(run.results.every((r) => r.status === 'failed' && r.reason === 'offline')).toBe(true);
    expect(run.results[0]!.error).toMatch(/127\.0\.0\.1:\d+ cannot be reached \(ECONNREFUSED\)/);
    const failures = h.events.filter(
      (e) => e.name === 'sync.symbol' && (e.payload as SyncSymbolEvent).state !== 'running',
    );
    expect(failures).toEqual([]);
    expect(h.events.filter((e) => e.name === 'sync.finished')).toHaveLength(1);
    expect(h.db.prepare('SELECT count(*) AS n FROM instruments').get()).toEqual({ n: 0 });
  });

  it('holds the per-host concurrency limit (counted by the server)', async () => {
    const many = loadSeries(8);
    fp = await startFakeProvider({ series: many, latencyMs: 150 });
    h = makeHarness(temp.dbPath(), {
      baseUrl: fp.url,
      limits: { symbolConcurrency: 8, hosts: { yahoo: { concurrency: 2, minSpacingMs: 0 } } },
    });
    const run = await h.sync.waitForRun(
      (await h.sync.start({ symbols: t(many.map((s) => s.symbol)), from: d('2025-01-01'), to: d('2025-02-28') })).runId,
    );
    expect(run.summary.updated).toBe(8);
    expect(fp.requests).toHaveLength(8);
    expect(fp.maxInFlight).toBe(2);
  });

  it('holds the minimum spacing between requests (seen by the server)', async () => {
    const many = loadSeries(8);
    fp = await startFakeProvider({ series: many });
    h = makeHarness(temp.dbPath(), {
      baseUrl: fp.url,
      limits: { symbolConcurrency: 8, hosts: { yahoo: { concurrency: 8, minSpacingMs: 100 } } },
    });
    const run = await h.sync.waitForRun(
      (await h.sync.start({ symbols: t(many.map((s) => s.symbol)), from: d('2025-01-01'), to: d('2025-02-28') })).runId,
    );
    expect(run.summary.updated).toBe(8);
    const starts = fp.requests.map((r) => r.startedAt).sort((a, b) => a - b);
    // Unlimited, all 8 would arrive within a few ms. The engine spaces its fetch calls exactly
    // (engine.test.ts); on the wire a request can then be held back by the worker's own writes
    // or a new connection, so the server checks the rate and the absence of bursts.
    expect(starts.at(-1)! - starts[0]!).toBeGreaterThanOrEqual(7 * 100 * 0.9);
    for (let i = 2; i < starts.length; i++) expect(starts[i]! - starts[i - 2]!).toBeGreaterThanOrEqual(40);
  });

  it('refuses a second run while one is going, and shows progress in status', async () => {
    fp = await startFakeProvider({ series: loadSeries(3), latencyMs: 200 });
    h = makeHarness(temp.dbPath(), { baseUrl: fp.url });
    const { runId, total } = await h.sync.start({
      symbols: t(['L00.HK', 'L01.HK', 'L02.HK']),
      from: d('2025-01-01'),
      to: d('2025-01-31'),
    });
    expect(total).toBe(3);
    await expect(h.sync.start({ symbols: t(['L00.HK']) })).rejects.toMatchObject({ code: 'conflict' });
    expect(h.sync.status().running).toMatchObject({ runId, total: 3 });
    await h.sync.waitForRun(runId);
    const st = h.sync.status();
    expect(st.running).toBeNull();
    expect(st.lastRun).toMatchObject({ runId, summary: { updated: 3 } });
  });

  it('needs symbols when the cache is empty', async () => {
    h = makeHarness(temp.dbPath(), { baseUrl: 'http://127.0.0.1:9' });
    await expect(h.sync.start({})).rejects.toThrow(CatalystError);
  });
});

describe('providers, fallbacks and settings', () => {
  it('falls back along the provider order, with keys from the secret store', async () => {
    fp = await startFakeProvider({ series: series('BABA', '9988.HK'), tiingoKey: 'tk-123' });
    h = makeHarness(temp.dbPath(), { baseUrl: fp.url, secrets: { 'tiingo.apiKey': 'tk-123' } });
    await h.sync.updateSettings({ providerOrder: ['tiingo', 'yahoo'] });
    const run = await h.sync.waitForRun(
      (await h.sync.start({ symbols: t(['BABA', '9988.HK']), from: d('2025-01-01'), to: d('2025-01-31') })).runId,
    );
    expect(run.results.map((r) => [r.symbol, r.status, r.provider])).toEqual([
      ['BABA', 'updated', 'tiingo'],
      ['9988.HK', 'updated', 'yahoo'],
    ]);
    expect(fp.requests.map((r) => r.provider)).toEqual(expect.arrayContaining(['tiingo', 'yahoo']));
    expect(fp.requests.filter((r) => r.provider === 'tiingo').map((r) => r.symbol)).toEqual(['BABA']);
    expect(storedBars(h.db, 'BABA')).toEqual(expectedBars(series('BABA')[0]!, '2025-01-01', '2025-01-31'));
  });

  it('asks only the chosen provider and says why it failed', async () => {
    fp = await startFakeProvider({ series: series('9988.HK'), twelveDataKey: 'td-1' });
    h = makeHarness(temp.dbPath(), { baseUrl: fp.url });
    const noKey = await h.sync.waitForRun(
      (await h.sync.start({ symbols: t(['9988.HK']), provider: 'twelvedata' })).runId,
    );
    expect(noKey.results[0]).toMatchObject({ status: 'failed', reason: 'missing-key', provider: 'twelvedata' });
    expect(fp.requests).toHaveLength(0);
    await h.sync.setApiKey('twelvedata', 'td-1');
    const ok = await h.sync.waitForRun(
      (
        await h.sync.start({
          symbols: t(['9988.HK']),
          provider: 'twelvedata',
          from: d('2025-01-01'),
          to: d('2025-01-31'),
        })
      ).runId,
    );
    expect(ok.results[0]).toMatchObject({ status: 'updated', provider: 'twelvedata', added: 19 });
    expect(storedBars(h.db, '9988.HK').map((b) => [b.date, b.close, b.adj_close])[0]).toEqual([
      '2025-01-02',
      81.3,
      null,
    ]);
    await h.sync.setApiKey('twelvedata', 'wrong');
    const bad = await h.sync.waitForRun(
      (
        await h.sync.start({
          symbols: t(['9988.HK']),
          provider: 'twelvedata',
          from: d('2025-02-01'),
          to: d('2025-02-28'),
        })
      ).runId,
    );
    expect(bad.results[0]).toMatchObject({ status: 'failed', reason: 'auth' });
  });

  it('keeps settings in the database and keys in the secret store only', async () => {
    h = makeHarness(temp.dbPath(), { baseUrl: 'http://127.0.0.1:9' });
    expect(await h.sync.getSettings()).toEqual({
      providerOrder: ['yahoo'],
      baseUrls: {},
      keys: { tiingo: false, twelvedata: false },
      updateOnLaunch: false,
    });
    await h.sync.updateSettings({
      providerOrder: ['yahoo', 'tiingo'],
      baseUrls: { yahoo: 'https://proxy.example/yahoo' },
      updateOnLaunch: true,
    });
    const s = await h.sync.setApiKey('tiingo', 'secret-key-1');
    expect(s).toEqual({
      providerOrder: ['yahoo', 'tiingo'],
      baseUrls: { yahoo: 'https://proxy.example/yahoo' },
      keys: { tiingo: true, twelvedata: false },
      updateOnLaunch: true,
    });
    expect(JSON.stringify(h.db.prepare('SELECT * FROM sync_settings').all())).not.toContain('secret-key-1');
    expect((await h.sync.updateSettings({ baseUrls: { yahoo: null } })).baseUrls).toEqual({});
  });
});
