import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SyncFinishedEvent } from '../../shared/domain/sync';
import type { FromWorker, ToWorker } from '../sync/protocol';
import type { SyncRunner } from '../sync/runner';

/**
 * Where the worker's code is. The Electron build passes the bundled file (electron-vite's
 * `import workerPath from './sync-worker?modulePath'` in the Electron entry); plain Node
 * (CLI, tests, benchmarks) runs the TypeScript source through tsx.
 */
export type WorkerEntry =
  { readonly kind: 'bundled'; readonly path: string } | { readonly kind: 'typescript'; readonly path: string };

/**
 * The worker next to this module: the bundled `sync-worker.mjs` when this code runs from the
 * CLI bundle (out/cli/, see scripts/build-cli.mjs), so no TypeScript loader is registered at
 * run time; else the TypeScript source (tests, the CLI run from source).
 */
export function sourceSyncWorkerEntry(): WorkerEntry {
  const here = dirname(fileURLToPath(import.meta.url));
  const bundled = join(here, 'sync-worker.mjs');
  if (existsSync(bundled)) return { kind: 'bundled', path: bundled };
  return { kind: 'typescript', path: join(here, 'sync-worker.ts') };
}

function tsxApiUrl(): string {
  // import.meta.resolve exists under Node and tsx; test runners may not provide it.
  const resolve = (import.meta as { resolve?: (s: string) => string }).resolve;
  if (typeof resolve === 'function') return resolve('tsx/esm/api');
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
}

/** Starts a worker thread from `entry` (bundled JS, or TypeScript through tsx). */
export function spawnWorker(entry: WorkerEntry, workerData?: unknown): Worker {
  if (entry.kind === 'bundled') return new Worker(entry.path, { workerData });
  // `--import tsx` in execArgv does not reach a worker's own entry resolution, so the worker
  // registers tsx itself and then imports the source.
  const code = `import(${JSON.stringify(tsxApiUrl())}).then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(entry.path).href)}); });`;
  return new Worker(code, { eval: true, workerData });
}

/** Runs each sync in a fresh worker thread from `entry`. */
export function workerSyncRunner(entry: WorkerEntry): SyncRunner {
  return (dbPath, request, onEvent, hooks = {}) => {
    const worker = spawnWorker(entry);
    const post = (m: ToWorker) => worker.postMessage(m);
    const done = new Promise<SyncFinishedEvent>((resolve, reject) => {
      let finished: SyncFinishedEvent | null = null;
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'closed') {
          void worker.terminate();
          return;
        }
        if (m.type === 'fatal') {
          reject(new Error(`the sync worker failed: ${m.message}`));
          return;
        }
        if (m.type === 'commit') {
          hooks.onCommit?.(m.commit);
          return;
        }
        if (m.type === 'log') {
          hooks.onLog?.(m.level, m.message);
          return;
        }
        onEvent(m.event);
        if (m.event.type === 'finished') {
          finished = m.event.payload;
          resolve(finished);
        }
      });
      worker.on('error', (e) => reject(e));
      worker.on('exit', (code) => {
        if (!finished) reject(new Error(`the sync worker stopped (exit code ${code}) before the run finished`));
      });
    });
    post({ type: 'start', dbPath, request });
    return {
      done,
      cancel: () => {
        try {
          post({ type: 'cancel' });
        } catch {
          // The worker already exited: nothing left to cancel.
        }
      },
    };
  };
}
