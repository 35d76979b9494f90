/**
 * The chart in Chromium (the renderer's engine): the app's chart controller with a study's
 * events against bare lightweight-charts drawing the same bars (candles + volume), each timed
 * from the data handed over to the first painted frame. Three pairs: a first frame (a new chart),
 * a symbol switch (the kept chart, new bars; then with the events too) and a viewport change (a scroll by one
 * bar with the events' markers, lines and selected window drawn), in the page of
 * bench/chart-page-host.ts; without a Chromium the bench says so and reports nothing (the
 * end-to-end tests need one anyway).
 */
import { openChartPage } from './chart-page-host';
import { atMost, compare, row, synthBars, type BenchContext, type BenchRow } from './lib';

export const name = 'chart in Chromium (controller + events vs bare lightweight-charts)';

const CATEGORIES = ['ai', 'policy', 'market', 'corporate', 'macro', 'user'] as const;

function symbolData(symbol: string, bars: number, events: number, seed: number) {
  const rows = synthBars(bars, seed).map((b) => ({ ...b, placeholder: false }));
  const step = Math.max(1, Math.floor(rows.length / events));
  const evs = [];
  for (let i = 0; i < events && i * step < rows.length; i++) {
    const t0 = rows[i * step]!.date;
    evs.push({
      id: `e${seed}-${i}`,
      number: i + 1,
      t0,
      title: `Event ${i + 1}`,
      category: CATEGORIES[i % CATEGORIES.length]!,
      approximate: i % 7 === 0,
      window: null,
      user: i % 11 === 0,
    });
  }
  return { symbol, bars: rows, events: evs };
}

export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const chart = await openChartPage();
  if (!chart) return [];
  const bars = ctx.quick ? 5_000 : 50_000;
  const events = ctx.quick ? 100 : 1_000;
  const reps = ctx.quick ? 1 : 7;
  try {
    await chart.call('prepare', [symbolData('AAA', bars, events, 1), symbolData('BBB', bars, events, 2)]);
    type Fn = 'firstFrameBare' | 'firstFrameApp' | 'switchBare' | 'switchApp' | 'viewportBare' | 'viewportApp';
    const call = (fn: Fn, ...args: Array<string | number>) => chart.call(fn, ...args);
    // Warm both paths once (JIT, fonts) before any timed run.
    await call('firstFrameApp', 'AAA');
    await call('firstFrameBare', 'AAA');
    await call('switchApp', 'AAA', 'BBB', 1);
    await call('switchBare', 'AAA', 'BBB');
    const first = await compare(
      reps,
      () => call('firstFrameApp', 'AAA'),
      () => call('firstFrameBare', 'AAA'),
    );
    const sw = await compare(
      reps,
      () => call('switchApp', 'AAA', 'BBB', 0),
      () => call('switchBare', 'AAA', 'BBB'),
    );
    const swEvents = await compare(
      reps,
      () => call('switchApp', 'AAA', 'BBB', 1),
      () => call('switchBare', 'AAA', 'BBB'),
    );
    const steps = ctx.quick ? 5 : 30;
    const vp = await compare(
      reps,
      () => call('viewportApp', 'AAA', steps),
      () => call('viewportBare', 'AAA', steps),
    );
    const label = `${bars.toLocaleString('en-US')} bars + ${events.toLocaleString('en-US')} events`;
    return [
      row(`chart first frame, ${label} (vs bare, same bars)`, 'ms', first.measured, first.baseline, atMost(1.2)),
      row(
        `symbol switch, ${bars.toLocaleString('en-US')} bars (vs bare setData)`,
        'ms',
        sw.measured,
        sw.baseline,
        atMost(1.2),
      ),
      row(`symbol switch, ${label} (vs bare setData)`, 'ms', swEvents.measured, swEvents.baseline, null),
      row(`viewport change, ${label} annotated (vs bare)`, 'ms', vp.measured, vp.baseline, null),
    ];
  } finally {
    await chart.close();
  }
}
