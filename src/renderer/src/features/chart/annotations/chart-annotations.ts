import {
  createSeriesMarkers,
  PriceScaleMode,
  type ISeriesMarkersPluginApi,
  type MouseEventParams,
  type Time,
} from 'lightweight-charts';
import type { ChartHandle } from '../price-chart';
import { centredRange, fitIndicesRange, presetRange, type LogicalSpan, type RangePreset } from '../range-presets';
import { markerLabel, type ChartEvent, type ChartEventCategory } from './chart-event';
import { EventLinesPrimitive, type EventLine } from './event-lines-primitive';
import { eventsToMarkers, lastValidBefore, placeEvents, type PlacedEvent } from './event-markers';
import { eventWindowSpan } from './event-window';
import { EventWindowPrimitive } from './event-window-primitive';

/** What the annotations draw, in one value: the controller diffs nothing, it redraws. */
export interface AnnotationInput {
  /** Events to mark (markers + lines), each with its T0 on the charted symbol. */
  readonly events: readonly ChartEvent[];
  /**
   * The selected event: larger marker, bold line with a time-axis label, shaded window. It may
   * be an event that does not concern the charted symbol (then it has a line but no marker).
   */
  readonly selected: ChartEvent | null;
  readonly colors: Record<ChartEventCategory, string>;
  /** Text colour of the time-axis label (on the category colour). */
  readonly labelText: string;
}

/** Chart-side happenings the React overlay listens to. */
export interface AnnotationEvents {
  /** The pointer is over an event marker (id) or left it (null). */
  hover(eventId: string | null): void;
  /** A click on an event marker. */
  click(eventId: string): void;
  /** The crosshair's bar index, or null when the pointer left the chart. */
  crosshair(index: number | null): void;
  /** The visible range or size changed: overlay positions must be recomputed. */
  viewport(): void;
  /** `update` redrew markers, lines and window. */
  changed(): void;
}

/** A point in CSS pixels relative to the chart's top-left corner. */
export interface Anchor {
  readonly x: number;
  readonly y: number;
}

/** Alpha of the post-event window shading (over the background, under the candles). */
const WINDOW_ALPHA = 0.13;

function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${alpha})` : hex;
}

/**
 * Everything drawn over one chart for a study: event markers (`createSeriesMarkers`, marker
 * id = event id), event lines across all panes, the selected event's shaded window; plus the
 * chart-side mouse handling (hover and click on markers, crosshair index) and view commands
 * (centre on an event, fit events, range presets, log scale). Plain TypeScript: React only
 * creates it when a chart is ready and feeds it data.
 */
export class ChartAnnotations {
  private readonly markers: ISeriesMarkersPluginApi<Time>;
  private readonly lines: EventLinesPrimitive[];
  private readonly windows: EventWindowPrimitive[];
  private placed: PlacedEvent[] = [];
  private selected: PlacedEvent | null = null;
  private hovered: string | null = null;
  private input: AnnotationInput | null = null;
  private readonly onMove = (p: MouseEventParams<Time>) => this.handleMove(p);
  private readonly onClick = (p: MouseEventParams<Time>) => this.handleClick(p);
  private readonly onViewport = () => this.emit((l) => l.viewport?.());
  private readonly listeners = new Set<Partial<AnnotationEvents>>();
  // React may still hold a disposed instance for one render after its chart was replaced
  // (PriceChart removes the chart in the same commit), so every call on it is a no-op then:
  // touching a removed chart throws.
  private disposed = false;

  constructor(private readonly handle: ChartHandle) {
    const { chart, price, volume } = handle;
    this.markers = createSeriesMarkers(price, []);
    // One instance per pane: a series primitive draws only in its series' pane, and the lines
    // and the window must cross the volume pane too. Only the price pane labels the time axis.
    this.lines = [new EventLinesPrimitive({ axisLabels: true })];
    this.windows = [new EventWindowPrimitive()];
    price.attachPrimitive(this.windows[0]!);
    price.attachPrimitive(this.lines[0]!);
    if (volume) {
      this.lines.push(new EventLinesPrimitive({ axisLabels: false }));
      this.windows.push(new EventWindowPrimitive());
      volume.attachPrimitive(this.windows[1]!);
      volume.attachPrimitive(this.lines[1]!);
    }
    chart.subscribeCrosshairMove(this.onMove);
    chart.subscribeClick(this.onClick);
    chart.timeScale().subscribeVisibleLogicalRangeChange(this.onViewport);
    chart.timeScale().subscribeSizeChange(this.onViewport);
  }

  /** Redraws markers, lines and the window for new events or a new selection. */
  update(input: AnnotationInput): void {
    if (this.disposed) return;
    this.input = input;
    const { bars } = this.handle;
    this.placed = placeEvents(input.events, bars).placed;
    this.selected = input.selected ? (placeEvents([input.selected], bars).placed[0] ?? null) : null;
    const selectedId = this.selected?.event.id ?? null;
    this.markers.setMarkers(eventsToMarkers(this.placed, bars, { colors: input.colors, selectedId }));
    this.redrawLines();
    const win = this.selected
      ? {
          span: eventWindowSpan(this.selected, bars),
          color: withAlpha(input.colors[this.selected.event.category], WINDOW_ALPHA),
        }
      : null;
    for (const w of this.windows) w.setWindow(win);
    this.emit((l) => l.changed?.());
  }

  private redrawLines(): void {
    const input = this.input;
    if (!input) return;
    const all = [...this.placed];
    if (this.selected && !all.some((p) => p.event.id === this.selected!.event.id)) all.push(this.selected);
    const lines: EventLine[] = all.map(({ event, index }) => {
      const emphasised = event.id === this.selected?.event.id || event.id === this.hovered;
      const colour = input.colors[event.category];
      return {
        id: event.id,
        index,
        color: emphasised ? colour : withAlpha(colour, event.approximate ? 0.35 : 0.45),
        dashed: event.approximate,
        emphasised,
        label: `${markerLabel(event)} · ${event.t0}`,
        labelTextColor: input.labelText,
      };
    });
    // Emphasised lines last, so they are drawn over the faint ones.
    lines.sort((a, b) => Number(a.emphasised) - Number(b.emphasised));
    for (const l of this.lines) l.setLines(lines);
  }

  /** A marked event, or the selected one (which may have a line but no marker). */
  private find(eventId: string): PlacedEvent | null {
    return (
      this.placed.find((e) => e.event.id === eventId) ?? (this.selected?.event.id === eventId ? this.selected : null)
    );
  }

  /** The bar index of the selected event's T0 on this chart, or null. */
  selectedIndex(): number | null {
    return this.selected?.index ?? null;
  }

  /** Ids of the markers the series markers plugin holds (what is drawn, for tests and a11y). */
  markerIds(): string[] {
    if (this.disposed) return [];
    return this.markers.markers().flatMap((m) => (m.id ? [m.id] : []));
  }

  /** The placed events, in time order (for keyboard navigation and fit). */
  placedEvents(): readonly PlacedEvent[] {
    return this.placed;
  }

  /**
   * Where an event's T0 bar is on screen: x of the session, y of its high (its close on a
   * close-only series; the last valid bar before for a placeholder). The marker sits just above.
   * Null when the event is not placed or scrolled out of view.
   */
  anchor(eventId: string): Anchor | null {
    if (this.disposed) return null;
    const p = this.find(eventId);
    if (!p) return null;
    const { chart, price, bars } = this.handle;
    const x = chart.timeScale().timeToCoordinate(p.event.t0 as Time);
    if (x === null || x < 0 || x > chart.timeScale().width()) return null;
    const bar = bars[p.index]!.placeholder ? lastValidBefore(bars, p.index) : bars[p.index]!;
    if (!bar) return null;
    const y = price.priceToCoordinate(bar.high ?? bar.close);
    return y === null ? null : { x, y };
  }

  /** The dates at the edges of the visible range, for the status line and tests. */
  visibleDates(): { from: string; to: string } | null {
    if (this.disposed) return null;
    const r = this.handle.chart.timeScale().getVisibleRange();
    return r ? { from: String(r.from), to: String(r.to) } : null;
  }

  /** Size of the price pane in CSS px (the box the tooltip stays inside). */
  paneSize(): { width: number; height: number } {
    if (this.disposed) return { width: 0, height: 0 };
    return this.handle.chart.paneSize(0);
  }

  /** The current visible logical range. */
  visibleRange(): LogicalSpan | null {
    if (this.disposed) return null;
    return this.handle.chart.timeScale().getVisibleLogicalRange();
  }

  setVisibleRange(range: LogicalSpan | null): void {
    if (this.disposed) return;
    if (range) this.handle.chart.timeScale().setVisibleLogicalRange(range);
  }

  /** Brings an event's T0 to the middle of the chart, keeping the zoom. False when not on this chart. */
  centre(eventId: string): boolean {
    const p = this.disposed ? null : this.find(eventId);
    if (!p) return false;
    this.setVisibleRange(centredRange(p.index, this.visibleRange()));
    return true;
  }

  /** Shows every marked event (and the selected one's window). False when there is none. */
  fitEvents(): boolean {
    if (this.disposed) return false;
    const indices = this.placed.map((p) => p.index);
    if (this.selected) {
      indices.push(this.selected.index, eventWindowSpan(this.selected, this.handle.bars).to);
    }
    const range = fitIndicesRange(indices, this.handle.bars.length);
    this.setVisibleRange(range);
    return range !== null;
  }

  applyPreset(preset: RangePreset): void {
    if (this.disposed) return;
    this.setVisibleRange(
      presetRange(
        preset,
        this.handle.bars.map((b) => b.date),
      ),
    );
  }

  /** Log or linear price scale for the price pane. */
  setLogScale(on: boolean): void {
    if (this.disposed) return;
    this.handle.price.priceScale().applyOptions({ mode: on ? PriceScaleMode.Logarithmic : PriceScaleMode.Normal });
  }

  /** Listens to hover, click, crosshair and viewport changes; returns the unsubscribe function. */
  on(listener: Partial<AnnotationEvents>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(call: (l: Partial<AnnotationEvents>) => void): void {
    for (const l of this.listeners) call(l);
  }

  private handleMove(p: MouseEventParams<Time>): void {
    const id = this.eventIdAt(p);
    if (id !== this.hovered) {
      this.hovered = id;
      this.redrawLines();
      this.emit((l) => l.hover?.(id));
    }
    const index = p.logical === undefined || p.point === undefined ? null : Math.round(p.logical as number);
    this.emit((l) => l.crosshair?.(index));
  }

  private handleClick(p: MouseEventParams<Time>): void {
    const id = this.eventIdAt(p);
    if (id) this.emit((l) => l.click?.(id));
  }

  /** The event under the pointer: the hovered object's id when it is one of our markers. */
  private eventIdAt(p: MouseEventParams<Time>): string | null {
    const id = p.hoveredInfo?.objectId;
    if (typeof id !== 'string') return null;
    return this.placed.some((e) => e.event.id === id) ? id : null;
  }

  /**
   * Detaches everything from the chart. Call it before the chart is removed (PriceChart's
   * `onReady(null)` comes just before `chart.remove()`); idempotent.
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.listeners.clear();
    const { chart, price, volume } = this.handle;
    chart.unsubscribeCrosshairMove(this.onMove);
    chart.unsubscribeClick(this.onClick);
    chart.timeScale().unsubscribeVisibleLogicalRangeChange(this.onViewport);
    chart.timeScale().unsubscribeSizeChange(this.onViewport);
    this.markers.detach();
    price.detachPrimitive(this.lines[0]!);
    price.detachPrimitive(this.windows[0]!);
    if (volume && this.lines[1] && this.windows[1]) {
      volume.detachPrimitive(this.lines[1]);
      volume.detachPrimitive(this.windows[1]);
    }
  }
}
