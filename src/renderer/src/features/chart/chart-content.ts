import type { IsoDate } from '../../../../shared/brand';
import type { Bar } from '../../../../shared/domain/bar';
import type { Instrument } from '../../../../shared/domain/instrument';
import type { Selection } from '../../app/selection';
import { compareSpecs, singleSymbolSpecs, type SeriesSpec } from './series-specs';

/** One symbol's data as the chart draws it. */
export interface ChartMember {
  readonly instrument: Instrument;
  readonly bars: readonly Bar[];
  /** In a comparison: the date the line is 100 at (null when the anchor is not on its calendar). */
  readonly base: IsoDate | null;
}

/**
 * What the chart shows: the selection and its members' data. `main` is the member whose bars
 * are the logical (bar index) axis: the single symbol, or the first compared one.
 */
export interface ChartContent {
  readonly selection: Selection;
  readonly members: readonly ChartMember[];
  readonly main: ChartMember;
}

/** The series specs of a content: one symbol's candles and volume, or the rebased lines of a comparison. */
export function contentSpecs(content: ChartContent): SeriesSpec[] {
  if (content.selection.kind === 'single') {
    const { instrument, bars } = content.main;
    return singleSymbolSpecs(instrument.symbol, bars, instrument.closeOnly);
  }
  return compareSpecs(
    content.members.flatMap((m) => (m.base ? [{ symbol: m.instrument.symbol, bars: m.bars, base: m.base }] : [])),
  );
}

/**
 * The base of a comparison at an event for one symbol: the last session before its T0, so the
 * T0 session's own move shows as the first step away from 100. Null when T0 has no session before it.
 */
export function baseBeforeT0(bars: readonly Pick<Bar, 'date'>[], t0: IsoDate): IsoDate | null {
  let base: IsoDate | null = null;
  for (const b of bars) {
    if (b.date >= t0) break;
    base = b.date;
  }
  return base;
}
