import { createWriteTransaction } from '../db/transaction';
import type { Database } from 'better-sqlite3';
import type { Clock } from '../services/clock';
import type { InstrumentsRepository } from '../db/repositories/instruments-repository';
import { SyncRepository } from '../db/repositories/sync-repository';
import type { Logger } from '../log/logger';
import type { SyncRunner } from '../sync/runner';
import { sourceSyncWorkerEntry, workerSyncRunner, type WorkerEntry } from '../worker/spawn-sync-worker';
import { envSecretStore, type SecretStore } from '../services/sync/secret-store';
import { baseUrlsFromEnv, limitsFromEnv } from '../services/sync/sync-env';
import { SyncService, type SyncLimitsOverride } from '../services/sync/sync-service';

/** What an entry point may choose about price updates (all optional). */
export interface SyncCoreOptions {
  /** The worker's code: the Electron entry passes the bundled file; default the TypeScript source via tsx. */
  readonly workerEntry?: WorkerEntry;
  /** Replaces the worker (the benchmark's in-process baseline). */
  readonly runner?: SyncRunner;
  /** API keys: safeStorage in the app; default the environment (CLI). */
  readonly secrets?: SecretStore;
  /** Environment for base URL, key and limit overrides; default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  readonly limits?: SyncLimitsOverride;
}

/** Builds the sync service for the composition root. */
export function createSyncService(
  base: { db: Database; dbPath: string; instruments: InstrumentsRepository; clock: Clock; log?: Logger },
  o: SyncCoreOptions = {},
): SyncService {
  const env = o.env ?? process.env;
  return new SyncService({
    dbPath: base.dbPath,
    repo: new SyncRepository(base.db),
    transact: createWriteTransaction(base.db),
    instruments: base.instruments,
    clock: base.clock,
    log: base.log,
    secrets: o.secrets ?? envSecretStore(env),
    runner: o.runner ?? workerSyncRunner(o.workerEntry ?? sourceSyncWorkerEntry()),
    baseUrlOverrides: baseUrlsFromEnv(env),
    limits: { ...limitsFromEnv(env), ...o.limits },
  });
}
