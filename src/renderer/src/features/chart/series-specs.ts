import type {
  CandlestickData,
  HistogramData,
  LineData,
  SeriesPartialOptionsMap,
  Time,
  WhitespaceData,
} from 'lightweight-charts';
import type { IsoDate, Ticker } from '../../../../shared/brand';
import type { Bar } from '../../../../shared/domain/bar';
import { anchorSession, rebasedValue } from '../../../../shared/domain/rebase';
import { formatPercent } from '../../../../shared/format';
import type { ChartPalette } from './chart-theme';
import { hasVolume, toCandles, toLine, toVolume } from './series-data';

/**
 * One series the chart controller draws. Specs are data, not chart objects: `setSeries(specs)`
 * turns a list of them into series on the one long-lived chart, keyed by `id` (a spec whose
 * id, kind and pane stay the same keeps its series and only gets new data). Colours come from
 * the theme when the controller applies them, so a theme switch needs no new specs.
 */
export type SeriesSpec = CandlesSpec | CloseLineSpec | RebasedLineSpec | VolumeSpec;

interface SpecBase {
  /** Stable key of the series across `setSeries` calls; also what pointer events report. */
  readonly id: string;
  /** The symbol drawn, for legends and pointer events. */
  readonly symbol: Ticker;
  /** Pane index: 0 is the price pane; volume goes below it. */
  readonly pane: number;
  readonly bars: readonly Bar[];
}

/** OHLC candles; placeholder and close-only rows are gaps. */
export interface CandlesSpec extends SpecBase {
  readonly kind: 'candles';
}

/** The close as a line (a close-only series such as HSTECH); placeholders are gaps. */
export interface CloseLineSpec extends SpecBase {
  readonly kind: 'close-line';
}

/**
 * The close rebased to 100 at `base`: the valid session dated `base` (a symbol's T0 of an event,
 * or its first session on or after a date) is 100, so several symbols compare on one scale.
 */
export interface RebasedLineSpec extends SpecBase {
  readonly kind: 'rebased-line';
  readonly base: IsoDate;
  /** Position in the theme's comparison colours (wraps around). */
  readonly colorIndex: number;
}

/** Volume bars coloured by the session's direction. */
export interface VolumeSpec extends SpecBase {
  readonly kind: 'volume';
}

export type SeriesKind = SeriesSpec['kind'];

/** The lightweight-charts series type each spec kind is drawn with. */
export const seriesTypeOf = {
  candles: 'Candlestick',
  'close-line': 'Line',
  'rebased-line': 'Line',
  volume: 'Histogram',
} as const satisfies Record<SeriesKind, string>;

export type SeriesPoint = CandlestickData<Time> | LineData<Time> | HistogramData<Time> | WhitespaceData<Time>;

/** The index of the session a rebased line is 100 at: the valid bar dated `base` exactly (shared with `catalyst compare`); null when there is none. */
export function rebaseIndex(bars: readonly Bar[], base: IsoDate): number | null {
  return anchorSession(bars, { t0: base, localDate: base, gap: null }).index;
}

/**
 * Closes rebased to 100 at the base session (shared/domain/rebase.ts, as `catalyst compare`
 * prints them). Placeholders are gaps; with no valid bar on `base`, every point is a gap.
 */
export function toRebasedLine(bars: readonly Bar[], base: IsoDate): Array<LineData<Time> | WhitespaceData<Time>> {
  const at = rebaseIndex(bars, base);
  const baseClose = at === null ? null : bars[at]!.close;
  return bars.map((b) =>
    b.placeholder || baseClose === null ? { time: b.date } : { time: b.date, value: rebasedValue(b.close, baseClose) },
  );
}

/** A rebased value as the change since the anchor (100 → "0.00%", 112.5 → "+12.50%"). */
export function rebasedPercent(value: number, digits = 2): string {
  return formatPercent(value / 100 - 1, { digits });
}

/**
 * The price axis' labels of rebased values as changes since the anchor, with the decimals the
 * step between them needs (steps of 5 → "+10%", "+5%", "0%"; of 0.5 → "+1.5%"). The step is the
 * smallest gap between two labels, so a log scale's uneven ticks get enough decimals too.
 */
export function rebasedTicks(values: readonly number[]): string[] {
  const sorted = [...values].sort((a, b) => a - b);
  let step = Infinity;
  for (let i = 1; i < sorted.length; i++) {
    const gap = sorted[i]! - sorted[i - 1]!;
    if (gap > 1e-9) step = Math.min(step, gap);
  }
  const digits = step >= 1 - 1e-9 ? 0 : step >= 0.1 - 1e-9 ? 1 : 2;
  return values.map((v) => rebasedPercent(v, digits));
}

/** The points of a spec's series, in the theme's colours where the data carries colour. */
export function seriesData(spec: SeriesSpec, palette: ChartPalette): SeriesPoint[] {
  switch (spec.kind) {
    case 'candles':
      return toCandles(spec.bars);
    case 'close-line':
      return toLine(spec.bars);
    case 'rebased-line':
      return toRebasedLine(spec.bars, spec.base);
    case 'volume':
      return toVolume(spec.bars, palette);
  }
}

/** The series options of a spec in a theme (what `applyOptions` gets on a theme switch). */
export function seriesOptions(
  spec: SeriesSpec,
  palette: ChartPalette,
): SeriesPartialOptionsMap[(typeof seriesTypeOf)[SeriesKind]] {
  switch (spec.kind) {
    case 'candles':
      return {
        upColor: palette.up,
        downColor: palette.down,
        borderUpColor: palette.up,
        borderDownColor: palette.down,
        wickUpColor: palette.up,
        wickDownColor: palette.down,
        priceLineVisible: false,
      };
    case 'close-line':
      return { color: palette.line, lineWidth: 2, priceLineVisible: false };
    case 'rebased-line':
      return {
        color: palette.compare[spec.colorIndex % palette.compare.length],
        lineWidth: 2,
        priceLineVisible: false,
        title: spec.symbol,
        // The line stays at its rebased values (100 = the anchor, honest on a log scale too);
        // the axis, the crosshair and the last-value labels say the change since the anchor.
        priceFormat: { type: 'custom', minMove: 0.01, formatter: rebasedPercent, tickmarksFormatter: rebasedTicks },
      };
    case 'volume':
      return { priceFormat: { type: 'volume' }, priceLineVisible: false, lastValueVisible: false };
  }
}

/**
 * The series of one symbol's chart: candles (a close line for a close-only series) in the price
 * pane, and volume in a pane below when the bars carry any.
 */
export function singleSymbolSpecs(symbol: Ticker, bars: readonly Bar[], closeOnly: boolean): SeriesSpec[] {
  const specs: SeriesSpec[] = [
    closeOnly
      ? { kind: 'close-line', id: `price:${symbol}`, symbol, pane: 0, bars }
      : { kind: 'candles', id: `price:${symbol}`, symbol, pane: 0, bars },
  ];
  if (hasVolume(bars)) specs.push({ kind: 'volume', id: `volume:${symbol}`, symbol, pane: 1, bars });
  return specs;
}

/**
 * The series of a comparison: one rebased line per symbol, all in the price pane, each at
 * 100 on its own base session (an event's session differs between exchanges).
 */
export function compareSpecs(
  members: readonly { readonly symbol: Ticker; readonly bars: readonly Bar[]; readonly base: IsoDate }[],
): SeriesSpec[] {
  return members.map((m, i) => ({
    kind: 'rebased-line',
    id: `rebased:${m.symbol}`,
    symbol: m.symbol,
    pane: 0,
    bars: m.bars,
    base: m.base,
    colorIndex: i,
  }));
}

/** True when two specs draw the same points (same kind, bars and base): the series keeps its data. */
export function sameData(a: SeriesSpec, b: SeriesSpec): boolean {
  if (a.kind !== b.kind || a.bars !== b.bars) return false;
  return a.kind !== 'rebased-line' || a.base === (b as RebasedLineSpec).base;
}
