import { bundledSyncWorkerEntry } from '../src/main/worker/bundled-entry';
import { workerSyncRunner } from '../src/main/worker/spawn-sync-worker';
export const runner = workerSyncRunner(bundledSyncWorkerEntry);
export const entry = bundledSyncWorkerEntry;
