/**
 * The chart bench's page (bundled by bench/chart.bench.ts and run in Chromium): the app's own
 * chart controller and study annotations against bare lightweight-charts, each timed from the
 * data handed over to the first frame painted after it. Bars and events arrive beforehand
 * (`prepare`), so no timing includes their transfer.
 */
import { CandlestickSeries, createChart, HistogramSeries, type Time } from 'lightweight-charts';
import type { Ticker } from '../../src/shared/brand';
import type { Bar } from '../../src/shared/domain/bar';
import { ChartController } from '../../src/renderer/src/features/chart/chart-controller';
import { chartOptions, chartPalette } from '../../src/renderer/src/features/chart/chart-theme';
import type { LogicalSpan } from '../../src/renderer/src/features/chart/range-presets';
import { singleSymbolSpecs } from '../../src/renderer/src/features/chart/series-specs';
import { categoryColors, type ChartEvent } from '../../src/renderer/src/features/study/annotations/chart-event';
import { StudyAnnotations } from '../../src/renderer/src/features/study/annotations/study-annotations';
import { chartEventsFor, defaultStudySymbol } from '../../src/renderer/src/features/study/chart-events';
import type { StudyDetail } from '../../src/shared/domain/study';
import { themeTokens } from '../../src/shared/theme';

interface Symbol_ {
  readonly symbol: Ticker;
  readonly bars: Bar[];
  readonly events: ChartEvent[];
}

const data = new Map<string, Symbol_>();
const UP = chartPalette.light.upVolume;
const DOWN = chartPalette.light.downVolume;

/** Resolves after the next frame: lightweight-charts paints in a frame callback registered before ours. */
const painted = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

function container(): HTMLElement {
  const div = document.createElement('div');
  div.style.cssText = 'position:absolute;left:0;top:0;width:1280px;height:720px';
  document.body.append(div);
  return div;
}

/**
 * Bare lightweight-charts drawing the same picture as the app (candles, volume coloured by the
 * session's direction), each series' data converted in one plain loop.
 */
function bareChart() {
  const div = container();
  const chart = createChart(div, chartOptions('light'));
  const candles = chart.addSeries(CandlestickSeries);
  const volume = chart.addSeries(HistogramSeries, {}, 1);
  return {
    chart,
    show(bars: readonly Bar[]): void {
      const c = new Array(bars.length);
      const v = new Array(bars.length);
      for (let i = 0; i < bars.length; i++) {
        const b = bars[i]!;
        c[i] = { time: b.date as Time, open: b.open, high: b.high, low: b.low, close: b.close };
        v[i] = { time: b.date as Time, value: b.volume ?? 0, color: b.close >= (b.open ?? b.close) ? UP : DOWN };
      }
      candles.setData(c);
      volume.setData(v);
    },
    dispose(): void {
      chart.remove();
      div.remove();
    },
  };
}

/** The app's chart controller with the study annotations attached, as the study view makes them. */
function appChart() {
  const div = container();
  const controller = new ChartController(div, 'light');
  const annotations = new StudyAnnotations(controller);
  annotations.attach();
  return {
    controller,
    annotations,
    /** The symbol's specs; its events marked (the middle one selected) unless `withEvents` is false. */
    show(s: Symbol_, withEvents = true): void {
      controller.setSeries(
        singleSymbolSpecs(
          s.symbol,
          s.bars,
          s.bars.every((b) => b.open === null),
        ),
      );
      if (withEvents) annotations.update(annotationInput(s));
    },
    dispose(): void {
      annotations.detach();
      controller.dispose();
      div.remove();
    },
  };
}

function annotationInput(s: Symbol_, selected: ChartEvent | null = s.events[s.events.length >> 1] ?? null) {
  return { bars: s.bars, events: s.events, selected, colors: categoryColors.light, labelText: themeTokens.light.bg };
}

/** Milliseconds from `change` to the first frame painted after it. */
async function toFrame(change: () => void): Promise<number> {
  const t = performance.now();
  change();
  await painted();
  return performance.now() - t;
}

/** Milliseconds per scroll by one bar, each to its painted frame. */
async function scrolls(range: () => LogicalSpan, set: (r: LogicalSpan) => void, steps: number): Promise<number> {
  const span = range();
  let total = 0;
  for (let i = 1; i <= steps; i++) total += await toFrame(() => set({ from: span.from - i, to: span.to - i }));
  return total / steps;
}

let study: StudyDetail | null = null;

const bench = {
  prepare(symbols: Symbol_[]): void {
    for (const s of symbols) data.set(s.symbol, s);
  },

  /** The symbol the app opens a study on (the renderer's own choice). */
  openingSymbol(detail: StudyDetail): string | null {
    study = detail;
    return defaultStudySymbol(detail.universe, detail.events);
  },

  /**
   * A study opened as the app opens it: the controller, the symbol's specs, its events marked
   * (the renderer's own selection of them) and fitted; milliseconds to the first painted frame.
   */
  async studyFirstFrame(symbol: string, bars: Bar[]): Promise<number> {
    let app: ReturnType<typeof appChart> | null = null;
    const ms = await toFrame(() => {
      app = appChart();
      const ticker = symbol as Ticker;
      const s = { symbol: ticker, bars, events: chartEventsFor(study!.events, ticker, new Set()) };
      app.show(s, false);
      app.annotations.update(annotationInput(s, null));
      app.annotations.fitEvents();
    });
    app!.dispose();
    return ms;
  },

  /** Bare lightweight-charts: a new chart, the bars, first frame. */
  async firstFrameBare(symbol: string): Promise<number> {
    let bare: ReturnType<typeof bareChart> | null = null;
    const ms = await toFrame(() => {
      bare = bareChart();
      bare.show(data.get(symbol)!.bars);
    });
    bare!.dispose();
    return ms;
  },

  /** The app's controller with the symbol's specs and its events annotated, first frame. */
  async firstFrameApp(symbol: string): Promise<number> {
    let app: ReturnType<typeof appChart> | null = null;
    const ms = await toFrame(() => {
      app = appChart();
      app.show(data.get(symbol)!);
    });
    app!.dispose();
    return ms;
  },

  /** Bare: a kept chart showing `from`, then `setData` with `to`'s bars, first frame after. */
  async switchBare(from: string, to: string): Promise<number> {
    const bare = bareChart();
    await toFrame(() => bare.show(data.get(from)!.bars));
    const ms = await toFrame(() => bare.show(data.get(to)!.bars));
    bare.dispose();
    return ms;
  },

  /** The app: the kept controller showing `from`, then `to` (each with its events when `withEvents` is 1). */
  async switchApp(from: string, to: string, withEvents: number): Promise<number> {
    const app = appChart();
    await toFrame(() => app.show(data.get(from)!, withEvents === 1));
    const ms = await toFrame(() => app.show(data.get(to)!, withEvents === 1));
    app.dispose();
    return ms;
  },

  /** Bare: one viewport change (scroll by one bar), first frame after; milliseconds per change. */
  async viewportBare(symbol: string, steps: number): Promise<number> {
    const bare = bareChart();
    await toFrame(() => {
      bare.show(data.get(symbol)!.bars);
      bare.chart.timeScale().fitContent();
    });
    const ts = bare.chart.timeScale();
    const ms = await scrolls(
      () => ts.getVisibleLogicalRange()!,
      (r) => ts.setVisibleLogicalRange(r),
      steps,
    );
    bare.dispose();
    return ms;
  },

  /** The same scrolls with the events annotated. */
  async viewportApp(symbol: string, steps: number): Promise<number> {
    const app = appChart();
    await toFrame(() => {
      app.show(data.get(symbol)!);
      app.controller.fitContent();
    });
    const c = app.controller;
    const ms = await scrolls(
      () => c.visibleRange()!,
      (r) => c.setVisibleRange(r),
      steps,
    );
    app.dispose();
    return ms;
  },
};

(window as unknown as { chartBench: typeof bench }).chartBench = bench;
