import type { CandlestickData, HistogramData, LineData, Time, WhitespaceData } from 'lightweight-charts';
import type { Bar } from '../../../../shared/domain/bar';

/** Colours the series data needs (from the theme). */
export interface SeriesColors {
  readonly up: string;
  readonly down: string;
  readonly upVolume: string;
  readonly downVolume: string;
}

/**
 * Candles for a bar list. A vendor placeholder or a close-only row becomes whitespace: a gap
 * on the time axis, never a doji made of an unverified close.
 */
export function toCandles(bars: readonly Bar[]): Array<CandlestickData<Time> | WhitespaceData<Time>> {
  return bars.map((b) =>
    b.placeholder || b.open === null || b.high === null || b.low === null
      ? { time: b.date }
      : { time: b.date, open: b.open, high: b.high, low: b.low, close: b.close },
  );
}

/** A close line (close-only series such as HSTECH); placeholders are gaps. */
export function toLine(bars: readonly Bar[]): Array<LineData<Time> | WhitespaceData<Time>> {
  return bars.map((b) => (b.placeholder ? { time: b.date } : { time: b.date, value: b.close }));
}

/** Volume bars coloured by the session's direction; missing or placeholder volume is a gap. */
export function toVolume(
  bars: readonly Bar[],
  colors: SeriesColors,
): Array<HistogramData<Time> | WhitespaceData<Time>> {
  return bars.map((b) => {
    if (b.placeholder || b.volume === null) return { time: b.date };
    const up = b.open === null ? true : b.close >= b.open;
    return { time: b.date, value: b.volume, color: up ? colors.upVolume : colors.downVolume };
  });
}

/** True when the bars carry volume worth a pane (index files may have none). */
export function hasVolume(bars: readonly Bar[]): boolean {
  return bars.some((b) => !b.placeholder && b.volume !== null && b.volume > 0);
}
