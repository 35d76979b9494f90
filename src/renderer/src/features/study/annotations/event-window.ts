import type { Bar } from '../../../../../shared/domain/bar';
import { DEFAULT_WINDOW_SESSIONS } from './chart-event';
import type { IndexSpan } from '../../chart/primitives/shaded-span';
import type { PlacedEvent } from './event-markers';

export type { IndexSpan } from '../../chart/primitives/shaded-span';

/**
 * The post-event window to shade for an event placed on the bars: the event's own window
 * when it covers at least one cached session, else T0 … T0+`sessions` sessions (clipped to
 * the cached range). A window that falls on a weekend or holiday only (e.g. "≈ 8–9 Feb")
 * has no session to shade, so the default window after T0 is used instead.
 */
export function eventWindowSpan(
  placed: PlacedEvent,
  bars: readonly Pick<Bar, 'date'>[],
  sessions = DEFAULT_WINDOW_SESSIONS,
): IndexSpan {
  const own = placed.event.window;
  if (own) {
    let from = -1;
    let to = -1;
    for (let i = 0; i < bars.length; i++) {
      const d = bars[i]!.date;
      if (d < own.from || d > own.to) continue;
      if (from < 0) from = i;
      to = i;
    }
    if (from >= 0) return { from, to };
  }
  return { from: placed.index, to: Math.min(bars.length - 1, placed.index + sessions) };
}
