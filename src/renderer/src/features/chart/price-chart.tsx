import {
  CandlestickSeries,
  createChart,
  HistogramSeries,
  LineSeries,
  type IChartApi,
  type ISeriesApi,
  type SeriesType,
} from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import type { Bar } from '../../../../shared/domain/bar';
import type { Instrument } from '../../../../shared/domain/instrument';
import { chartOptions, chartPalette, type ThemeName } from './chart-theme';
import { hasVolume, toCandles, toLine, toVolume } from './series-data';

/** What annotation code (markers, primitives, legends) attaches to once the chart has data. */
export interface ChartHandle {
  readonly chart: IChartApi;
  /** Candlesticks, or a close line for a close-only series. */
  readonly price: ISeriesApi<SeriesType>;
  /** The volume histogram in its own pane, or null when the series has no volume. */
  readonly volume: ISeriesApi<'Histogram'> | null;
  readonly instrument: Instrument;
  readonly bars: readonly Bar[];
}

export interface PriceChartProps {
  readonly instrument: Instrument;
  readonly bars: readonly Bar[];
  readonly theme: ThemeName;
  /** Called with the handle after each (re)draw, and with null before the chart goes away. */
  readonly onReady?: (handle: ChartHandle | null) => void;
}

/** Mounts a lightweight-charts chart and feeds it the bars: React does nothing else here. */
export function PriceChart({ instrument, bars, theme, onReady }: PriceChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const onReadyRef = useRef(onReady);
  useEffect(() => {
    onReadyRef.current = onReady;
  }, [onReady]);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const palette = chartPalette[theme];
    const chart = createChart(el, chartOptions(theme));
    const price: ISeriesApi<SeriesType> = instrument.closeOnly
      ? chart.addSeries(LineSeries, { color: palette.line, lineWidth: 2, priceLineVisible: false })
      : chart.addSeries(CandlestickSeries, {
          upColor: palette.up,
          downColor: palette.down,
          borderUpColor: palette.up,
          borderDownColor: palette.down,
          wickUpColor: palette.up,
          wickDownColor: palette.down,
          priceLineVisible: false,
        });
    price.setData(instrument.closeOnly ? toLine(bars) : toCandles(bars));
    let volume: ISeriesApi<'Histogram'> | null = null;
    if (hasVolume(bars)) {
      volume = chart.addSeries(
        HistogramSeries,
        { priceFormat: { type: 'volume' }, priceLineVisible: false, lastValueVisible: false },
        1,
      );
      volume.setData(toVolume(bars, palette));
      chart.panes()[1]?.setHeight(Math.max(60, Math.round(el.clientHeight * 0.2)));
    }
    chart.timeScale().fitContent();
    onReadyRef.current?.({ chart, price, volume, instrument, bars });
    return () => {
      onReadyRef.current?.(null);
      chart.remove();
    };
  }, [instrument, bars, theme]);

  return <div className="price-chart" data-testid="price-chart" data-symbol={instrument.symbol} ref={container} />;
}
