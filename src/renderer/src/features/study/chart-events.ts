import type { IsoDate, Ticker } from '../../../../shared/brand';
import type { EventCategory, EventWithT0, StudyEvent } from '../../../../shared/domain/study-event';
import type { ChartEvent } from './annotations/chart-event';
import type { LogicalSpan } from '../chart/range-presets';

/** Event id → its 1-based number in the study's timeline (events come ascending by date, then time). */
export function eventNumbers(events: readonly Pick<StudyEvent, 'id'>[]): ReadonlyMap<string, number> {
  return new Map(events.map((e, i) => [e.id, i + 1]));
}

/** The T0 of an event on a symbol's chart, from the study service; null when it does not concern the symbol or the cache cannot tell. */
export function t0On(event: EventWithT0, symbol: Ticker): IsoDate | null {
  return event.symbols.includes(symbol) ? (event.t0[symbol] ?? null) : null;
}

/** One study event as the chart draws it, at a given T0. */
export function toChartEvent(event: StudyEvent, number: number, t0: IsoDate): ChartEvent {
  return {
    id: event.id,
    number,
    t0,
    title: event.title,
    category: event.category,
    approximate: event.approximate,
    window: event.window,
    user: event.origin === 'user',
  };
}

/**
 * The events a symbol's chart marks: those that concern the symbol, have a T0 on its cached
 * calendar, and whose category is not hidden. T0s come from the study service as they are
 * (the renderer never recomputes them).
 */
export function chartEventsFor(
  events: readonly EventWithT0[],
  symbol: Ticker,
  hidden: ReadonlySet<EventCategory>,
  numbers: ReadonlyMap<string, number> = eventNumbers(events),
): ChartEvent[] {
  const out: ChartEvent[] = [];
  for (const e of events) {
    // A hidden event (the user's per-event choice) is listed in the panel but never drawn.
    if (hidden.has(e.category) || e.hidden) continue;
    const t0 = t0On(e, symbol);
    if (t0) out.push(toChartEvent(e, numbers.get(e.id) ?? 0, t0));
  }
  return out;
}

/** Events whose category is not hidden, in timeline order (the events panel list). */
export function visibleEvents<E extends Pick<StudyEvent, 'category'>>(
  events: readonly E[],
  hidden: ReadonlySet<EventCategory>,
): E[] {
  return events.filter((e) => !hidden.has(e.category));
}

/**
 * The symbol the app opens on when the study is present and the user has not picked one: the
 * cached subject that the most events concern, so the whole story is on screen at once (for
 * the embedded study, the Hang Seng TECH Index with 20 of its 31 events). Ties go to universe
 * order; with no cached subject, the first cached member; null when nothing is cached.
 */
export function defaultStudySymbol(
  universe: readonly { symbol: Ticker; role: string; instrument: unknown }[],
  events: readonly Pick<StudyEvent, 'symbols'>[],
): Ticker | null {
  const cached = universe.filter((u) => u.instrument !== null);
  const count = (s: Ticker) => events.reduce((n, e) => n + (e.symbols.includes(s) ? 1 : 0), 0);
  let best: { symbol: Ticker; n: number } | null = null;
  for (const u of cached) {
    if (u.role !== 'subject') continue;
    const n = count(u.symbol);
    if (!best || n > best.n) best = { symbol: u.symbol, n };
  }
  return best?.symbol ?? cached[0]?.symbol ?? null;
}

/** Shifts a saved view that ended on the newest session by the sessions added since. */
export function followNewSessions(saved: LogicalSpan & { readonly barCount: number }, barCount: number): LogicalSpan {
  const added = barCount - saved.barCount;
  if (added <= 0 || saved.to < saved.barCount - 1.5) return { from: saved.from, to: saved.to };
  return { from: saved.from + added, to: saved.to + added };
}
