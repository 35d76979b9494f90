import type { SeriesMarker, Time } from 'lightweight-charts';
import type { Bar } from '../../../../../shared/domain/bar';
import { lastValidBeforeIndex } from '../../../../../shared/domain/series';
import { markerLabel, type ChartEvent, type ChartEventCategory } from './chart-event';

export interface MarkerStyle {
  readonly colors: Record<ChartEventCategory, string>;
  /** The selected event's marker is drawn larger. */
  readonly selectedId: string | null;
}

/** Where each event sits on the bar list: its T0's index, or why it cannot be drawn. */
export interface PlacedEvent {
  readonly event: ChartEvent;
  /** Index of the T0 session in the bar list (= its logical index on the chart). */
  readonly index: number;
}

/**
 * Finds each event's T0 among the bars. Events whose T0 is outside the cached range are left
 * out (returned in `offChart`), never moved to the nearest bar: a marker on the wrong session
 * would tell the wrong story.
 */
export function placeEvents(
  events: readonly ChartEvent[],
  bars: readonly Pick<Bar, 'date'>[],
): { readonly placed: PlacedEvent[]; readonly offChart: ChartEvent[] } {
  const byDate = new Map<string, number>();
  bars.forEach((b, i) => byDate.set(b.date, i));
  const placed: PlacedEvent[] = [];
  const offChart: ChartEvent[] = [];
  for (const event of events) {
    const index = byDate.get(event.t0);
    if (index === undefined) offChart.push(event);
    else placed.push({ event, index });
  }
  placed.sort((a, b) => a.index - b.index || a.event.number - b.event.number);
  return { placed, offChart };
}

/** Halves the opacity of a `#rrggbb` colour: approximate events are drawn fainter. */
function faded(hex: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  return `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, 0.6)`;
}

/**
 * Series markers for the placed events, ascending by time as lightweight-charts requires.
 * Marker id = event id, so `hoveredInfo.objectId` and clicks lead back to the event.
 * Exact events are solid arrows above the bar; approximate ones are faded circles labelled "≈n".
 * A T0 on a half-day placeholder (drawn as a gap) has no bar to sit on, so its marker is pinned
 * at the last valid close before it: a placement only, never a price the app reports.
 */
export function eventsToMarkers(
  placed: readonly PlacedEvent[],
  bars: readonly Bar[],
  style: MarkerStyle,
): SeriesMarker<Time>[] {
  return placed.map(({ event, index }) => {
    const colour = style.colors[event.category];
    const base = {
      id: event.id,
      time: event.t0 as Time,
      color: event.approximate ? faded(colour) : colour,
      shape: event.user ? ('square' as const) : event.approximate ? ('circle' as const) : ('arrowDown' as const),
      text: markerLabel(event),
      size: event.id === style.selectedId ? 1.6 : 1,
    };
    const bar = bars[index];
    if (bar && !bar.placeholder) return { ...base, position: 'aboveBar' as const };
    const anchor = lastValidBefore(bars, index);
    return anchor
      ? { ...base, position: 'atPriceTop' as const, price: anchor.high ?? anchor.close }
      : { ...base, position: 'aboveBar' as const };
  });
}

/** The last bar before `index` that is not a placeholder, or null. */
export const lastValidBefore = lastValidBeforeIndex;

/**
 * The placed events by id, plus the selected one when it has no marker: built once per data
 * change, so the overlay's per-marker lookups on every viewport change and the crosshair's
 * hit test cost one map read each, not a scan of every event.
 */
export function placedById(placed: readonly PlacedEvent[], selected: PlacedEvent | null): Map<string, PlacedEvent> {
  const byId = new Map<string, PlacedEvent>();
  if (selected) byId.set(selected.event.id, selected);
  // A marked event wins over the selection of the same id (its marker is what is drawn).
  for (const p of placed) byId.set(p.event.id, p);
  return byId;
}
