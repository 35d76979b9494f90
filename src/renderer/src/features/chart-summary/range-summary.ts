import type { IsoDate } from '../../../../shared/brand';
import type { Bar } from '../../../../shared/domain/bar';
import { formatPercent, formatPrice } from '../../ui/format';

/** An event as the chart's text alternative lists it. */
export interface SummaryEvent {
  readonly id: string;
  /** The marker's label ("3", "≈5", "U1"). */
  readonly label: string;
  /** The first session of the charted symbol on or after the event. */
  readonly t0: IsoDate;
  readonly title: string;
}

/** What one symbol did over the visible dates: the figures the summary and the table show. */
export interface RangeSummary {
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** Sessions in [from, to], placeholders included (they are on the chart too). */
  readonly sessions: number;
  readonly firstClose: number;
  readonly lastClose: number;
  /** lastClose / firstClose − 1 (a fraction). */
  readonly change: number;
  /** Highest high (the close where a bar has no high) and its date; the first one on a tie. */
  readonly high: { readonly value: number; readonly date: IsoDate };
  readonly low: { readonly value: number; readonly date: IsoDate };
}

/** The bars whose dates lie in [from, to] (bars are in date order). */
export function barsInRange(bars: readonly Bar[], from: IsoDate, to: IsoDate): readonly Bar[] {
  return bars.filter((b) => b.date >= from && b.date <= to);
}

/** The visible range's figures, or null when no bar lies in it. */
export function summariseRange(bars: readonly Bar[], from: IsoDate, to: IsoDate): RangeSummary | null {
  const seen = barsInRange(bars, from, to);
  const first = seen[0];
  const last = seen.at(-1);
  if (!first || !last) return null;
  let high = { value: first.high ?? first.close, date: first.date };
  let low = { value: first.low ?? first.close, date: first.date };
  for (const b of seen) {
    const h = b.high ?? b.close;
    const l = b.low ?? b.close;
    if (h > high.value) high = { value: h, date: b.date };
    if (l < low.value) low = { value: l, date: b.date };
  }
  return {
    from: first.date,
    to: last.date,
    sessions: seen.length,
    firstClose: first.close,
    lastClose: last.close,
    change: first.close === 0 ? 0 : last.close / first.close - 1,
    high,
    low,
  };
}

/** The events whose T0 lies in the summary's dates, in date order. */
export function eventsInRange(events: readonly SummaryEvent[], from: IsoDate, to: IsoDate): SummaryEvent[] {
  return events.filter((e) => e.t0 >= from && e.t0 <= to).sort((a, b) => (a.t0 < b.t0 ? -1 : a.t0 > b.t0 ? 1 : 0));
}

/**
 * The chart in one paragraph, for screen readers and the data table's caption: symbol, dates,
 * first and last close, change, high and low, and the events in range.
 */
export function summaryText(symbol: string, s: RangeSummary | null, events: readonly SummaryEvent[]): string {
  if (!s) return `${symbol}: no prices in the visible range.`;
  const head =
    `${symbol} from ${s.from} to ${s.to} (${s.sessions} session${s.sessions === 1 ? '' : 's'}): ` +
    `close ${formatPrice(s.firstClose)} to ${formatPrice(s.lastClose)}, ${formatPercent(s.change)}; ` +
    `high ${formatPrice(s.high.value)} on ${s.high.date}, low ${formatPrice(s.low.value)} on ${s.low.date}.`;
  const inRange = eventsInRange(events, s.from, s.to);
  if (inRange.length === 0) return `${head} No events in this range.`;
  const list = inRange.map((e) => `${e.label}. ${e.title} (${e.t0})`).join('; ');
  return `${head} ${inRange.length} event${inRange.length === 1 ? '' : 's'}: ${list}.`;
}
