/// <reference types="electron-vite/node" />
/**
 * The fetch worker as bundled by electron-vite: `?modulePath` makes the build emit
 * `sync-worker` as its own chunk in out/main and gives its path at run time. Import this only
 * from the Electron entry (src/main/index.ts): plain Node and tsx cannot resolve `?modulePath`.
 */
import syncWorkerPath from './sync-worker?modulePath';
import type { WorkerEntry } from './spawn-sync-worker';

export const bundledSyncWorkerEntry: WorkerEntry = { kind: 'bundled', path: syncWorkerPath };
