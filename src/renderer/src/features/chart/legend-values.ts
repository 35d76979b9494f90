import type { IsoDate } from '../../../../shared/brand';
import type { Bar } from '../../../../shared/domain/bar';
import { lastValidBeforeIndex, lastValidIndex } from '../../../../shared/domain/series';

/** What the crosshair legend shows for one session. */
export type LegendValues =
  | {
      readonly kind: 'session';
      readonly date: IsoDate;
      /** Null on a close-only series. */
      readonly open: number | null;
      readonly high: number | null;
      readonly low: number | null;
      readonly close: number;
      /** Close-to-close change against the last valid session before, as a fraction; null for the first. */
      readonly change: number | null;
      /** The date the change is measured from (a placeholder is never the base). */
      readonly changeBase: IsoDate | null;
      readonly volume: number | null;
    }
  | {
      /** A vendor placeholder row: drawn as a gap, with no verified price to show. */
      readonly kind: 'placeholder';
      readonly date: IsoDate;
    };

/**
 * Legend values of the bar at `index` (the crosshair's logical index), or null outside the
 * bars. The change is measured from the last session before that is not a placeholder, so a
 * half-day placeholder close is never a return base.
 */
export function legendValues(bars: readonly Bar[], index: number): LegendValues | null {
  if (!Number.isInteger(index)) return null;
  const bar = bars[index];
  if (!bar) return null;
  if (bar.placeholder) return { kind: 'placeholder', date: bar.date };
  const base = lastValidBeforeIndex(bars, index);
  return {
    kind: 'session',
    date: bar.date,
    open: bar.open,
    high: bar.high,
    low: bar.low,
    close: bar.close,
    change: base ? bar.close / base.close - 1 : null,
    changeBase: base ? base.date : null,
    volume: bar.volume,
  };
}

export { lastValidIndex };

/**
 * The session the legend shows while the crosshair is away: the selected event's T0 when it
 * is on the chart, else the last valid session in view (`visibleTo`, a logical index), else
 * the last valid session.
 */
export function restingLegendIndex(
  bars: readonly Bar[],
  selectedIndex: number | null,
  visibleTo: number | null,
): number | null {
  if (selectedIndex !== null && bars[selectedIndex]) return selectedIndex;
  if (visibleTo !== null && visibleTo >= 0) return lastValidIndex(bars, Math.floor(visibleTo));
  return lastValidIndex(bars);
}
