import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { spawnWorker } from '../../../../src/main/worker/spawn-sync-worker';

export interface ThreadedProvider {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts the fake provider with `count` real series in a worker thread. */
export async function startFakeProviderThread(count: number, latencyMs = 0): Promise<ThreadedProvider> {
  const w = spawnWorker(
    { kind: 'typescript', path: fileURLToPath(new URL('./fake-provider-thread.ts', import.meta.url)) },
    { count, latencyMs },
  );
  const url = await new Promise<string>((resolve, reject) => {
    w.once('error', reject);
    w.on('message', (m: { type: string; url?: string }) => {
      if (m.type === 'ready') resolve(m.url!);
    });
  });
  return {
    url,
    close: async () => {
      const exited = new Promise<void>((r) => w.once('exit', () => r()));
      w.postMessage('close');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
      await w.terminate();
    },
  };
}

export interface LoopStats {
  /** Longest event-loop pause seen, ms (perf_hooks histogram, 1 ms resolution). */
  readonly maxMs: number;
  readonly p99Ms: number;
  /** Longest lateness of a 5 ms interval timer, ms (an independent second measure). */
  readonly maxTimerLagMs: number;
  readonly durationMs: number;
}

/** Measures the calling thread's event-loop pauses while `work` runs. */
export async function measureLoop(work: () => Promise<unknown>): Promise<LoopStats> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  let last = performance.now();
  let maxTimerLag = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxTimerLag = Math.max(maxTimerLag, now - last - 5);
    last = now;
  }, 5);
  const t0 = performance.now();
  h.enable();
  try {
    await work();
  } finally {
    h.disable();
    clearInterval(timer);
  }
  return {
    maxMs: h.max / 1e6,
    p99Ms: h.percentile(99) / 1e6,
    maxTimerLagMs: maxTimerLag,
    durationMs: performance.now() - t0,
  };
}
