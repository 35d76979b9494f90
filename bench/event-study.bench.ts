/**
 * The event study from the cache (issue: 500 symbols × 50 events × 4 windows "well under a
 * second", never blocking the main process's event loop for 50 ms or more). Measured: the
 * service's `run` of a whole study, with the share its own timings give to reading the bars
 * vs computing; the event loop's longest pause during a run, and the longest stretch the run
 * itself held the thread between two yields (its own timings), on the wall clock and on this
 * thread's CPU clock. Baseline: the plain way, in the same run: one raw `SELECT date, close` per
 * symbol and a hand-written market model (OLS over sessions −130 … −11, CAR over each
 * window) on series that share one calendar, with none of the service's checks.
 */
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { asTicker, type Ticker } from '../src/shared/brand';
import { createCore } from '../src/main/app/create-core';
import { BarsRepository } from '../src/main/db/repositories/bars-repository';
import { bareInstrument, InstrumentsRepository } from '../src/main/db/repositories/instruments-repository';
import { EventsRepository } from '../src/main/db/repositories/events-repository';
import { StudyRepository } from '../src/main/db/repositories/study-repository';
import { StudySettingsRepository } from '../src/main/db/repositories/study-settings-repository';
import { EventStudyService } from '../src/main/services/study/event-study-service';
import type { Bar } from '../src/shared/domain/bar';
import { atMost, compare, median, row, synthBars, tempDir, type BenchContext, type BenchRow } from './lib';

export const name = 'Event study: a whole study from the cache';

const WINDOWS: ReadonlyArray<readonly [number, number]> = [
  [-5, -1],
  [0, 1],
  [0, 5],
  [0, 20],
];

/** The plain way: raw closes, one calendar, OLS and CAR by hand. Returns the elapsed ms. */
function plainStudy(
  db: ReturnType<typeof createCore>['db'],
  symbols: readonly string[],
  bench: string,
  eventDates: readonly string[],
): number {
  const t = performance.now();
  const stmt = db.prepare('SELECT date, close FROM bars WHERE symbol = ? ORDER BY date').raw();
  const returnsOf = (s: string) => {
    const rows = stmt.all(s) as Array<[string, number]>;
    const dates = rows.map((r) => r[0]);
    const r = new Float64Array(rows.length);
    for (let i = 1; i < rows.length; i++) r[i] = rows[i]![1] / rows[i - 1]![1] - 1;
    return { dates, r };
  };
  const m = returnsOf(bench);
  let sink = 0;
  for (const s of symbols) {
    const x = returnsOf(s);
    for (const d of eventDates) {
      const t0 = x.dates.findIndex((v) => v >= d);
      if (t0 < 131) continue;
      let sx = 0;
      let sy = 0;
      let sxx = 0;
      let sxy = 0;
      const n = 120;
      for (let i = t0 - 130; i <= t0 - 11; i++) {
        sx += m.r[i]!;
        sy += x.r[i]!;
        sxx += m.r[i]! * m.r[i]!;
        sxy += m.r[i]! * x.r[i]!;
      }
      const beta = (n * sxy - sx * sy) / (n * sxx - sx * sx);
      const alpha = (sy - beta * sx) / n;
      let ss = 0;
      for (let i = t0 - 130; i <= t0 - 11; i++) ss += (x.r[i]! - alpha - beta * m.r[i]!) ** 2;
      const s2 = ss / (n - 2);
      for (const [a, b] of WINDOWS) {
        let car = 0;
        for (let i = t0 + a; i <= t0 + b && i < x.r.length; i++) car += x.r[i]! - alpha - beta * m.r[i]!;
        sink += car / Math.sqrt((b - a + 1) * s2);
      }
    }
  }
  if (Number.isNaN(sink)) throw new Error('plain event study produced NaN');
  return performance.now() - t;
}

export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const nSymbols = ctx.quick ? 20 : 500;
  const nEvents = ctx.quick ? 5 : 50;
  const sessions = ctx.quick ? 400 : 1300;
  const reps = ctx.quick ? 1 : Math.max(3, ctx.reps);
  const t = tempDir();
  const core = createCore({ dbPath: join(t.dir, 'es.db') });
  try {
    const symbols = Array.from({ length: nSymbols }, (_, i) => `E${String(i).padStart(4, '0')}`);
    const bench = 'MKT';
    const instruments = new InstrumentsRepository(core.db);
    const bars = new BarsRepository(core.db);
    const toBars = (seed: number): Bar[] =>
      synthBars(sessions, seed).map((b) => ({ ...b, date: b.date as Bar['date'], placeholder: false }));
    core.db.transaction(() => {
      for (const [i, s] of [bench, ...symbols].entries()) {
        instruments.insertIfMissing(bareInstrument(asTicker(s)));
        bars.upsertBatch(asTicker(s), toBars(i + 1));
      }
    })();
    const dates = synthBars(sessions, 1).map((b) => b.date);
    // Events spread over the last two thirds, so each has its 130-session estimation period.
    const eventDates = Array.from({ length: nEvents }, (_, k) => {
      const i = Math.floor(sessions / 3 + ((k + 0.5) * (sessions * 0.6)) / nEvents);
      return dates[i]!;
    });
    const study = core.services.studyFiles.create({
      title: 'Bench event study',
      source: { kind: 'article', title: 'bench' },
      universe: [
        ...symbols.slice(0, 100).map((s) => ({ symbol: asTicker(s), role: 'subject' as const })),
        { symbol: asTicker(bench), role: 'benchmark' as const },
      ],
    });
    for (const [k, d] of eventDates.entries())
      await core.services.userEvents.add({
        date: d as never,
        title: `bench event ${k}`,
        symbols: [asTicker(symbols[k % symbols.length]!)],
        studyId: study.id,
      });
    // A study file holds at most 200 symbols: the run names all of them (as `--symbols` does).
    const input = { studyId: study.id, symbols: symbols.map(asTicker), benchmark: bench as Ticker };
    let readShare: number[] = [];
    let rows = 0;
    let longestSlice = 0;
    const measured = async () => {
      const s = performance.now();
      const r = await core.services.eventStudy.run(input);
      const ms = performance.now() - s;
      rows = r.rows.length;
      readShare.push(r.timings.readMs / (r.timings.readMs + r.timings.computeMs));
      longestSlice = Math.max(longestSlice, r.timings.longestSliceMs);
      return ms;
    };
    const result = await compare(reps, measured, () => plainStudy(core.db, symbols, bench, eventDates));
    if (rows !== nSymbols * nEvents * WINDOWS.length)
      throw new Error(`expected ${nSymbols * nEvents * 4} rows, got ${rows}`);
    const share = median(readShare);
    readShare = [];

    // The longest pause of this thread's event loop while the service runs.
    const h = monitorEventLoopDelay({ resolution: 1 });
    let worst = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last - 5);
      last = now;
    }, 5);
    h.enable();
    await new Promise((r) => setTimeout(r, 10));
    await core.services.eventStudy.run(input);
    await new Promise((r) => setTimeout(r, 20));
    clearInterval(timer);
    h.disable();
    const pause = Math.max(worst, h.max / 1e6);

    // The same stretches on this thread's CPU clock: what the run's own work (and the collector
    // on this thread) holds the thread for, without the time the OS gives other processes, which
    // on a loaded machine inflates the wall-clock figures above.
    const cpuNow = () => {
      const u = process.threadCpuUsage();
      return (u.user + u.system) / 1000;
    };
    const onCpu = new EventStudyService({
      studies: new StudyRepository(core.db),
      events: new EventsRepository(core.db),
      instruments,
      bars,
      settings: new StudySettingsRepository(core.db),
      now: cpuNow,
    });
    let longestCpuSlice = 0;
    for (let i = 0; i < reps; i++)
      longestCpuSlice = Math.max(longestCpuSlice, (await onCpu.run(input)).timings.longestSliceMs);

    const label = `${nSymbols} symbols × ${nEvents} events × ${WINDOWS.length} windows`;
    return [
      row(
        `event study of ${label} (eventStudy.run), vs a plain hand loop`,
        'ms',
        result.measured,
        result.baseline,
        atMost(1000, 'measured'),
      ),
      row(`  share of that run spent reading bars from the cache (rest: computing)`, '%', share * 100, null),
      row(`longest main-thread pause during that event study`, 'ms', pause, null, atMost(50, 'measured')),
      // What the run itself holds the thread for (the pause above also counts the OS and GC).
      row(
        `  longest stretch the run held the thread between its yields (worst of all runs)`,
        'ms',
        longestSlice,
        null,
        atMost(50, 'measured'),
      ),
      row(
        `  the same on this thread's CPU clock (the run's work and this thread's GC, not the OS's other processes)`,
        'ms',
        longestCpuSlice,
        null,
        atMost(50, 'measured'),
      ),
    ];
  } finally {
    await core.close();
    t.remove();
  }
}
