import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/main/app/create-core';
import { createWriteTransaction, isBusyError } from '../../../src/main/db/transaction';
import { memorySecretStore } from '../../../src/main/services/sync/secret-store';
import { asIsoDate } from '../../../src/shared/brand';
import { CatalystError, type Envelope } from '../../../src/shared/contract/errors';
import { runCli } from '../../helpers/run-cli';
import { useTempDir } from '../../helpers/temp-db';
import { fastLimits } from '../sync/support/harness';
import { startFakeProviderThread, type ThreadedProvider } from '../sync/support/load';
import { loadSeries } from '../sync/support/series';

/*
 * Issue 9, first finding: during a price update about 20% of watchlist edits failed with
 * SQLITE_BUSY / BUSY_SNAPSHOT because the services' transactions were deferred. Here a real
 * sync (fetch worker, its own connection, one small batch per transaction) runs against a fake
 * provider while thousands of edits and imports go through the real router, and while a second
 * process imports watchlists through the CLI: not one may fail.
 */
const temp = useTempDir();
const series = loadSeries(24);
const symbols = series.map((s) => s.symbol);
const TRUSTED = { url: 'app://catalyst/index.html' };
let fp: ThreadedProvider;
let core: Core | null = null;

beforeAll(async () => {
  // In its own thread: the edit loop below keeps this thread busy.
  fp = await startFakeProviderThread(series.length, 2);
});
afterAll(async () => {
  await fp?.close();
});
afterEach(async () => {
  await core?.close();
  core = null;
});

function unwrap<T>(e: Envelope<unknown>): T {
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message}`);
  return e.value as T;
}

describe('the write transaction helper', () => {
  it('takes the write lock up front, nests as a savepoint, and ends in a typed error when the lock never frees', () => {
    const path = temp.dbPath();
    const a = new BetterSqlite3(path);
    const b = new BetterSqlite3(path);
    a.pragma('journal_mode = WAL');
    a.exec('CREATE TABLE t (x INTEGER)');
    b.pragma('busy_timeout = 20');
    const write = createWriteTransaction(b, { attempts: 2, backoffMs: 1 });
    expect(write(() => write(() => b.prepare('INSERT INTO t VALUES (1)').run().changes))).toBe(1);
    a.exec('BEGIN IMMEDIATE');
    let thrown: unknown;
    try {
      write(() => b.prepare('INSERT INTO t VALUES (2)').run());
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(CatalystError);
    expect((thrown as CatalystError).code).toBe('unavailable');
    a.exec('COMMIT');
    expect(write(() => b.prepare('INSERT INTO t VALUES (3)').run().changes)).toBe(1);
    expect(b.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2 });
    a.close();
    b.close();
  });

  it('recognises every busy answer of SQLite', () => {
    expect(isBusyError({ code: 'SQLITE_BUSY' })).toBe(true);
    expect(isBusyError({ code: 'SQLITE_BUSY_SNAPSHOT' })).toBe(true);
    expect(isBusyError({ code: 'SQLITE_CONSTRAINT_UNIQUE' })).toBe(false);
    expect(isBusyError(new Error('x'))).toBe(false);
  });
});

describe('writes during a running sync', () => {
  it('thousands of edits and imports through the router: zero failures', async () => {
    core = createCore({
      dbPath: temp.dbPath(),
      isTrustedSender: () => true,
      sync: {
        env: { CATALYST_YAHOO_BASE_URL: fp.url },
        secrets: memorySecretStore({}),
        limits: { ...fastLimits, timeoutMs: 10_000, batchSize: 5, symbolConcurrency: 4 },
      },
    });
    const r = core.router;
    const { runId } = unwrap<{ runId: string }>(
      await r.dispatch(
        'sync.start',
        { symbols, from: asIsoDate('2023-01-01'), to: asIsoDate('2025-12-31'), provider: 'yahoo' },
        TRUSTED,
      ),
    );
    const failures: string[] = [];
    let ops = 0;
    let duringSync = 0;
    const call = async (channel: string, input: unknown): Promise<unknown> => {
      ops++;
      if (core!.services.sync.status().running) duringSync++;
      const e = await r.dispatch(channel, input, TRUSTED);
      if (!e.ok) failures.push(`${channel}: ${e.error.code} ${e.error.message}`);
      return e.ok ? e.value : null;
    };
    const finished = core.services.sync.waitForRun(runId);
    let done = false;
    void finished.then(() => (done = true));
    let round = 0;
    // Keep editing until the sync is over and at least 2000 writes went through.
    while (!done || ops < 2000) {
      round++;
      // IPC requests arrive as separate tasks: let the sync's messages through between rounds.
      await new Promise((res) => setImmediate(res));
      const list = (await call('watchlists.create', { name: `List ${round}` })) as { id: number } | null;
      if (!list) continue;
      const a = (await call('watchlists.addItem', { id: list.id, symbol: 'AAPL' })) as {
        entries: Array<{ kind: string; id: number }>;
      } | null;
      await call('watchlists.addItem', { id: list.id, symbol: 'MSFT', note: 'n' });
      await call('watchlists.addSection', { id: list.id, label: 'Tech', position: 0 });
      const itemId = a?.entries.find((i) => i.kind !== 'section')?.id;
      if (itemId) await call('watchlists.setNote', { itemId, note: `round ${round}` });
      await call('watchlists.rename', { id: list.id, name: `Renamed ${round}` });
      await call('watchlists.import', {
        mode: 'merge',
        targetId: list.id,
        file: { fileName: 'more.txt', text: 'NVDA\nAMD\nINTC\n' },
      });
      await call('watchlists.import', {
        mode: 'new',
        name: `Imported ${round}`,
        file: { fileName: 'list.txt', text: '###Banks\nJPM\nBAC\n' },
      });
      if (round % 3 === 0) await call('watchlists.delete', { id: list.id });
      if (round % 10 === 0) await call('settings.updateSync', { providerOrder: ['yahoo', 'tiingo', 'twelvedata'] });
      if (round > 5000) break;
    }
    const fin = await finished;
    expect(failures.slice(0, 5)).toEqual([]);
    expect(fin.results.filter((x) => x.status !== 'updated').slice(0, 2)).toEqual([]);
    expect(fin.summary.failed).toBe(0);
    expect(fin.results.every((x) => x.status === 'updated')).toBe(true);
    // The edits really overlapped the sync (a sync that ended first proves nothing).
    expect(duringSync).toBeGreaterThan(200);
    expect(ops).toBeGreaterThanOrEqual(2000);
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 120_000);

  it('a second process: CLI watchlist imports while a CLI sync runs, zero failures', async () => {
    const dbPath = temp.dbPath();
    // Create and migrate the file first so the two processes do not race the first migration.
    await runCli(['--db', dbPath, 'watchlist', 'list']);
    const listFile = join(temp.dir(), 'list.txt');
    writeFileSync(listFile, 'AAPL\nMSFT\n###Banks\nJPM\nBAC\n');
    const bin = fileURLToPath(new URL('../../../bin/catalyst.mjs', import.meta.url));
    const child: ChildProcess = spawn(
      process.execPath,
      [
        bin,
        '--db',
        dbPath,
        'sync',
        '--symbols',
        symbols.slice(0, 12).join(','),
        '--from',
        '2024-06-01',
        '--to',
        '2025-12-31',
        '--base-url',
        fp.url,
        '--json',
      ],
      {
        env: {
          ...process.env,
          CATALYST_SYNC_BATCH_SIZE: '20',
          CATALYST_SYNC_SPACING_MS: '0',
          CATALYST_SYNC_CONCURRENCY: '4',
          CATALYST_SYNC_TIMEOUT_MS: '10000',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
    let running = true;
    void exited.then(() => (running = false));
    // Wait until the sync has committed something, so the imports really overlap it.
    const probe = new BetterSqlite3(dbPath, { readonly: true });
    for (let i = 0; i < 400 && running; i++) {
      const n = (probe.prepare('SELECT count(*) AS n FROM bars').get() as { n: number }).n;
      if (n > 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    let imports = 0;
    let overlapped = 0;
    const failures: string[] = [];
    while (running || imports < 40) {
      const r = await runCli(['--db', dbPath, 'watchlist', 'import', listFile, '--name', `Run ${imports}`, '--json']);
      imports++;
      if (running) overlapped++;
      if (r.code !== 0) failures.push(`${r.code} ${r.stderr}`);
      if (imports > 2000) break;
    }
    const code = await exited;
    probe.close();
    expect(failures.slice(0, 3)).toEqual([]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(overlapped).toBeGreaterThan(10);
    const db = new BetterSqlite3(dbPath, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((db.prepare('SELECT count(*) AS n FROM watchlists').get() as { n: number }).n).toBe(imports);
    db.close();
  }, 120_000);
});
