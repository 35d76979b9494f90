import { asIsoDate, type IsoDate } from '../brand';
import type { Bar } from './bar';

/**
 * Daily bars by column: the shape `bars.range` sends across the bridge. Typed arrays are
 * copied by the structured clone as one block each (20 years of one symbol: about 265 KB
 * instead of 634 KB of `Bar` objects, cloned in a fraction of the time), and the chart reads
 * them without building a `Bar[]`.
 *
 * Invariants: every array has the same length (one entry per session); `days` ascends strictly.
 */
export interface BarColumns {
  /** Session dates as days since 1970-01-01 (the exchange-local calendar date; see {@link dayToIso}). */
  readonly days: Int32Array;
  /** Prices; NaN where the value is missing (a close-only series has NaN open/high/low). */
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly adjClose: Float64Array;
  /** Shares traded; NaN where unknown (a Float64Array: volumes pass 2^31). */
  readonly volume: Float64Array;
  /** Per session: bit 0 ({@link BAR_FLAG_PLACEHOLDER}) = a vendor placeholder. */
  readonly flags: Uint8Array;
  /** True when the range held more than {@link MAX_BARS_PER_RANGE} sessions: these are the newest ones. */
  readonly truncated: boolean;
}

/** Flag bit: the session is a vendor placeholder (drawn as a gap, never a return base). */
export const BAR_FLAG_PLACEHOLDER = 1;

/**
 * The most sessions one `bars.range` answer carries: 50 000 daily sessions (about 190 years),
 * 2.6 MB as columns. A longer range returns its newest 50 000 with `truncated: true`.
 */
export const MAX_BARS_PER_RANGE = 50_000;

/** Days since 1970-01-01 of an ISO date `YYYY-MM-DD` (proleptic Gregorian; no Date object). */
export function isoToDay(iso: string): number {
  const y0 =
    (iso.charCodeAt(0) - 48) * 1000 +
    (iso.charCodeAt(1) - 48) * 100 +
    (iso.charCodeAt(2) - 48) * 10 +
    (iso.charCodeAt(3) - 48);
  const m = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
  const d = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
  // Howard Hinnant's days_from_civil: the year starts in March, so the leap day is last.
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The ISO date of a day number from {@link isoToDay}. */
export function dayToIso(day: number): IsoDate {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return asIsoDate(`${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`);
}

/** Empty columns of `n` sessions, to be filled. */
export function allocateBarColumns(n: number, truncated = false): BarColumns {
  return {
    days: new Int32Array(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    adjClose: new Float64Array(n),
    volume: new Float64Array(n),
    flags: new Uint8Array(n),
    truncated,
  };
}

const num = (v: number | null) => (v === null ? NaN : v);
const orNull = (v: number) => (Number.isNaN(v) ? null : v);

/** Bars (ascending) as columns. */
export function barsToColumns(bars: readonly Bar[], truncated = false): BarColumns {
  const c = allocateBarColumns(bars.length, truncated);
  for (let i = 0; i < bars.length; i++) {
    const b = bars[i]!;
    c.days[i] = isoToDay(b.date);
    c.open[i] = num(b.open);
    c.high[i] = num(b.high);
    c.low[i] = num(b.low);
    c.close[i] = b.close;
    c.adjClose[i] = num(b.adjClose);
    c.volume[i] = num(b.volume);
    c.flags[i] = b.placeholder ? BAR_FLAG_PLACEHOLDER : 0;
  }
  return c;
}

/** Columns back to bars (for code that wants objects: the CLI's JSON, tests). */
export function columnsToBars(c: BarColumns): Bar[] {
  const out = new Array<Bar>(c.days.length);
  for (let i = 0; i < c.days.length; i++) {
    out[i] = {
      date: dayToIso(c.days[i]!),
      open: orNull(c.open[i]!),
      high: orNull(c.high[i]!),
      low: orNull(c.low[i]!),
      close: c.close[i]!,
      adjClose: orNull(c.adjClose[i]!),
      volume: orNull(c.volume[i]!),
      placeholder: (c.flags[i]! & BAR_FLAG_PLACEHOLDER) !== 0,
    };
  }
  return out;
}
