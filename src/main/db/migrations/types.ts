import type { Database } from 'better-sqlite3';

/**
 * A forward-only schema step. `version` is its number (1, 2, 3 …, no gaps); `up` runs inside
 * the transaction that also sets `PRAGMA user_version = version`.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}
