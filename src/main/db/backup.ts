import BetterSqlite3, { type Database } from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { KEEP_DAILY, KEEP_MANUAL, KEEP_PRE_MIGRATION, KEEP_WEEKLY } from './backup-policy';

/**
 * Backups of the database, taken with SQLite's online backup API (`db.backup()`), so a copy is
 * consistent even while a sync writes. They live in `backups/` next to the database (the
 * user-data folder) as `catalyst-YYYYMMDD-HHMMSS-<reason>.db` (the database's own name first). A copy is written under a
 * `.partial` name and renamed when complete, so a crash never leaves a half backup that looks
 * whole.
 *
 * Kept (see {@link selectBackupsToPrune}): the newest backup of each of the last
 * {@link KEEP_DAILY} days that have one, the newest of each of the last {@link KEEP_WEEKLY}
 * ISO weeks, and the newest {@link KEEP_MANUAL} manual and {@link KEEP_PRE_MIGRATION}
 * pre-migration backups. Everything else is deleted after each new backup.
 */

export type BackupReason = 'daily' | 'manual' | 'pre-migration';

export interface BackupInfo {
  /** Absolute path of the backup file. */
  readonly path: string;
  /** File name only (what the UI and `--json` show). */
  readonly fileName: string;
  readonly reason: BackupReason;
  /** When it was taken, ISO UTC (from the name, second precision). */
  readonly takenAt: string;
  readonly bytes: number;
}

export { KEEP_DAILY, KEEP_MANUAL, KEEP_PRE_MIGRATION, KEEP_WEEKLY };
/** A daily backup is taken at start-up when the newest backup is older than this, ms. */
export const DAILY_INTERVAL_MS = 24 * 3600 * 1000;

const NAME = /^(.+)-(\d{8})-(\d{6})(?:-(\d+))?-(daily|manual|pre-migration)\.db$/;

/** The name backups of this database start with: its file name without `.db` (`catalyst`). */
function prefixOf(dbPath: string): string {
  return basename(dbPath).replace(/\.(db|sqlite3?)$/i, '');
}

/** The backup folder of a database file. */
export function backupDirOf(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

function stamp(d: Date): string {
  const iso = d.toISOString();
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
}

/** Every complete backup of the database, newest first. */
export function listBackups(dbPath: string): BackupInfo[] {
  const dir = backupDirOf(dbPath);
  if (!existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const fileName of readdirSync(dir)) {
    const m = NAME.exec(fileName);
    // Only this database's backups (two databases in one folder never restore each other's).
    if (!m || m[1] !== prefixOf(dbPath)) continue;
    const [, , day, time, seq, reason] = m;
    const takenAt = `${day!.slice(0, 4)}-${day!.slice(4, 6)}-${day!.slice(6, 8)}T${time!.slice(0, 2)}:${time!.slice(2, 4)}:${time!.slice(4, 6)}.${(seq ?? '0').padStart(3, '0').slice(-3)}Z`;
    const path = join(dir, fileName);
    try {
      const st = statSync(path);
      if (!st.isFile()) continue;
      out.push({ path, fileName, reason: reason as BackupReason, takenAt, bytes: st.size });
    } catch {
      // Deleted meanwhile (another process pruning): not a backup any more.
    }
  }
  return out.sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : 0));
}

function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return `${t.getUTCFullYear()}-W${Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7)}`;
}

/**
 * Which backups retention deletes (pure: from the list, newest first). Kept: the newest of
 * each of the last 7 days with a backup, the newest of each of the last 4 ISO weeks, the
 * newest 5 manual and 3 pre-migration backups.
 */
export function selectBackupsToPrune(backups: readonly BackupInfo[]): BackupInfo[] {
  const keep = new Set<string>();
  const days: string[] = [];
  const weeks: string[] = [];
  let manual = 0;
  let preMigration = 0;
  for (const b of backups) {
    const day = b.takenAt.slice(0, 10);
    const week = isoWeek(new Date(b.takenAt));
    if (!days.includes(day) && days.length < KEEP_DAILY) {
      days.push(day);
      keep.add(b.fileName);
    }
    if (!weeks.includes(week) && weeks.length < KEEP_WEEKLY) {
      weeks.push(week);
      keep.add(b.fileName);
    }
    if (b.reason === 'manual' && manual < KEEP_MANUAL) {
      manual++;
      keep.add(b.fileName);
    }
    if (b.reason === 'pre-migration' && preMigration < KEEP_PRE_MIGRATION) {
      preMigration++;
      keep.add(b.fileName);
    }
  }
  return backups.filter((b) => !keep.has(b.fileName));
}

/** `.partial` files older than this are leftovers of a backup cut short (younger ones may be in progress). */
const PARTIAL_STALE_MS = 10 * 60 * 1000;

/** Deletes what retention does not keep, and stale `.partial` leftovers of interrupted backups. */
export function pruneBackups(dbPath: string): string[] {
  const dir = backupDirOf(dbPath);
  const removed: string[] = [];
  for (const b of selectBackupsToPrune(listBackups(dbPath))) {
    rmSync(b.path, { force: true });
    removed.push(b.fileName);
  }
  if (existsSync(dir)) {
    for (const f of readdirSync(dir)) {
      if (!f.endsWith('.partial')) continue;
      try {
        if (Date.now() - statSync(join(dir, f)).mtimeMs > PARTIAL_STALE_MS) rmSync(join(dir, f), { force: true });
      } catch {
        // Renamed or removed meanwhile.
      }
    }
  }
  return removed;
}

function freeName(dbPath: string, now: Date, reason: BackupReason): string {
  const dir = backupDirOf(dbPath);
  const base = `${prefixOf(dbPath)}-${stamp(now)}`;
  let name = `${base}-${reason}.db`;
  // Two backups in the same second (a manual one right after a daily one) get a sequence number.
  for (let seq = 1; existsSync(join(dir, name)) || existsSync(join(dir, `${name}.partial`)); seq++)
    name = `${base}-${seq}-${reason}.db`;
  return name;
}

/**
 * Copies the open database into a new backup with the online backup API, then prunes.
 * Safe while other connections write (the copy restarts on their commits; SQLite's contract).
 */
export async function createBackup(
  db: Database,
  dbPath: string,
  reason: BackupReason,
  now: Date = new Date(),
): Promise<BackupInfo> {
  const dir = backupDirOf(dbPath);
  mkdirSync(dir, { recursive: true });
  const fileName = freeName(dbPath, now, reason);
  const partial = join(dir, `${fileName}.partial`);
  try {
    await db.backup(partial);
    renameSync(partial, join(dir, fileName));
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  pruneBackups(dbPath);
  const made = listBackups(dbPath).find((b) => b.fileName === fileName);
  return made ?? { path: join(dir, fileName), fileName, reason, takenAt: now.toISOString(), bytes: 0 };
}

/** Backs up a database file that is not open yet (before a migration), through its own connection. */
export async function backupFile(dbPath: string, reason: BackupReason, now: Date = new Date()): Promise<BackupInfo> {
  const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
  try {
    return await createBackup(db, dbPath, reason, now);
  } finally {
    db.close();
  }
}

/** True when the newest backup is older than a day (or there is none). */
export function dailyBackupDue(dbPath: string, now: Date = new Date()): boolean {
  const newest = listBackups(dbPath)[0];
  return !newest || now.getTime() - Date.parse(newest.takenAt) >= DAILY_INTERVAL_MS;
}

/** A backup file's name for messages (never its folder). */
export const backupLabel = (b: BackupInfo): string =>
  `${basename(b.path)} (${b.takenAt.slice(0, 16).replace('T', ' ')} UTC)`;

/** How often a running app looks whether its daily backup is due. */
export const DAILY_CHECK_INTERVAL_MS = 3600 * 1000;

export interface DailyBackupsOptions {
  readonly intervalMs?: number;
  readonly now?: () => Date;
  /** A backup that could not be written (disk full): logged, tried again at the next check. */
  readonly onError?: (error: unknown) => void;
  readonly onBackup?: (backup: BackupInfo) => void;
}

/**
 * Keeps the daily backup going while the app stays open for days (start-up makes the first
 * one): every `intervalMs` a backup through the open connection when the newest is a day old.
 * Returns the function that stops it; the timer never keeps the process alive.
 */
export function startDailyBackups(db: Database, dbPath: string, options: DailyBackupsOptions = {}): () => void {
  const now = options.now ?? (() => new Date());
  let running = false;
  const timer = setInterval(() => {
    if (running || !db.open) return;
    const at = now();
    const onError = options.onError ?? (() => undefined);
    try {
      // Throws when the folder cannot be read (a file in its place): reported, never thrown from a timer.
      if (!dailyBackupDue(dbPath, at)) return;
    } catch (error) {
      onError(error);
      return;
    }
    running = true;
    createBackup(db, dbPath, 'daily', at)
      .then((b) => options.onBackup?.(b), onError)
      .finally(() => {
        running = false;
      });
  }, options.intervalMs ?? DAILY_CHECK_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
