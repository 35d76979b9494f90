import type { Database } from 'better-sqlite3';
import { CatalystError } from '../../shared/contract/errors';

/**
 * Runs `fn` in one write transaction, all or nothing, and returns its value. `fn` must only
 * touch the database (it may run again after a busy answer, its earlier attempt rolled back).
 */
export type WriteTransaction = <T>(fn: () => T) => T;

/**
 * How long one connection waits for another's write lock, ms. The sync worker commits a batch
 * in milliseconds and a backup copies pages in small steps, so 5 s covers any honest writer
 * (and a checkpoint) with a wide margin while a stuck writer still ends in a typed error.
 */
export const BUSY_TIMEOUT_MS = 5000;

/** Attempts of one write transaction when SQLite answers busy even after the busy timeout. */
export const WRITE_ATTEMPTS = 3;

/** True for SQLite's "database is busy/locked" answers (SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED …). */
export function isBusyError(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

const sleepCell = new Int32Array(new SharedArrayBuffer(4));
/** Blocks the thread for `ms` (the callers are synchronous, like better-sqlite3 itself). */
function sleepSync(ms: number): void {
  Atomics.wait(sleepCell, 0, 0, ms);
}

export interface WriteTransactionOptions {
  readonly attempts?: number;
  /** Pause between attempts, ms, doubled each time (default 25). */
  readonly backoffMs?: number;
}

/**
 * The one way Catalyst writes: `BEGIN IMMEDIATE` takes the write lock up front (a deferred
 * transaction that reads first cannot upgrade once a sync worker has committed, which is
 * SQLITE_BUSY_SNAPSHOT, and the busy timeout does not help it), waits up to the connection's
 * busy timeout for another writer, and is retried when SQLite still says busy. Inside an open
 * transaction it nests as a savepoint and never retries on its own (the outer one does).
 * After the last attempt the error is `unavailable`, never an untyped SQLite error.
 */
export function createWriteTransaction(db: Database, options: WriteTransactionOptions = {}): WriteTransaction {
  const attempts = Math.max(1, options.attempts ?? WRITE_ATTEMPTS);
  const backoff = options.backoffMs ?? 25;
  return <T>(fn: () => T): T => {
    if (db.inTransaction) return db.transaction(fn)();
    for (let attempt = 1; ; attempt++) {
      try {
        return db.transaction(fn).immediate();
      } catch (error) {
        if (!isBusyError(error)) throw error;
        if (attempt >= attempts)
          throw new CatalystError(
            'unavailable',
            'The database is busy (another Catalyst window or command is writing to it). Try again in a moment.',
          );
        sleepSync(backoff * 2 ** (attempt - 1));
      }
    }
  };
}
