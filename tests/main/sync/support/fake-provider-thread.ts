/**
 * The fake provider in its own thread, so measurements of the main thread's event loop see
 * only the sync's cost, not the fake server's JSON serialisation.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startFakeProvider } from './fake-provider';
import { loadSeries } from './series';

const data = workerData as { count: number; latencyMs?: number };
const fp = await startFakeProvider({ series: loadSeries(data.count), latencyMs: data.latencyMs });
parentPort!.on('message', (m: string) => {
  if (m === 'stats')
    parentPort!.postMessage({ type: 'stats', requests: fp.requests.length, maxInFlight: fp.maxInFlight });
  if (m === 'close') void fp.close().then(() => parentPort!.close());
});
parentPort!.postMessage({ type: 'ready', url: fp.url });
