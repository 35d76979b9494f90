import type { IsoDate } from '../../../../shared/brand';
import type { Bar } from '../../../../shared/domain/bar';
import type { Instrument } from '../../../../shared/domain/instrument';
import type { Selection } from '../../app/selection';
import { compareSpecs, singleSymbolSpecs, type SeriesSpec } from './series-specs';

/** One symbol's data as the chart draws it. */
export interface ChartMember {
  readonly instrument: Instrument;
  /** The cached bars; in a comparison shown in one currency, converted into it. */
  readonly bars: readonly Bar[];
  /** In a comparison: the session the line is 100 at (null when there is no data at the anchor). */
  readonly base: IsoDate | null;
  /** In a comparison without a base: why (no data at the anchor, no exchange rate), else null. */
  readonly missing: string | null;
  /** The currency of `bars`: the instrument's, or the comparison's when converted. */
  readonly currency: string | null;
  /** The instrument's own currency when `bars` were converted, else null. */
  readonly convertedFrom: string | null;
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
