import type { IsoDate } from '../brand';
import type { Bar } from './bar';
import { lowerBound, type T0Result } from './calendar';

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

/**
 * Rebases `bars` (ascending) to 100 at the anchor session `anchor.t0`, keeping the valid
 * sessions within [from, to] (both optional, inclusive). The anchor must be a valid close:
 * a placeholder row or a missing T0 gives an empty series and the reason.
 */
export function rebaseAt(bars: readonly Bar[], anchor: T0Result, from?: IsoDate, to?: IsoDate): RebasedSeries {
  if (anchor.t0 === null) {
    return {
      anchorDate: null,
      anchorClose: null,
      points: [],
      missing: `no data at the anchor ${anchor.localDate}: ${GAP_TEXT[anchor.gap ?? 'no-sessions']}`,
    };
  }
  const i = lowerBound(
    bars.map((b) => b.date),
    anchor.t0,
  );
  const at = bars[i];
  if (!at || at.date !== anchor.t0 || at.placeholder) {
    return {
      anchorDate: anchor.t0,
      anchorClose: null,
      points: [],
      missing: `no data at the anchor ${anchor.t0}: ${at?.date === anchor.t0 ? 'the bar is a vendor placeholder row' : 'no bar on that session'}`,
    };
  }
  const base = at.close;
  const points: RebasedPoint[] = [];
  for (const b of bars) {
    if (b.placeholder || (from && b.date < from) || (to && b.date > to)) continue;
    points.push({ date: b.date, value: (100 * b.close) / base });
  }
  return { anchorDate: at.date, anchorClose: base, points, missing: null };
}

/** The value of a rebased series on or before `date` (the legend at the crosshair), or null. */
export function rebasedValueAt(series: RebasedSeries, date: IsoDate): RebasedPoint | null {
  const dates = series.points.map((p) => p.date);
  const i = lowerBound(dates, date);
  if (i < dates.length && dates[i] === date) return series.points[i]!;
  return i > 0 ? series.points[i - 1]! : null;
}
