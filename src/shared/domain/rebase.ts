import type { IsoDate } from '../brand';
import type { Bar } from './bar';
import { lowerBound, type EventTiming, type T0Result } from './calendar';

/**
 * Rebased comparison: each series = 100 at its own anchor session. The anchor of an event is
 * the event's T0 on that symbol's calendar (calendar.ts); the anchor of a plain date is the
 * symbol's first session on or after it (a date-only event). Every point keeps its own
 * exchange-local date: series on different calendars (Hong Kong and New York holidays) are
 * never shifted onto a common one, and a placeholder row is a gap, not a point.
 */

/** One point of a rebased series: `value` = 100 × close / anchor close. */
export interface RebasedPoint {
  readonly date: IsoDate;
  readonly value: number;
}

export interface RebasedSeries {
  /** The session rebased to 100; null when the series has no valid close there. */
  readonly anchorDate: IsoDate | null;
  readonly anchorClose: number | null;
  /** Valid sessions within the requested range, ascending; empty when there is no anchor. */
  readonly points: readonly RebasedPoint[];
  /** Why there is no anchor (e.g. "no data at the anchor: 2025-01-28 is a placeholder row"), else null. */
  readonly missing: string | null;
}

const GAP_TEXT: Record<NonNullable<T0Result['gap']>, string> = {
  'no-sessions': 'no cached sessions',
  'before-cached-history': 'the anchor is before the first cached session',
  'after-cached-history': 'the anchor is after the last cached session',
};

/** The anchor of a comparison at a plain date: a date-only event on that day (each symbol's first session on or after it). */
export function dateAnchor(date: IsoDate): EventTiming {
  return { date, time: null, timezone: null };
}

/** Where a series is 100: the index and close of its valid bar on the anchor session, or why there is none. */
export type AnchorSession =
  | { readonly index: number; readonly date: IsoDate; readonly close: number; readonly missing: null }
  | { readonly index: null; readonly date: IsoDate | null; readonly close: null; readonly missing: string };

/**
 * The bar a series is rebased on: the valid bar dated exactly `anchor.t0` (the symbol's T0 on
 * its own calendar, from calendar.ts `t0ForEvent`). A placeholder row or a session the cache lacks is
 * no anchor, and the reason says which; `gapReason` may name a better one for a gap (e.g. no
 * exchange rate that day).
 */
export function anchorSession(
  bars: readonly Pick<Bar, 'date' | 'close' | 'placeholder'>[],
  anchor: Pick<T0Result, 't0' | 'localDate' | 'gap'>,
  gapReason?: (date: IsoDate) => string | null,
): AnchorSession {
  if (anchor.t0 === null)
    return {
      index: null,
      date: null,
      close: null,
      missing: `no data at the anchor ${anchor.localDate}: ${GAP_TEXT[anchor.gap ?? 'no-sessions']}`,
    };
  let lo = 0;
  let hi = bars.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bars[mid]!.date < anchor.t0) lo = mid + 1;
    else hi = mid;
  }
  const at = bars[lo];
  if (at && at.date === anchor.t0 && !at.placeholder)
    return { index: lo, date: at.date, close: at.close, missing: null };
  const why =
    at?.date === anchor.t0
      ? (gapReason?.(anchor.t0) ?? 'the bar is a vendor placeholder row')
      : 'no bar on that session';
  return { index: null, date: anchor.t0, close: null, missing: `no data at the anchor ${anchor.t0}: ${why}` };
}

/** 100 × close / anchor close: the one formula of every rebased value (chart, legend, CLI, CSV export). */
export function rebasedValue(close: number, anchorClose: number): number {
  return (100 * close) / anchorClose;
}

/**
 * Rebases `bars` (ascending) to 100 at the anchor session `anchor.t0`, keeping the valid
 * sessions within [from, to] (both optional, inclusive). The anchor must be a valid close:
 * a placeholder row or a missing T0 gives an empty series and the reason. What the app's
 * chart and legend draw and what `catalyst compare` prints both come from here.
 */
export function rebaseAt(
  bars: readonly Bar[],
  anchor: T0Result,
  from?: IsoDate,
  to?: IsoDate,
  gapReason?: (date: IsoDate) => string | null,
): RebasedSeries {
  const at = anchorSession(bars, anchor, gapReason);
  if (at.missing !== null) return { anchorDate: at.date, anchorClose: null, points: [], missing: at.missing };
  const points: RebasedPoint[] = [];
  for (const b of bars) {
    if (b.placeholder || (from && b.date < from) || (to && b.date > to)) continue;
    points.push({ date: b.date, value: rebasedValue(b.close, at.close) });
  }
  return { anchorDate: at.date, anchorClose: at.close, points, missing: null };
}

/** The value of a rebased series on or before `date` (the legend at the crosshair), or null. */
export function rebasedValueAt(series: RebasedSeries, date: IsoDate): RebasedPoint | null {
  const dates = series.points.map((p) => p.date);
  const i = lowerBound(dates, date);
  if (i < dates.length && dates[i] === date) return series.points[i]!;
  return i > 0 ? series.points[i - 1]! : null;
}
