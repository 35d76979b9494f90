/**
 * The fetch worker's entry (a `worker_threads` worker). It owns the network I/O, the parsing
 * and the writes of one run: main sends `start` (database path and the run request) and
 * maybe `cancel`; the worker answers with progress events and exits when the run is over.
 * It writes through its own better-sqlite3 connection to the same WAL file, so the main
 * process keeps reading while it writes, and its event loop never waits on this work.
 */
import { parentPort } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../db/open';
import { runSync } from '../sync/engine';
import type { FromWorker, ToWorker } from '../sync/protocol';

const port = parentPort;
if (!port) throw new Error('sync-worker must run as a worker thread');

const controller = new AbortController();
let started = false;

const send = (m: FromWorker) => port.postMessage(m);

async function start(dbPath: string, request: Extract<ToWorker, { type: 'start' }>['request']): Promise<void> {
  let db: Database | null = null;
  try {
    // Main has migrated the file before starting us; this is then a no-op check.
    db = openDatabase(dbPath);
    await runSync(request, {
      db,
      emit: (event) => send({ type: 'event', event }),
      onCommit: (commit) => send({ type: 'commit', commit }),
      onLog: (level, message) => send({ type: 'log', level, message }),
      signal: controller.signal,
    });
  } catch (e) {
    send({ type: 'fatal', message: e instanceof Error ? e.message : String(e) });
  } finally {
    db?.close();
    // Main terminates the thread on this message: idle keep-alive sockets of fetch would
    // otherwise hold it (and a CLI process) open for seconds. Sent last, so nothing is lost.
    send({ type: 'closed' });
  }
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'cancel') controller.abort();
  else if (m.type === 'start' && !started) {
    started = true;
    void start(m.dbPath, m.request);
  }
});
