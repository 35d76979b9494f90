import BetterSqlite3, { type Database } from 'better-sqlite3';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fstatSync,
  ftruncateSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename } from 'node:path';
import { CatalystError } from '../../shared/contract/errors';
import { backupFile, backupLabel, dailyBackupDue, listBackups, type BackupInfo } from './backup';
import { assertNotNewer } from './migrate';
import { migrations } from './migrations/index';
import { openDatabase } from './open';
import { USER_DATA_TABLES } from './user-tables';

/**
 * Start-up check and recovery of the database file. A file that fails SQLite's quick check
 * (or is empty while a backup exists, cannot be opened, is a folder, or is not SQLite at
 * all) is moved aside with a timestamp, never deleted; then the newest backup that passes the
 * check is restored, or, when there is none, the user's own data (every table of
 * {@link USER_DATA_TABLES}: watchlists, studies with their events and claims, hidden events,
 * per-study and sync settings, the app's settings, workspace and recent files, the instruments
 * they name) is salvaged row by row from the damaged file into a fresh database. The price cache (bars, coverage) is not salvaged:
 * it can always be fetched again, and a half-read cache would claim ranges it does not hold.
 * A database from a newer Catalyst is refused before anything is written.
 */

/** What the start-up check found and did; `message` is for the user, in plain words. */
export type DatabaseCheck =
  | { readonly kind: 'ok' }
  | {
      readonly kind: 'restored';
      readonly problem: string;
      /** File name the damaged database was moved to (same folder). */
      readonly movedTo: string;
      readonly backup: string;
      readonly backupTakenAt: string;
      readonly message: string;
    }
  | {
      readonly kind: 'salvaged';
      readonly problem: string;
      readonly movedTo: string;
      /** Rows recovered per table. */
      readonly salvaged: Readonly<Record<string, number>>;
      readonly message: string;
    };

type Probe =
  | { readonly state: 'missing' | 'ok' | 'empty' }
  | { readonly state: 'newer'; readonly error: CatalystError }
  | { readonly state: 'damaged'; readonly problem: string };

function describeSqliteFailure(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_NOTADB') return 'the file is not a SQLite database (its header is damaged)';
  if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'))
    return 'the file is damaged (SQLite reports corruption)';
  if (typeof code === 'string' && code.startsWith('SQLITE_CANTOPEN')) return 'the file cannot be opened';
  return `the file cannot be read (${typeof code === 'string' ? code : 'unknown error'})`;
}

/**
 * Looks at a database file without changing it: present, a file, SQLite, not newer, and
 * passing `PRAGMA quick_check` (or the slower `integrity_check` when `full`).
 */
export function probeDatabase(path: string, full = false): Probe {
  if (!existsSync(path)) return { state: 'missing' };
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    return { state: 'damaged', problem: describeSqliteFailure(e) };
  }
  if (st.isDirectory()) return { state: 'damaged', problem: 'a folder is where the database file should be' };
  if (!st.isFile()) return { state: 'damaged', problem: 'the database is not a regular file' };
  if (st.size === 0) return { state: 'empty' };
  let db: Database | null = null;
  try {
    db = new BetterSqlite3(path, { fileMustExist: true });
    try {
      assertNotNewer(db, migrations);
    } catch (e) {
      if (e instanceof CatalystError) return { state: 'newer', error: e };
      throw e;
    }
    const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number })
      .n;
    if (tables === 0) return { state: 'empty' };
    const rows = db.pragma(full ? 'integrity_check(5)' : 'quick_check(5)', { simple: false }) as Array<
      Record<string, string>
    >;
    const first = rows.map((r) => Object.values(r)[0]);
    if (first.length === 1 && first[0] === 'ok') return { state: 'ok' };
    return { state: 'damaged', problem: 'the file is damaged (it failed SQLite’s integrity check)' };
  } catch (e) {
    return { state: 'damaged', problem: describeSqliteFailure(e) };
  } finally {
    db?.close();
  }
}

function stamp(now: Date): string {
  return now.toISOString().slice(0, 19).replaceAll(':', '').replace('T', '-').replaceAll('-', '');
}

/** Moves the database (and its -wal/-shm) aside as `NAME.damaged-YYYYMMDDHHMMSS`; returns the new path. */
export function moveAside(dbPath: string, now: Date): string {
  let target = `${dbPath}.damaged-${stamp(now)}`;
  for (let i = 1; existsSync(target); i++) target = `${dbPath}.damaged-${stamp(now)}-${i}`;
  renameSync(dbPath, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(dbPath + suffix)) {
      try {
        renameSync(dbPath + suffix, target + suffix);
      } catch {
        rmSync(dbPath + suffix, { recursive: true, force: true });
      }
    }
  }
  return target;
}

function columnsOf(db: Database, table: string): string[] {
  return (db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name);
}

function hasRowid(db: Database, table: string): boolean {
  try {
    db.prepare(`SELECT rowid FROM "${table}" LIMIT 0`);
    return true;
  } catch {
    return false; // WITHOUT ROWID
  }
}

/** Rows of a query up to the first damaged page (the rows before it are kept). */
function rowsUntilDamage(old: Database, sql: string, out: unknown[][]): boolean {
  try {
    for (const row of old.prepare(sql).raw().iterate()) out.push(row as unknown[]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads every readable row of a table. Around a damaged page a rowid table is read again in
 * rowid windows; a WITHOUT ROWID table has no rowid to skip with, so it is read from both ends
 * of its primary key up to the damage (duplicates are dropped by the caller's INSERT OR IGNORE).
 */
function readableRows(old: Database, table: string, cols: readonly string[]): unknown[][] {
  const list = cols.map((c) => `"${c}"`).join(', ');
  const forward: unknown[][] = [];
  if (rowsUntilDamage(old, `SELECT ${list} FROM "${table}"`, forward)) return forward;
  if (!hasRowid(old, table)) {
    const key = (old.pragma(`table_info("${table}")`) as Array<{ name: string; pk: number }>)
      .filter((c) => c.pk > 0)
      .sort((x, y) => x.pk - y.pk)
      .map((c) => `"${c.name}" DESC`);
    if (key.length > 0) rowsUntilDamage(old, `SELECT ${list} FROM "${table}" ORDER BY ${key.join(', ')}`, forward);
    return forward;
  }
  const out: unknown[][] = [];
  let max = 0;
  try {
    max = (old.prepare(`SELECT max(rowid) AS m FROM "${table}"`).get() as { m: number | null }).m ?? 0;
  } catch {
    max = 100_000;
  }
  const stmt = old.prepare(`SELECT ${list} FROM "${table}" WHERE rowid BETWEEN ? AND ?`).raw();
  const WINDOW = 64;
  for (let lo = 1; lo <= max; lo += WINDOW) {
    try {
      out.push(...(stmt.all(lo, lo + WINDOW - 1) as unknown[][]));
    } catch {
      for (let id = lo; id < lo + WINDOW; id++) {
        try {
          out.push(...(stmt.all(id, id) as unknown[][]));
        } catch {
          // An unreadable row: lost.
        }
      }
    }
  }
  return out;
}

/**
 * Deletes the rows whose parent row was lost, until none is left (removing an orphaned event
 * orphans its symbols in turn). By foreign key rather than by rowid, which WITHOUT ROWID
 * tables lack. Subtracts what it deletes from `counts`.
 */
function dropOrphans(db: Database, counts: Record<string, number>): void {
  for (;;) {
    const orphans = db.pragma('foreign_key_check') as Array<{ table: string; parent: string; fkid: number }>;
    if (orphans.length === 0) return;
    const done = new Set<string>();
    let removed = 0;
    for (const o of orphans) {
      if (done.has(`${o.table}#${o.fkid}`)) continue;
      done.add(`${o.table}#${o.fkid}`);
      const pairs = (
        db.pragma(`foreign_key_list("${o.table}")`) as Array<{ id: number; from: string; to: string }>
      ).filter((f) => f.id === o.fkid);
      const set = pairs.map((f) => `c."${f.from}" IS NOT NULL`).join(' AND ');
      const match = pairs.map((f) => `p."${f.to}" = c."${f.from}"`).join(' AND ');
      const gone = db
        .prepare(
          `DELETE FROM "${o.table}" AS c WHERE ${set} AND NOT EXISTS (SELECT 1 FROM "${o.parent}" AS p WHERE ${match})`,
        )
        .run().changes;
      counts[o.table] = (counts[o.table] ?? gone) - gone;
      removed += gone;
    }
    // Nothing matched (a comparison SQLite's check makes differently): stop rather than loop.
    if (removed === 0) return;
  }
}

/**
 * Copies the user's data from a damaged file into `fresh` (a migrated, empty database), every
 * readable row, then drops rows whose parent was lost. Returns rows kept per table.
 */
export function salvageInto(fresh: Database, damagedPath: string): Record<string, number> {
  const counts: Record<string, number> = {};
  let old: Database;
  let work: string;
  try {
    if (!statSync(damagedPath).isFile()) return counts;
    work = readableCopy(damagedPath);
  } catch {
    return counts;
  }
  try {
    old = new BetterSqlite3(work, { readonly: true, fileMustExist: true });
  } catch {
    rmSync(work, { force: true });
    return counts;
  }
  try {
    let oldTables: Set<string>;
    try {
      oldTables = new Set(
        (old.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map(
          (r) => r.name,
        ),
      );
    } catch {
      // The schema itself is unreadable: try every table by name.
      oldTables = new Set(USER_DATA_TABLES);
    }
    fresh.pragma('foreign_keys = OFF');
    try {
      fresh
        .transaction(() => {
          for (const table of USER_DATA_TABLES) {
            if (!oldTables.has(table)) continue;
            let cols: string[];
            try {
              const have = new Set(columnsOf(old, table));
              cols = columnsOf(fresh, table).filter((c) => have.has(c));
            } catch {
              continue;
            }
            if (cols.length === 0) continue;
            const insert = fresh.prepare(
              `INSERT OR IGNORE INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
            );
            let n = 0;
            for (const row of readableRows(old, table, cols)) {
              try {
                n += insert.run(...row).changes;
              } catch {
                // A row the current schema refuses (a damaged value): lost.
              }
            }
            counts[table] = n;
          }
          // Children whose parent row was unreadable cannot stay.
          dropOrphans(fresh, counts);
        })
        .immediate();
    } finally {
      fresh.pragma('foreign_keys = ON');
    }
  } finally {
    old.close();
    for (const f of [work, `${work}-wal`, `${work}-shm`]) rmSync(f, { force: true });
  }
  return counts;
}

/**
 * A copy of the damaged file to read from (the original is never opened for salvage, so it
 * stays exactly as found). A truncated file is padded with zero pages up to the size its
 * header records: SQLite then sees the missing pages as damaged ones and still reads the rest,
 * where it would otherwise refuse the whole file.
 */
function readableCopy(damagedPath: string): string {
  const work = `${damagedPath}.salvage`;
  copyFileSync(damagedPath, work);
  for (const suffix of ['-wal'])
    if (existsSync(damagedPath + suffix)) copyFileSync(damagedPath + suffix, work + suffix);
  const header = Buffer.alloc(100);
  const fd = openSync(work, 'r+');
  try {
    const got = readSync(fd, header, 0, 100, 0);
    if (got === 100 && header.toString('latin1', 0, 15) === 'SQLite format 3') {
      const raw = header.readUInt16BE(16);
      const pageSize = raw === 1 ? 65536 : raw;
      const recorded = header.readUInt32BE(28) * pageSize;
      const size = fstatSync(fd).size;
      if (pageSize >= 512 && recorded > size && recorded < 64 * 1024 ** 3) ftruncateSync(fd, recorded);
    }
  } finally {
    closeSync(fd);
  }
  return work;
}

function describeSalvage(counts: Readonly<Record<string, number>>): string {
  const lists = counts.watchlists ?? 0;
  const events = counts.events ?? 0;
  const studies = counts.studies ?? 0;
  const settings = (counts.app_state ?? 0) + (counts.sync_settings ?? 0) + (counts.study_settings ?? 0);
  const hidden = counts.hidden_events ?? 0;
  if (lists + events + studies + settings + hidden === 0)
    return 'No watchlists, studies or events could be read from it';
  const extras = [
    ...(hidden > 0 ? [`${hidden} hidden-event choice(s)`] : []),
    ...(settings > 0 ? ['your settings'] : []),
  ];
  return `Recovered from it: ${lists} watchlist(s) with ${counts.watchlist_items ?? 0} entries, ${studies} stud${studies === 1 ? 'y' : 'ies'}, ${events} event(s)${extras.map((e) => `, ${e}`).join('')}`;
}

export interface RecoverOptions {
  readonly now?: Date;
  /** `integrity_check` instead of `quick_check` (`catalyst recover`). */
  readonly full?: boolean;
}

/**
 * The start-up check (see the module comment). Throws `unsupported-database`, untouched, for a
 * newer file; otherwise returns what it found and did. Never deletes anything.
 */
export function checkAndRecover(dbPath: string, options: RecoverOptions = {}): DatabaseCheck {
  const now = options.now ?? new Date();
  const probe = probeDatabase(dbPath, options.full);
  if (probe.state === 'newer') throw probe.error;
  if (probe.state === 'ok' || probe.state === 'missing') return { kind: 'ok' };
  const backups = listBackups(dbPath);
  if (probe.state === 'empty' && backups.length === 0) return { kind: 'ok' };
  const problem = probe.state === 'damaged' ? probe.problem : 'the database file is empty';
  const movedTo = moveAside(dbPath, now);
  const good = backups.find((b) => probeDatabase(b.path).state === 'ok');
  if (good) {
    restoreBackup(good, dbPath);
    return {
      kind: 'restored',
      problem,
      movedTo: basename(movedTo),
      backup: good.fileName,
      backupTakenAt: good.takenAt,
      message:
        `Catalyst found a problem with its database: ${problem}. ` +
        `It was moved aside as ${basename(movedTo)} and your data was restored from the backup of ${backupLabel(good)}. ` +
        'Changes made after that backup are not in the restored copy; prices can be updated again.',
    };
  }
  const fresh = openDatabase(dbPath);
  let salvaged: Record<string, number>;
  try {
    salvaged = salvageInto(fresh, movedTo);
  } finally {
    fresh.close();
  }
  return {
    kind: 'salvaged',
    problem,
    movedTo: basename(movedTo),
    salvaged,
    message:
      `Catalyst found a problem with its database: ${problem}, and there was no backup to restore. ` +
      `It was moved aside as ${basename(movedTo)} and a new database was created. ${describeSalvage(salvaged)}. ` +
      'Prices will be downloaded again when you update them.',
  };
}

/** Copies a verified backup into place (the database file is absent or moved aside). */
function restoreBackup(backup: BackupInfo, dbPath: string): void {
  const partial = `${dbPath}.restoring`;
  copyFileSync(backup.path, partial);
  renameSync(partial, dbPath);
}

/** What start-up did: the check, and the backups taken (file names). */
export interface PreparedDatabase {
  readonly check: DatabaseCheck;
  readonly backups: readonly string[];
}

/**
 * Everything before the database is opened for work, at every start of the app and the CLI:
 * the check and recovery, a backup before a pending migration, and the daily backup.
 */
export async function prepareDatabase(dbPath: string, options: RecoverOptions = {}): Promise<PreparedDatabase> {
  if (dbPath === ':memory:') return { check: { kind: 'ok' }, backups: [] };
  const now = options.now ?? new Date();
  const check = checkAndRecover(dbPath, { ...options, now });
  const backups: string[] = [];
  if (!existsSync(dbPath)) return { check, backups };
  const version = (() => {
    const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
    try {
      return db.pragma('user_version', { simple: true }) as number;
    } finally {
      db.close();
    }
  })();
  if (version > 0 && version < migrations.length) {
    backups.push((await backupFile(dbPath, 'pre-migration', now)).fileName);
  } else if (version > 0 && dailyBackupDue(dbPath, now)) {
    backups.push((await backupFile(dbPath, 'daily', now)).fileName);
  }
  return { check, backups };
}
