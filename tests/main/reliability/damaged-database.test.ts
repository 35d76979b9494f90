import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src/main/app/create-core';
import {
  backupDirOf,
  createBackup,
  listBackups,
  selectBackupsToPrune,
  type BackupInfo,
} from '../../../src/main/db/backup';
import { checkAndRecover, prepareDatabase, probeDatabase } from '../../../src/main/db/recovery';
import { CatalystError } from '../../../src/shared/contract/errors';
import { runCli } from '../../helpers/run-cli';
import { useTempDir } from '../../helpers/temp-db';

/*
 * Issue 9, second finding: a damaged database locked the user out or silently lost their
 * lists. Each kind of damage here is made on a real file holding watchlists (early pages)
 * and a price cache (later pages): the start-up check must move the file aside, say so,
 * and restore the newest backup or salvage the lists.
 */
const temp = useTempDir();
const PAGE = 4096;

/** A database with two watchlists, a setting and ~6 MB of bars after them; closed (WAL checkpointed). */
async function makeDb(path: string, withBackup = false): Promise<void> {
  const core = createCore({ dbPath: path });
  const w = core.services.watchlists;
  const a = w.create('Asia tech');
  w.addItem(a.id, '9988.HK');
  w.addItem(a.id, 'BABA', 'note');
  w.addSection(a.id, 'Indices');
  w.addItem(a.id, '^HSI');
  w.create('Empty one');
  await core.services.sync.updateSettings({ updateOnLaunch: true });
  if (withBackup) await createBackup(core.db, path, 'manual', new Date('2026-01-02T03:04:05Z'));
  // The price cache, written after the lists so its pages come later in the file.
  const ins = core.db.prepare(
    "INSERT INTO instruments (symbol, name, currency, exchange, timezone, provenance) VALUES (?, ?, 'USD', 'X', 'America/New_York', 'test')",
  );
  const bar = core.db.prepare(
    'INSERT INTO bars (symbol, date, open, high, low, close, adj_close, volume, placeholder) VALUES (?, ?, 1, 2, 0.5, 1.5, 1.5, 100, 0)',
  );
  core.db.transaction(() => {
    for (let s = 0; s < 20; s++) {
      ins.run(`S${s}`, `Symbol ${s}`);
      for (let d = 0; d < 2000; d++)
        bar.run(`S${s}`, new Date(Date.UTC(2000, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    }
  })();
  await core.close();
}

function lists(path: string): Array<{ name: string; entries: number }> {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return db
      .prepare(
        'SELECT w.name AS name, (SELECT count(*) FROM watchlist_items i WHERE i.watchlist_id = w.id) AS entries FROM watchlists w ORDER BY w.name',
      )
      .all() as Array<{ name: string; entries: number }>;
  } finally {
    db.close();
  }
}

function overwritePage(path: string, page: number, fill: (buf: Buffer) => void): void {
  const buf = Buffer.alloc(PAGE);
  fill(buf);
  const fd = openSync(path, 'r+');
  writeSync(fd, buf, 0, PAGE, page * PAGE);
  closeSync(fd);
}

const pages = (path: string) => statSync(path).size / PAGE;
const asideFiles = (dir: string) => readdirSync(dir).filter((f) => /\.damaged-[\d-]+$/.test(f));
const EXPECTED = [
  { name: 'Asia tech', entries: 4 },
  { name: 'Empty one', entries: 0 },
];

describe('damaged databases at start-up', () => {
  it('garbage pages in the price cache: moved aside, the lists salvaged (no backup)', async () => {
    const path = temp.dbPath();
    await makeDb(path);
    const n = pages(path);
    for (const p of [Math.floor(n * 0.6), Math.floor(n * 0.8)])
      overwritePage(path, p, (b) => {
        for (let i = 0; i < b.length; i++) b[i] = (i * 7919 + p) & 0xff;
      });
    expect(probeDatabase(path).state).toBe('damaged');
    const r = await runCli(['--db', path, '--json', 'watchlist', 'list']);
    expect(r.code).toBe(0);
    const notice = JSON.parse(r.stderr.split('\n')[0]!).notice;
    expect(notice.kind).toBe('salvaged');
    expect(notice.message).toMatch(/moved aside as catalyst\.db\.damaged-\d{8}-?\d*/);
    expect(notice.message).toMatch(/Recovered from it: 2 watchlist\(s\) with 4 entries/);
    expect(JSON.parse(r.stdout).map((l: { name: string }) => l.name)).toEqual(['Asia tech', 'Empty one']);
    expect(lists(path)).toEqual(EXPECTED);
    expect(asideFiles(temp.dir())).toHaveLength(1);
    const db = new BetterSqlite3(path, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare("SELECT value FROM sync_settings WHERE key = 'updateOnLaunch'").get()).toEqual({ value: 'true' });
    db.close();
  }, 60_000);

  it('zeroed pages: moved aside and the newest good backup restored', async () => {
    const path = temp.dbPath();
    await makeDb(path, true);
    const n = pages(path);
    overwritePage(path, Math.floor(n / 2), () => undefined);
    overwritePage(path, n - 2, () => undefined);
    const { check } = await prepareDatabase(path, { now: new Date('2026-02-01T00:00:00Z') });
    expect(check).toMatchObject({ kind: 'restored', backup: 'catalyst-20260102-030405-manual.db' });
    if (check.kind === 'restored') expect(check.message).toMatch(/restored from the backup of .*2026-01-02 03:04 UTC/);
    expect(lists(path)).toEqual(EXPECTED);
    expect(probeDatabase(path).state).toBe('ok');
  }, 60_000);

  it('a truncated file: restored from a backup; without one, salvaged', async () => {
    const path = temp.dbPath();
    await makeDb(path, true);
    truncateSync(path, Math.floor(statSync(path).size / 2 / PAGE) * PAGE);
    expect((await prepareDatabase(path)).check.kind).toBe('restored');
    expect(lists(path)).toEqual(EXPECTED);
    const other = join(temp.dir(), 'other', 'catalyst.db');
    mkdirSync(join(temp.dir(), 'other'));
    await makeDb(other);
    truncateSync(other, Math.floor(statSync(other).size / 2 / PAGE) * PAGE);
    const { check } = await prepareDatabase(other);
    expect(check.kind).toBe('salvaged');
    expect(lists(other)).toEqual(EXPECTED);
  }, 60_000);

  it('a zero-length file while a backup exists: restored, with a word', async () => {
    const path = temp.dbPath();
    await makeDb(path, true);
    writeFileSync(path, '');
    const check = checkAndRecover(path);
    expect(check).toMatchObject({ kind: 'restored', problem: 'the database file is empty' });
    expect(lists(path)).toEqual(EXPECTED);
    // With no backup a zero-length file holds nothing to lose: it is simply created.
    const fresh = join(temp.dir(), 'fresh.db');
    writeFileSync(fresh, '');
    expect(checkAndRecover(fresh)).toEqual({ kind: 'ok' });
  }, 60_000);

  it('garbage instead of a database (page 1 overwritten): moved aside, a fresh database, told nothing could be read', async () => {
    const path = temp.dbPath();
    await makeDb(path);
    overwritePage(path, 0, (b) => b.fill(0x5a));
    const r = await runCli(['--db', path, 'watchlist', 'list']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /not a SQLite database .* moved aside as catalyst\.db\.damaged-.*No watchlists, studies or events could be read/,
    );
    expect(asideFiles(temp.dir())).toHaveLength(1);
    expect(probeDatabase(path).state).toBe('ok');
  }, 60_000);

  it('a folder where the database should be: moved aside, restored from a backup', async () => {
    const path = temp.dbPath();
    await makeDb(path, true);
    const backups = listBackups(path);
    expect(backups).toHaveLength(1);
    const { rmSync } = await import('node:fs');
    rmSync(path);
    mkdirSync(path);
    writeFileSync(join(path, 'x'), 'y');
    const check = checkAndRecover(path);
    expect(check).toMatchObject({ kind: 'restored', problem: 'a folder is where the database file should be' });
    expect(statSync(path).isFile()).toBe(true);
    expect(lists(path)).toEqual(EXPECTED);
  }, 60_000);

  it('a newer-version database is refused and not written at all', async () => {
    const path = temp.dbPath();
    const db = new BetterSqlite3(path);
    db.exec('CREATE TABLE future (x)');
    db.pragma('user_version = 999');
    db.close();
    const before = readFileSync(path);
    const mtime = statSync(path).mtimeMs;
    await expect(prepareDatabase(path)).rejects.toBeInstanceOf(CatalystError);
    const r = await runCli(['--db', path, '--json', 'watchlist', 'list']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr).error.code).toBe('unsupported-database');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(statSync(path).mtimeMs).toBe(mtime);
    expect(asideFiles(temp.dir())).toEqual([]);
    expect(existsSync(backupDirOf(path))).toBe(false);
  });
});

describe('backups', () => {
  it('daily at start-up, before a migration, on demand (CLI and the data.backup channel), with retention', async () => {
    const path = temp.dbPath();
    await makeDb(path);
    expect(listBackups(path)).toEqual([]);
    const first = await prepareDatabase(path, { now: new Date('2026-03-01T08:00:00Z') });
    expect(first.backups).toEqual(['catalyst-20260301-080000-daily.db']);
    expect((await prepareDatabase(path, { now: new Date('2026-03-01T20:00:00Z') })).backups).toEqual([]);
    expect((await prepareDatabase(path, { now: new Date('2026-03-02T09:00:00Z') })).backups).toHaveLength(1);
    // Before a migration: the file is at an older schema version.
    const old = join(temp.dir(), 'old.db');
    const o = new BetterSqlite3(old);
    o.exec('CREATE TABLE instruments (symbol TEXT)');
    o.pragma('user_version = 1');
    o.close();
    expect((await prepareDatabase(old)).backups[0]).toMatch(/-pre-migration\.db$/);
    // CLI and channel.
    const r = await runCli(['--db', path, '--json', 'backup']);
    expect(r.code).toBe(0);
    const made = JSON.parse(r.stdout);
    expect(made).toMatchObject({ reason: 'manual', file: expect.stringMatching(/^catalyst-.*-manual\.db$/) });
    expect(r.stdout).not.toContain(temp.dir());
    const core = createCore({ dbPath: path, isTrustedSender: () => true });
    const e = await core.router.dispatch('data.backup', undefined, { url: 'app://catalyst/index.html' });
    await core.close();
    expect(e).toMatchObject({ ok: true, value: { file: expect.stringMatching(/-manual\.db$/) } });
    for (const b of listBackups(path)) {
      const db = new BetterSqlite3(b.path, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    }
    expect(lists(listBackups(path)[0]!.path)).toEqual(EXPECTED);
    const listed = await runCli(['--db', path, '--json', 'backup', '--list']);
    expect(JSON.parse(listed.stdout).length).toBe(listBackups(path).length);
  }, 60_000);

  it('retention keeps the last 7 days, 4 weeks, 5 manual and 3 pre-migration backups', () => {
    const mk = (iso: string, reason: BackupInfo['reason'] = 'daily'): BackupInfo => ({
      path: `/x/${iso}-${reason}`,
      fileName: `${iso}-${reason}`,
      reason,
      takenAt: iso,
      bytes: 1,
    });
    const list: BackupInfo[] = [];
    for (let d = 0; d < 60; d++) list.push(mk(new Date(Date.UTC(2026, 5, 30) - d * 86_400_000).toISOString()));
    for (let m = 0; m < 8; m++) list.push(mk(new Date(Date.UTC(2026, 3, 1, m)).toISOString(), 'manual'));
    list.sort((a, b) => (a.takenAt < b.takenAt ? 1 : -1));
    const pruned = new Set(selectBackupsToPrune(list).map((b) => b.fileName));
    const kept = list.filter((b) => !pruned.has(b.fileName));
    const daily = kept.filter((b) => b.reason === 'daily');
    // 7 newest days + the newest of 4 weeks (overlapping the days) + 5 manual.
    expect(daily.slice(0, 7).map((b) => b.takenAt.slice(0, 10))).toEqual([
      '2026-06-30',
      '2026-06-29',
      '2026-06-28',
      '2026-06-27',
      '2026-06-26',
      '2026-06-25',
      '2026-06-24',
    ]);
    expect(daily.length).toBeLessThanOrEqual(7 + 4);
    expect(kept.filter((b) => b.reason === 'manual')).toHaveLength(5);
    expect(kept.length).toBeLessThan(20);
  });
});
