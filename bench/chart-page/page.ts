/**
 * The chart bench's page (bundled by bench/chart.bench.ts and run in Chromium): the app's own
 * chart controller and study annotations against bare lightweight-charts, each timed from the
 * data handed over to the first frame painted after it. Bars and events arrive beforehand
 * (`prepare`), so no timing includes their transfer.
 */
import { CandlestickSeries, createChart, HistogramSeries, type IChartApi, type Time } from 'lightweight-charts';
import type { Ticker } from '../../src/shared/brand';
import type { Bar } from '../../src/shared/domain/bar';
import { ChartController } from '../../src/renderer/src/features/chart/chart-controller';
import { chartOptions, chartPalette } from '../../src/renderer/src/features/chart/chart-theme';
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
 * The bare baseline: the same picture (candles, volume coloured by the session's direction) from
 * the same bars, converted in one plain loop.
 */
function bareSet(
  chart: IChartApi,
  candles: ReturnType<IChartApi['addSeries']>,
  volume: ReturnType<IChartApi['addSeries']>,
  bars: readonly Bar[],
): void {
  void chart;
  const c = new Array(bars.length);
  const v = new Array(bars.length);
  for (let i = 0; i < bars.length; i++) {
    const b = bars[i]!;
    c[i] = { time: b.date as Time, open: b.open, high: b.high, low: b.low, close: b.close };
    v[i] = { time: b.date as Time, value: b.volume ?? 0, color: b.close >= (b.open ?? b.close) ? UP : DOWN };
  }
  candles.setData(c);
  volume.setData(v);
}

function annotationInput(s: Symbol_) {
  return {
    bars: s.bars,
    events: s.events,
    selected: s.events[s.events.length >> 1] ?? null,
    colors: categoryColors.light,
    labelText: themeTokens.light.bg,
  };
}

let study: StudyDetail | null = null;

const bench = {
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
    const div = container();
    const t = performance.now();
    const controller = new ChartController(div, 'light');
    const annotations = new StudyAnnotations(controller);
    const ticker = symbol as Ticker;
    const closeOnly = bars.every((b) => b.open === null);
    controller.setSeries(singleSymbolSpecs(ticker, bars, closeOnly));
    annotations.attach();
    annotations.update({
      ...annotationInput({ symbol: ticker, bars, events: chartEventsFor(study!.events, ticker, new Set()) }),
      selected: null,
    });
    annotations.fitEvents();
    await painted();
    const ms = performance.now() - t;
    annotations.detach();
    controller.dispose();
    div.remove();
    return ms;
  },

  prepare(symbols: Symbol_[]): void {
    for (const s of symbols) data.set(s.symbol, s);
  },

  /** Bare lightweight-charts: a chart, candles + volume, the bars, first frame. Milliseconds. */
  async firstFrameBare(symbol: string): Promise<number> {
    const s = data.get(symbol)!;
    const div = container();
    const t = performance.now();
    const chart = createChart(div, chartOptions('light'));
    const candles = chart.addSeries(CandlestickSeries);
    const volume = chart.addSeries(HistogramSeries, {}, 1);
    bareSet(chart, candles, volume, s.bars);
    await painted();
    const ms = performance.now() - t;
    chart.remove();
    div.remove();
    return ms;
  },

  /** The app's controller with the symbol's specs and its events annotated, first frame. */
  async firstFrameApp(symbol: string): Promise<number> {
    const s = data.get(symbol)!;
    const div = container();
    const t = performance.now();
    const controller = new ChartController(div, 'light');
    const annotations = new StudyAnnotations(controller);
    controller.setSeries(singleSymbolSpecs(s.symbol, s.bars, false));
    annotations.attach();
    annotations.update(annotationInput(s));
    await painted();
    const ms = performance.now() - t;
    annotations.detach();
    controller.dispose();
    div.remove();
    return ms;
  },

  /** Bare: a kept chart showing `from`, then `setData` with `to`'s bars, first frame after. */
  async switchBare(from: string, to: string): Promise<number> {
    const div = container();
    const chart = createChart(div, chartOptions('light'));
    const candles = chart.addSeries(CandlestickSeries);
    const volume = chart.addSeries(HistogramSeries, {}, 1);
    bareSet(chart, candles, volume, data.get(from)!.bars);
    await painted();
    const t = performance.now();
    bareSet(chart, candles, volume, data.get(to)!.bars);
    await painted();
    const ms = performance.now() - t;
    chart.remove();
    div.remove();
    return ms;
  },

  /** The app: the kept controller showing `from`, then `to` (each with its events when `withEvents` is 1). */
  async switchApp(from: string, to: string, withEvents: number): Promise<number> {
    const div = container();
    const controller = new ChartController(div, 'light');
    const annotations = new StudyAnnotations(controller);
    const a = data.get(from)!;
    controller.setSeries(singleSymbolSpecs(a.symbol, a.bars, false));
    annotations.attach();
    if (withEvents) annotations.update(annotationInput(a));
    await painted();
    const b = data.get(to)!;
    const t = performance.now();
    controller.setSeries(singleSymbolSpecs(b.symbol, b.bars, false));
    if (withEvents) annotations.update(annotationInput(b));
    await painted();
    const ms = performance.now() - t;
    annotations.detach();
    controller.dispose();
    div.remove();
    return ms;
  },

  /** Bare: one viewport change (scroll by one bar), first frame after; milliseconds per change. */
  async viewportBare(symbol: string, steps: number): Promise<number> {
    const s = data.get(symbol)!;
    const div = container();
    const chart = createChart(div, chartOptions('light'));
    const candles = chart.addSeries(CandlestickSeries);
    const volume = chart.addSeries(HistogramSeries, {}, 1);
    bareSet(chart, candles, volume, s.bars);
    chart.timeScale().fitContent();
    await painted();
    const span = chart.timeScale().getVisibleLogicalRange()!;
    const t = performance.now();
    for (let i = 1; i <= steps; i++) {
      chart.timeScale().setVisibleLogicalRange({ from: span.from - i, to: span.to - i });
      await painted();
    }
    const ms = (performance.now() - t) / steps;
    chart.remove();
    div.remove();
    return ms;
  },

  /** One viewport change with the events annotated: scroll by one bar, first frame after. */
  async viewportApp(symbol: string, steps: number): Promise<number> {
    const s = data.get(symbol)!;
    const div = container();
    const controller = new ChartController(div, 'light');
    const annotations = new StudyAnnotations(controller);
    controller.setSeries(singleSymbolSpecs(s.symbol, s.bars, false));
    annotations.attach();
    annotations.update(annotationInput(s));
    controller.fitContent();
    await painted();
    const span = controller.visibleRange()!;
    const t = performance.now();
    for (let i = 1; i <= steps; i++) {
      controller.setVisibleRange({ from: span.from - i, to: span.to - i });
      await painted();
    }
    const ms = (performance.now() - t) / steps;
    annotations.detach();
    controller.dispose();
    div.remove();
    return ms;
  },
};

(window as unknown as { chartBench: typeof bench }).chartBench = bench;
