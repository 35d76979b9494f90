import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../helpers/run-cli';
import { useTempDir } from '../../../helpers/temp-db';
import { startFakeProvider, type FakeProvider } from '../../sync/support/fake-provider';
import { expectedBars, storedBars } from '../../sync/support/harness';
import { realSeries } from '../../sync/support/series';

const temp = useTempDir();
let fp: FakeProvider;
const series = realSeries();
const fast = { CATALYST_SYNC_TIMEOUT_MS: '2000', CATALYST_SYNC_RETRY_DELAY_MS: '10', CATALYST_SYNC_SPACING_MS: '0' };

beforeAll(async () => {
  fp = await startFakeProvider({
    series,
    tiingoKey: 'tiingo-key-1',
    faults: [{ symbol: 'BIDU', fault: { kind: 'html' } }],
  });
});
afterAll(async () => {
  await fp?.close();
});

describe('catalyst sync', () => {
  it('prints one result per symbol as JSON and exits 2 when some failed', async () => {
    const db = temp.dbPath();
    const r = await runCli(
      [
        '--db',
        db,
        'sync',
        '--symbols',
        '9988.HK,baba,BIDU,NOPE.HK',
        '--from',
        '2025-01-01',
        '--to',
        '2025-01-31',
        '--base-url',
        fp.url,
        '--json',
      ],
      fast,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(
      out.results.map((x: { symbol: string; status: string; added: number; error: string | null }) => [
        x.symbol,
        x.status,
        x.added,
        x.error === null,
      ]),
    ).toEqual([
      ['9988.HK', 'updated', 19, true],
      ['BABA', 'updated', 20, true],
      ['BIDU', 'failed', 0, false],
      ['NOPE.HK', 'failed', 0, false],
    ]);
    expect(out.results[2]).toMatchObject({ reason: 'bad-response', error: expect.stringMatching(/HTML page/) });
    expect(out.results[3]).toMatchObject({ reason: 'unknown-symbol' });
    expect(out.summary).toEqual({ total: 4, updated: 2, upToDate: 0, failed: 2, added: 39, changed: 0 });
    const conn = new BetterSqlite3(db, { readonly: true });
    expect(storedBars(conn, '9988.HK')).toEqual(
      expectedBars(
        series.find((s) => s.symbol === '9988.HK')!,
        '2025-01-01',
        '2025-01-31',
      ),
    );
    conn.close();
  });

  it('syncs every cached instrument without --symbols, takes the base URL from the environment, exits 0', async () => {
    const db = temp.dbPath();
    const env = { ...fast, CATALYST_YAHOO_BASE_URL: fp.url };
    expect(
      (
        await runCli(
          ['--db', db, 'sync', '--symbols', '0700.HK,^HSI', '--from', '2025-03-01', '--to', '2025-03-31', '--json'],
          env,
        )
      ).code,
    ).toBe(0);
    fp.reset();
    const r = await runCli(['--db', db, 'sync', '--from', '2025-03-01', '--to', '2025-04-30', '--json'], env);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.results.map((x: { symbol: string; status: string }) => [x.symbol, x.status])).toEqual([
      ['0700.HK', 'updated'],
      ['^HSI', 'updated'],
    ]);
    // Incremental: from a week before what was held, not from March 1st again.
    for (const req of fp.requests)
      expect(Number(new URL(req.url, fp.url).searchParams.get('period1'))).toBeGreaterThanOrEqual(
        Date.parse('2025-03-23T00:00:00Z') / 1000,
      );
    const human = await runCli(['--db', db, 'sync', '--from', '2025-03-01', '--to', '2025-04-30'], env);
    expect(human.stdout).toMatch(
      /^0700\.HK {2}up-to-date +\+0\n\^HSI {5}up-to-date +\+0\n0 updated, 2 up to date\.\n$/,
    );
  });

  it('asks nothing again for a range fetched after its last close, and asks anyway with --force', async () => {
    const db = temp.dbPath();
    const args = ['--db', db, 'sync', '--symbols', '9988.HK,BABA', '--from', '2025-01-01', '--to', '2025-01-31'];
    const env = { ...fast, CATALYST_YAHOO_BASE_URL: fp.url };
    fp.reset();
    expect((await runCli([...args, '--json'], env)).code).toBe(0);
    expect(fp.requests).toHaveLength(2);
    // January 2025 closed long before this run fetched it: a plain re-sync sends no request.
    fp.reset();
    const again = await runCli([...args, '--json'], env);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).summary).toMatchObject({ upToDate: 2, updated: 0, added: 0 });
    expect(fp.requests).toHaveLength(0);
    // --force asks each symbol again, and finds nothing new.
    const forced = await runCli([...args, '--force', '--json'], env);
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout).summary).toMatchObject({ upToDate: 2, updated: 0, added: 0, changed: 0 });
    expect(fp.requests.map((r) => r.symbol).sort()).toEqual(['9988.HK', 'BABA']);
  });

  it('uses a keyed provider with the key from the environment', async () => {
    const db = temp.dbPath();
    const args = [
      '--db',
      db,
      'sync',
      '--symbols',
      'BABA',
      '--from',
      '2025-01-01',
      '--to',
      '2025-01-31',
      '--provider',
      'tiingo',
      '--base-url',
      fp.url,
      '--json',
    ];
    const noKey = await runCli(args, fast);
    expect(JSON.parse(noKey.stdout).results[0]).toMatchObject({ status: 'failed', reason: 'missing-key' });
    const ok = await runCli(args, { ...fast, CATALYST_TIINGO_KEY: 'tiingo-key-1' });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).results[0]).toMatchObject({ status: 'updated', added: 20, provider: 'tiingo' });
  });

  it('says offline once and exits 1 (nothing was done: a failed command, not a partial one)', async () => {
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as { port: number }).port;
    await new Promise<void>((r) => srv.close(() => r()));
    const r = await runCli(
      ['--db', temp.dbPath(), 'sync', '--symbols', '9988.HK,BABA,BIDU', '--base-url', `http://127.0.0.1:${port}`],
      fast,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('Offline: no price provider could be reached. The cached prices are unchanged.\n');
  });

  it.each([
    [['--symbols', '9988.HK,no pe'], /--symbols: not a symbol: "no pe"/],
    [['--symbols', ''], /--symbols is empty/],
    [['--from', '2025-02-30'], /--from: must be a real date/],
    [['--from', '2025-03-01', '--to', '2025-01-01'], /--from must not be after --to/],
    [['--provider', 'bloomberg'], /--provider: /],
    [['--base-url', 'ftp://mirror.example'], /--base-url: must be an http\(s\) URL/],
  ])('refuses %j with exit 1 before touching anything', async (flags, message) => {
    const db = temp.dbPath();
    const r = await runCli(['--db', db, 'sync', ...flags, '--json'], fast);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr).error.message).toMatch(message);
    expect(existsSync(db)).toBe(false);
  });

  it('refuses a malformed tuning variable', async () => {
    const r = await runCli(['--db', temp.dbPath(), 'sync', '--symbols', 'BABA', '--base-url', fp.url], {
      CATALYST_SYNC_BATCH_SIZE: 'lots',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/CATALYST_SYNC_BATCH_SIZE must be a whole number from 1 to 100000 \(got "lots"\)/);
  });
});
