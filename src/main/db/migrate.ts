import type { Database } from 'better-sqlite3';
import { CatalystError } from '../../shared/contract/errors';
import type { Migration } from './migrations/types';

/**
 * Throws `unsupported-database` when the file was written by a newer Catalyst; returns the
 * file's schema version. Reads only, so it is safe before anything else touches the file.
 */
export function assertNotNewer(db: Database, list: readonly Migration[]): number {
  const latest = list.length;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new CatalystError(
      'unsupported-database',
      `This database was written by a newer version of Catalyst (schema ${current}; this version knows up to ${latest}). ` +
        'Update Catalyst, or open another database. The file was not changed.',
    );
  }
  return current;
}

/**
 * Brings the schema to the newest version, one transaction per migration, each bumping
 * `PRAGMA user_version`. A database written by a newer Catalyst is refused untouched.
 * Returns the versions applied.
 */
export function migrate(db: Database, list: readonly Migration[]): number[] {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const current = assertNotNewer(db, list);
  const applied: number[] = [];
  for (const m of list.slice(current)) {
    db.transaction(() => {
      m.up(db);
      // PRAGMA takes no bound parameters; the value is a checked integer.
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
    applied.push(m.version);
  }
  return applied;
}
