import type { IsoDate } from '../brand';
import type { Bar } from './bar';

/*
 * Look-ups on a bar list (ascending by date). A vendor placeholder row is a session but never
 * a price, so every "last valid" look-up skips it: it is never a return base, a legend's
 * change base or a marker's anchor.
 */

/** Index of the last valid (non-placeholder) bar at or before index `upTo` (default: the last bar), or null. */
export function lastValidIndex(bars: readonly Bar[], upTo = bars.length - 1): number | null {
  for (let i = Math.min(upTo, bars.length - 1); i >= 0; i--) if (!bars[i]!.placeholder) return i;
  return null;
}

/** The last valid bar strictly before index `index`, or null. */
export function lastValidBeforeIndex(bars: readonly Bar[], index: number): Bar | null {
  const i = lastValidIndex(bars, index - 1);
  return i === null ? null : bars[i]!;
}

/** The last valid bar strictly before `date`, or null. */
export function lastValidBefore(bars: readonly Bar[], date: IsoDate): Bar | null {
  for (let i = bars.length - 1; i >= 0; i--) {
    const b = bars[i]!;
    if (b.date < date && !b.placeholder) return b;
  }
  return null;
}

/** The last valid bar on or before `date`, or null. */
export function lastValidOnOrBefore(bars: readonly Bar[], date: IsoDate): Bar | null {
  for (let i = bars.length - 1; i >= 0; i--) {
    const b = bars[i]!;
    if (b.date <= date && !b.placeholder) return b;
  }
  return null;
}

/** Valid bars strictly before `date` (placeholders dropped), ascending. */
export function validBarsBefore(bars: readonly Bar[], date: IsoDate): Bar[] {
  return bars.filter((b) => b.date < date && !b.placeholder);
}
