import BetterSqlite3, { type Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { assertNotNewer, migrate } from './migrate';
import { migrations } from './migrations/index';
import { BUSY_TIMEOUT_MS } from './transaction';

export interface OpenOptions {
  /** Open without migrating (tests of the migration itself). */
  readonly skipMigrations?: boolean;
  /** Told the migrations applied (their versions), when any were (for the log). */
  readonly onMigrated?: (versions: readonly number[]) => void;
}

/**
 * Opens (creating if needed) the Catalyst database at `path` and migrates it.
 * WAL for concurrent reads during a sync; `synchronous=FULL` because the same file holds
 * user data (events, watchlists), which must survive a power loss once committed;
 * foreign keys on; a busy timeout so a second process waits instead of failing.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new BetterSqlite3(path);
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Before any pragma that writes (WAL switches the file format): a newer file stays untouched.
    if (!options.skipMigrations) assertNotNewer(db, migrations);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    if (!options.skipMigrations) {
      const applied = migrate(db, migrations);
      if (applied.length) options.onMigrated?.(applied);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
