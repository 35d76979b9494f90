import type { IsoDate } from '../../../../shared/brand';
import { addMonths } from '../../../../shared/dates';

/** The range buttons of the chart toolbar. */
export const RANGE_PRESETS = ['1M', '3M', '6M', 'YTD', '1Y', 'All'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** A visible range in logical (bar index) units, as `timeScale().setVisibleLogicalRange` takes. */
export interface LogicalSpan {
  readonly from: number;
  readonly to: number;
}

/** Half a bar either side, so the first and last candles of a range are drawn whole. */
const EDGE = 0.5;

/** `date` moved back by whole months, the day clamped to the target month (31 Mar − 1M = 28 Feb). */
export function monthsBefore(date: IsoDate, months: number): IsoDate {
  return addMonths(date, -months);
}

/** The first calendar day a preset starts from, counted back from the last cached session. */
export function presetStart(preset: RangePreset, last: IsoDate, first: IsoDate): IsoDate {
  switch (preset) {
    case '1M':
      return monthsBefore(last, 1);
    case '3M':
      return monthsBefore(last, 3);
    case '6M':
      return monthsBefore(last, 6);
    case '1Y':
      return monthsBefore(last, 12);
    case 'YTD':
      return `${last.slice(0, 4)}-01-01` as IsoDate;
    case 'All':
      return first;
  }
}

/**
 * The logical range a preset shows over ascending session dates: from the first session on or
 * after the preset's start to the last session. Null when there are no sessions.
 */
export function presetRange(preset: RangePreset, dates: readonly IsoDate[]): LogicalSpan | null {
  const first = dates[0];
  const last = dates[dates.length - 1];
  if (first === undefined || last === undefined) return null;
  const start = presetStart(preset, last, first);
  let from = dates.findIndex((d) => d >= start);
  if (from < 0) from = dates.length - 1;
  return { from: from - EDGE, to: dates.length - 1 + EDGE };
}

/**
 * A range that shows every given bar index with some room either side: the "Fit events"
 * button. Padding is 8% of the span, at least `minPad` sessions, so the first event's marker
 * and the last event's window are not on the edge. Null with no indices.
 */
export function fitIndicesRange(indices: readonly number[], barCount: number, minPad = 5): LogicalSpan | null {
  if (indices.length === 0 || barCount === 0) return null;
  const lo = Math.min(...indices);
  const hi = Math.max(...indices);
  const pad = Math.max(minPad, Math.round((hi - lo) * 0.08));
  return { from: Math.max(-EDGE, lo - pad), to: Math.min(barCount - 1 + pad, hi + pad) };
}

/**
 * The current zoom moved so that `index` sits in the middle: centring on an event keeps the
 * width the user chose. With no current range, shows `fallbackWidth` sessions.
 */
export function centredRange(index: number, current: LogicalSpan | null, fallbackWidth = 60): LogicalSpan {
  const width = current ? Math.max(10, current.to - current.from) : fallbackWidth;
  return { from: index - width / 2, to: index + width / 2 };
}
