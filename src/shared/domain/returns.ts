import { asIsoDate, type IsoDate } from '../brand';
import type { Bar } from './bar';
import { lastValidBefore, lastValidOnOrBefore } from './series';

/**
 * Return maths on daily bars. Every function takes bars ascending by date. Placeholder rows
 * (vendor half-day fillers) are sessions but never a price: they are skipped as a base and
 * as an end point. Returns are simple fractions: 0.25 = +25%.
 */

/** A price used in a computation, with where it came from. */
export interface PricePoint {
  readonly date: IsoDate;
  readonly value: number;
  /** Which field of the bar: a close, or an intraday high. */
  readonly field: 'close' | 'high';
}

const closeOf = (b: Bar): PricePoint => ({ date: b.date, value: b.close, field: 'close' });

export { lastValidBefore, lastValidOnOrBefore };

/** Simple return from `base` to `end` as a fraction. */
export function simpleReturn(base: number, end: number): number {
  if (!(base > 0) || !Number.isFinite(end)) throw new Error(`cannot compute a return from ${base} to ${end}`);
  return end / base - 1;
}

/** A measured return: the base and end prices it comes from, and the value. */
export interface MeasuredReturn {
  readonly base: PricePoint;
  readonly end: PricePoint;
  readonly value: number;
}

/**
 * Return over the period starting on `from` and ending on `to` (inclusive): base = last valid
 * close before `from`, end = last valid close on or before `to`. Null when either is missing,
 * when no valid session lies within [from, to], or when the cache does not reach `to`
 * (a stale end would silently shorten the period).
 */
export function periodReturn(bars: readonly Bar[], from: IsoDate, to: IsoDate): MeasuredReturn | null {
  const base = lastValidBefore(bars, from);
  const end = lastValidOnOrBefore(bars, to);
  const last = bars.at(-1);
  if (!base || !end || end.date < from || !last || last.date < to) return null;
  return { base: closeOf(base), end: closeOf(end), value: simpleReturn(base.close, end.close) };
}

/** The base of a year-to-date return for `year`: the last valid close of an earlier year. */
export function ytdBase(bars: readonly Bar[], year: number): Bar | null {
  return lastValidBefore(bars, asIsoDate(`${String(year).padStart(4, '0')}-01-01`));
}

/** One valid session's year-to-date return. */
export interface YtdPoint {
  readonly date: IsoDate;
  readonly close: number;
  readonly value: number;
}

/**
 * Year-to-date return of every valid session within [from, to] (inclusive), each against the
 * last valid close of the year before that session's year. Placeholder rows are skipped.
 */
export function ytdSeries(bars: readonly Bar[], from: IsoDate, to: IsoDate): YtdPoint[] {
  const out: YtdPoint[] = [];
  const bases = new Map<number, Bar | null>();
  for (const b of bars) {
    if (b.date < from || b.date > to || b.placeholder) continue;
    const year = Number(b.date.slice(0, 4));
    if (!bases.has(year)) bases.set(year, ytdBase(bars, year));
    const base = bases.get(year);
    if (!base) continue;
    out.push({ date: b.date, close: b.close, value: simpleReturn(base.close, b.close) });
  }
  return out;
}
