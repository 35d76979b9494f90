/**
 * The main process's longest event-loop pause (DESIGN: never 50 ms or more) while it starts
 * on an empty database (seeding the embedded study), runs a sync through the fetch worker,
 * imports a bars CSV and opens the embedded study (T0 of every event for every symbol).
 * The sync's baseline is the same engine on the main thread, which the worker exists to avoid.
 */
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { asTicker } from '../src/shared/brand';
import { createCore, openCore, type Core } from '../src/main/app/create-core';
import { inProcessSyncRunner } from '../src/main/sync/runner';
import { atMost, median, row, synthBars, tempDir, type BenchContext, type BenchRow } from './lib';

export const name = 'Main-process pauses: start-up, sync, import, study';

/** The longest pause of this thread's event loop while `work` runs, ms (1 ms resolution). */
async function longestPause(work: () => unknown): Promise<number> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  // A 5 ms interval timer as a second measure: a synchronous block shows as one late tick.
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 5);
    last = now;
  }, 5);
  h.enable();
  await new Promise((r) => setTimeout(r, 10));
  await work();
  await new Promise((r) => setTimeout(r, 20));
  clearInterval(timer);
  h.disable();
  return Math.max(worst, h.max / 1e6);
}

async function fakeYahoo(sessions: number): Promise<{ url: string; close: () => Promise<void> }> {
  const w = new Worker(new URL('./fake-yahoo-server.mjs', import.meta.url), { workerData: { sessions, latencyMs: 5 } });
  const url = await new Promise<string>((resolve, reject) => {
    w.once('error', reject);
    w.on('message', (m: { type: string; url: string }) => m.type === 'ready' && resolve(m.url));
  });
  return {
    url,
    close: async () => {
      w.postMessage('close');
      await new Promise((r) => setTimeout(r, 50));
      await w.terminate();
    },
  };
}

function csv(n: number): string {
  const lines = ['date,open,high,low,close,volume'];
  for (const b of synthBars(n, 7)) lines.push(`${b.date},${b.open},${b.high},${b.low},${b.close},${b.volume}`);
  return `${lines.join('\n')}\n`;
}

const TRUSTED = { url: 'app://bench/' };

export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const reps = ctx.quick ? 1 : 3;
  const symbols = Array.from({ length: ctx.quick ? 4 : 40 }, (_, i) => `P${String(i).padStart(3, '0')}`);
  const sessions = ctx.quick ? 250 : 1300;
  const server = await fakeYahoo(sessions);
  const startup: number[] = [];
  const syncWorker: number[] = [];
  const syncInline: number[] = [];
  const imports: number[] = [];
  const study: number[] = [];
  try {
    for (let i = 0; i < reps; i++) {
      const t = tempDir();
      let core: Core | null = null;
      try {
        const dbPath = join(t.dir, 'p.db');
        startup.push(
          // As the app starts (src/main/index.ts): the core, then the embedded study seeded in slices.
          await longestPause(async () => {
            core = await openCore({ dbPath, seedOnOpen: true, isTrustedSender: () => true });
          }),
        );
        const c = core as unknown as Core;
        for (const [runner, into] of [
          [undefined, syncWorker],
          [inProcessSyncRunner, syncInline],
        ] as const) {
          const sc = createCore({
            dbPath,
            sync: { ...(runner ? { runner } : {}), env: { CATALYST_YAHOO_BASE_URL: server.url } },
          });
          into.push(
            await longestPause(async () => {
              const { runId } = await sc.services.sync.start({ symbols: symbols.map(asTicker), force: true });
              const fin = await sc.services.sync.waitForRun(runId);
              if (fin.summary.failed) throw new Error(`bench sync failed: ${fin.message}`);
            }),
          );
          await sc.close();
        }
        const text = csv(ctx.quick ? 500 : 5000);
        // As the app's barsImport.import handler does: read in slices, then one transaction.
        imports.push(await longestPause(() => c.services.market.importBarsCsvSliced(asTicker('IMPORT'), text)));
        const list = (await c.router.dispatch('studies.list', undefined, TRUSTED)) as {
          ok: boolean;
          value: Array<{ id: string }>;
        };
        const id = list.value[0]!.id;
        study.push(await longestPause(() => c.router.dispatch('studies.get', { id }, TRUSTED)));
      } finally {
        await (core as Core | null)?.close();
        t.remove();
      }
    }
  } finally {
    await server.close();
  }
  const limit = atMost(50, 'measured');
  return [
    row('longest pause: start-up on an empty database (seeding included)', 'ms', median(startup), null, limit),
    row(
      `longest pause: sync of ${symbols.length} symbols (${symbols.length * sessions} sessions) in the worker, vs the same engine on main`,
      'ms',
      median(syncWorker),
      median(syncInline),
      limit,
    ),
    row(`longest pause: import of a ${ctx.quick ? 500 : 5000}-row bars CSV`, 'ms', median(imports), null, limit),
    row('longest pause: open the embedded study (studies.get)', 'ms', median(study), null, limit),
  ];
}
