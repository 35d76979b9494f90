import type { SyncFinishedEvent } from '../../shared/domain/sync';
import { openDatabase } from '../db/open';
import { runSync } from './engine';
import type { SyncRunHooks, SyncRunRequest, SyncWireEvent } from './protocol';

/** A run under way. `done` resolves with the finished event (also after a cancel or offline). */
export interface SyncRunHandle {
  readonly done: Promise<SyncFinishedEvent>;
  /** Aborts in-flight requests; batches already committed stay. Idempotent. */
  cancel(): void;
}

/**
 * Starts a run against the database file at `dbPath`, forwarding its progress to `onEvent`
 * and each committed batch and log line to `hooks`.
 * The app and the CLI use the worker runner; the in-process one exists for the benchmark's
 * baseline and for debugging.
 */
export type SyncRunner = (
  dbPath: string,
  request: SyncRunRequest,
  onEvent: (event: SyncWireEvent) => void,
  hooks?: SyncRunHooks,
) => SyncRunHandle;

/** Runs the engine on the calling thread, with its own connection. Blocks that thread's event loop while it writes. */
export const inProcessSyncRunner: SyncRunner = (dbPath, request, onEvent, hooks = {}) => {
  const controller = new AbortController();
  const done = (async () => {
    const db = openDatabase(dbPath);
    try {
      return await runSync(request, { db, emit: onEvent, ...hooks, signal: controller.signal });
    } finally {
      db.close();
    }
  })();
  return { done, cancel: () => controller.abort() };
};
