import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/main/app/create-core';
import { openDatabase } from '../../../src/main/db/open';
import { probeDatabase, salvageInto, type DatabaseCheck } from '../../../src/main/db/recovery';
import { REBUILDABLE_TABLES, USER_DATA_TABLES } from '../../../src/main/db/user-tables';
import { runCli } from '../../helpers/run-cli';
import { useTempDir } from '../../helpers/temp-db';

/*
 * Recovery salvages the user's tables from a damaged file. Which tables those are is a list;
 * these tests keep that list complete (every table of the schema is either user data or
 * rebuildable), ordered (parents first), and prove each listed table comes back row for row.
 */

const SENDER = { url: 'test://page' };

function tablesOf(db: Database): string[] {
  return (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as Array<{ name: string }>
  ).map((r) => r.name);
}

/** Every row of a table in a stable order (all columns), for comparing before and after. */
function rowsOf(db: Database, table: string): unknown[] {
  const cols = (db.pragma(`table_info("${table}")`) as Array<{ name: string }>).map((c) => `"${c.name}"`);
  return db.prepare(`SELECT ${cols.join(', ')} FROM "${table}" ORDER BY ${cols.join(', ')}`).all();
}

function overwritePage(path: string, pageNo: number, pageSize: number, fill: number): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(pageSize, fill), 0, pageSize, (pageNo - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}

describe('the user-data tables recovery salvages', () => {
  const temp = useTempDir();

  it('cover every table of the schema: each one is user data or rebuildable, never both, never neither', () => {
    const db = openDatabase(temp.dbPath());
    try {
      const user = new Set<string>(USER_DATA_TABLES);
      const rebuildable = new Set(Object.keys(REBUILDABLE_TABLES));
      expect([...user].filter((t) => rebuildable.has(t))).toEqual([]);
      const unclassified = tablesOf(db).filter((t) => !user.has(t) && !rebuildable.has(t));
      expect(unclassified, 'a table no list names: add it to USER_DATA_TABLES or REBUILDABLE_TABLES').toEqual([]);
      expect([...user, ...rebuildable].filter((t) => !tablesOf(db).includes(t))).toEqual([]);
      expect(new Set(USER_DATA_TABLES).size).toBe(USER_DATA_TABLES.length);
    } finally {
      db.close();
    }
  });

  it('name parents before children, and a user table references only user tables', () => {
    const db = openDatabase(temp.dbPath());
    try {
      for (const [i, table] of USER_DATA_TABLES.entries()) {
        const parents = (db.pragma(`foreign_key_list("${table}")`) as Array<{ table: string }>).map((f) => f.table);
        for (const parent of parents) {
          const at = (USER_DATA_TABLES as readonly string[]).indexOf(parent);
          expect(at, `${table} references ${parent}`).toBeGreaterThanOrEqual(0);
          expect(at, `${parent} must come before ${table}`).toBeLessThan(i);
        }
      }
    } finally {
      db.close();
    }
  });
});

describe('`catalyst recover` without a backup brings back every user table', () => {
  let dir = '';
  let path = '';
  const before = new Map<string, unknown[]>();
  const after = new Map<string, unknown[]>();
  let check: DatabaseCheck | null = null;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'catalyst-salvage-'));
    path = join(dir, 'catalyst.db');
    // Every user table gets rows the way the app writes them: the seeded study, then the channels.
    const core = createCore({ dbPath: path, seedOnOpen: true, isTrustedSender: () => true });
    const call = async (channel: string, input: unknown): Promise<unknown> => {
      const r = (await core.router.dispatch(channel as never, input, SENDER)) as { ok: boolean; value?: unknown };
      if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r)}`);
      return r.value;
    };
    const list = (await call('watchlists.create', { name: 'Asia tech' })) as { id: number };
    await call('watchlists.addItem', { id: list.id, symbol: '9988.HK' });
    await call('watchlists.addSection', { id: list.id, label: 'Indices' });
    await call('events.add', {
      date: '2025-02-03',
      title: 'My note',
      symbols: ['BABA'],
      studyId: 'china-tech-rally-2025',
    });
    await call('events.setHidden', { id: 'qwen25-max-release', hidden: true });
    await call('studies.setBenchmark', { studyId: 'china-tech-rally-2025', benchmark: 'SPY' });
    await call('studies.setWindows', { studyId: 'china-tech-rally-2025', windows: [[-10, 10]] });
    await call('settings.updateSync', { updateOnLaunch: true });
    await call('settings.update', { theme: 'dark', paperSize: 'Letter' });
    await call('workspace.save', { studyId: 'china-tech-rally-2025', logScale: true });
    core.services.settings.rememberFile('/home/user/lists/asia.csv');
    // A price cache after them, so the file has pages only the cache uses.
    const bar = core.db.prepare(
      'INSERT INTO bars (symbol, date, open, high, low, close, adj_close, volume, placeholder) VALUES (?, ?, 1, 2, 0.5, 1.5, 1.5, 100, 0)',
    );
    core.db.transaction(() => {
      for (const symbol of ['BABA', '9988.HK'])
        for (let d = 0; d < 3000; d++)
          bar.run(symbol, new Date(Date.UTC(2000, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    })();
    await core.close();

    const db = new BetterSqlite3(path);
    for (const t of USER_DATA_TABLES) before.set(t, rowsOf(db, t));
    // Damage only pages of the price cache (found with SQLite's dbstat, not guessed).
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const cachePages = (
      db.prepare("SELECT pageno FROM dbstat WHERE name = 'bars' AND pagetype = 'leaf' ORDER BY pageno").all() as Array<{
        pageno: number;
      }>
    ).map((r) => r.pageno);
    db.close();
    expect(cachePages.length).toBeGreaterThan(10);
    for (const p of [cachePages[3]!, cachePages[Math.floor(cachePages.length / 2)]!])
      overwritePage(path, p, pageSize, 0xa5);
    expect(probeDatabase(path).state).toBe('damaged');

    // `catalyst recover`, as a user would run it (the same check runs at every start).
    const r = await runCli(['--db', path, '--json', 'recover']);
    expect(r.code, r.stderr).toBe(0);
    check = JSON.parse(r.stdout) as DatabaseCheck;
    const fresh = new BetterSqlite3(path, { readonly: true });
    for (const t of USER_DATA_TABLES) after.set(t, rowsOf(fresh, t));
    expect(fresh.pragma('integrity_check', { simple: true })).toBe('ok');
    fresh.close();
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('says so in plain words, naming the settings it kept', () => {
    expect(check).toMatchObject({ kind: 'salvaged', movedTo: expect.stringMatching(/^catalyst\.db\.damaged-\d{14}$/) });
    if (check?.kind !== 'salvaged') return;
    expect(check.message).toMatch(
      /Recovered from it: 1 watchlist\(s\) with 2 entries, 1 study, \d+ event\(s\), 1 hidden-event choice\(s\), your settings\./,
    );
  });

  it.each(USER_DATA_TABLES)('%s: every row comes back unchanged', (table) => {
    const rows = before.get(table)!;
    expect(rows.length, `the fixture writes no row to ${table}`).toBeGreaterThan(0);
    expect(after.get(table)).toEqual(rows);
    if (check?.kind === 'salvaged') expect(check.salvaged[table]).toBe(rows.length);
  });
});

describe('salvage around damage in the tables themselves', () => {
  const temp = useTempDir();

  it('a WITHOUT ROWID table with a damaged leaf page: the rows on either side of it are kept', () => {
    const path = temp.dbPath();
    const db = openDatabase(path);
    const keys = Array.from({ length: 1500 }, (_, i) => `key-${String(i).padStart(5, '0')}`);
    const put = db.prepare('INSERT INTO app_state (key, value) VALUES (?, ?)');
    db.transaction(() => keys.forEach((k) => put.run(k, JSON.stringify({ k, pad: 'x'.repeat(200) }))))();
    const original = rowsOf(db, 'app_state');
    const leaves = (
      db
        .prepare("SELECT pageno FROM dbstat WHERE name = 'app_state' AND pagetype = 'leaf' ORDER BY pageno")
        .all() as Array<{
        pageno: number;
      }>
    ).map((r) => r.pageno);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(leaves.length).toBeGreaterThan(20);
    overwritePage(path, leaves[Math.floor(leaves.length / 2)]!, pageSize, 0);
    expect(probeDatabase(path).state).toBe('damaged');

    const freshPath = join(temp.dir(), 'fresh.db');
    const fresh = openDatabase(freshPath);
    try {
      const counts = salvageInto(fresh, path);
      const got = rowsOf(fresh, 'app_state') as Array<{ key: string }>;
      // Both ends of the key range come back; only the rows of the damaged page are lost.
      expect(got.length).toBeGreaterThan(keys.length * 0.8);
      expect(got.length).toBeLessThan(keys.length);
      expect(counts.app_state).toBe(got.length);
      expect(got[0]!.key).toBe(keys[0]);
      expect(got.at(-1)!.key).toBe(keys.at(-1));
      const byKey = new Map((original as Array<{ key: string }>).map((r) => [r.key, r]));
      for (const row of got) expect(row).toEqual(byKey.get(row.key));
      expect(fresh.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      fresh.close();
    }
  });

  it('rows whose parent was lost are dropped, WITHOUT ROWID tables too, and the rest is kept', () => {
    const path = temp.dbPath();
    openDatabase(path).close();
    // A damaged file whose studies table lost a row that its settings still name.
    const old = new BetterSqlite3(path);
    old.pragma('foreign_keys = OFF');
    old
      .prepare(
        "INSERT INTO studies (id, origin, revision, title, source_json) VALUES ('kept', 'user', 1, 'Kept', '{}')",
      )
      .run();
    old.prepare('INSERT INTO study_settings (study_id, benchmark) VALUES (?, ?)').run('kept', 'SPY');
    old.prepare('INSERT INTO study_settings (study_id, benchmark) VALUES (?, ?)').run('lost', 'QQQ');
    old.close();

    const fresh = openDatabase(join(temp.dir(), 'fresh.db'));
    try {
      const counts = salvageInto(fresh, path);
      expect(rowsOf(fresh, 'study_settings')).toEqual([{ study_id: 'kept', benchmark: 'SPY' }]);
      expect(counts.study_settings).toBe(1);
      expect(fresh.pragma('foreign_key_check')).toEqual([]);
    } finally {
      fresh.close();
    }
  });
});
