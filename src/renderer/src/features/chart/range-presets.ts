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

/** The plotting area a fit must respect: its width and the chart's closest zoom. */
export interface FitPane {
  /** Width of the plotting area in CSS px. */
  readonly width: number;
  /** The chart's minimum bar spacing in CSS px (lightweight-charts refuses a closer zoom). */
  readonly minBarSpacing: number;
}

/** A fitted range, and whether the indices did not all fit (the earliest were left out). */
export interface FitRange extends LogicalSpan {
  readonly clipped: boolean;
}

/**
 * A range that shows every given bar index with some room either side: the "Fit events"
 * button. Padding is 8% of the span, at least `minPad` sessions, so the first event's marker
 * and the last event's window are not on the edge; the range stays on the bars (never past the
 * first or the last session). With a `pane`, the range is never wider than the bars the pane
 * can draw at the chart's minimum bar spacing (a wider one the chart would narrow on its own,
 * losing events at random): when the indices span more than that, the range ends at the
 * latest index and is `clipped` (the earliest are left out, and the caller says so). Null
 * with no indices.
 */
export function fitIndicesRange(
  indices: readonly number[],
  barCount: number,
  minPad = 5,
  pane?: FitPane,
): FitRange | null {
  if (indices.length === 0 || barCount === 0) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (const i of indices) {
    if (i < lo) lo = i;
    if (i > hi) hi = i;
  }
  const first = -EDGE;
  const last = barCount - 1 + EDGE;
  lo = Math.max(0, lo);
  hi = Math.min(barCount - 1, hi);
  const pad = Math.max(minPad, Math.round((hi - lo) * 0.08));
  const from = Math.max(first, lo - pad);
  const to = Math.min(last, hi + pad);
  const fits = pane && pane.width > 0 && pane.minBarSpacing > 0 ? Math.floor(pane.width / pane.minBarSpacing) : null;
  if (fits !== null && to - from > fits) {
    // The latest events at the closest zoom, the last with its padding on the right.
    const end = Math.min(last, hi + Math.min(pad, Math.max(1, Math.round(fits * 0.02))));
    return { from: Math.max(first, end - fits), to: end, clipped: true };
  }
  return { from, to, clipped: false };
}

/**
 * The current zoom moved so that `index` sits in the middle: centring on an event keeps the
 * width the user chose. With no current range, shows `fallbackWidth` sessions.
 */
export function centredRange(index: number, current: LogicalSpan | null, fallbackWidth = 60): LogicalSpan {
  const width = current ? Math.max(10, current.to - current.from) : fallbackWidth;
  return { from: index - width / 2, to: index + width / 2 };
}
