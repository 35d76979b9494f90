import type { Bar } from '../../../../../shared/domain/bar';
import type { ChartController, ChartPointer } from '../../chart/chart-controller';
import { centredRange, fitIndicesRange } from '../../chart/range-presets';
import { ShadedSpanPrimitive } from '../../chart/primitives/shaded-span';
import { TimeAxisLabelsPrimitive } from '../../chart/primitives/time-axis-labels';
import { VerticalLinesPrimitive, type VerticalLine } from '../../chart/primitives/vertical-lines';
import { markerLabel, type ChartEvent, type ChartEventCategory } from './chart-event';
import { eventsToMarkers, lastValidBefore, placedById, placeEvents, type PlacedEvent } from './event-markers';
import { eventWindowSpan } from './event-window';

/** What the annotations draw, in one value: nothing is diffed, everything is redrawn. */
export interface AnnotationInput {
  /** The bars of the charted symbol (the chart's logical axis). */
  readonly bars: readonly Bar[];
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

/** The primitives still attached (a removed pane's are dropped from the set). */
function live<P extends { isAttached(): boolean }>(set: Set<P>): P[] {
  for (const p of set) if (!p.isAttached()) set.delete(p);
  return [...set];
}

/**
 * A study's events drawn on the window's chart: markers on the main series (marker id = event
 * id), event lines across every pane, the selected event's shaded window and its time-axis
 * label; plus hover and click on markers and the event commands (centre, fit). Created once
 * per chart controller; it survives symbol and theme switches, since the controller keeps
 * its primitives on the right panes and series.
 */
export class StudyAnnotations {
  private readonly windows = new Set<ShadedSpanPrimitive>();
  private readonly lines = new Set<VerticalLinesPrimitive>();
  private readonly labels = new TimeAxisLabelsPrimitive();
  private detachAll: Array<() => void> = [];
  private bars: readonly Bar[] = [];
  private placed: PlacedEvent[] = [];
  private selected: PlacedEvent | null = null;
  /** {@link placed} and {@link selected} by event id, rebuilt by `update`. */
  private byId = new Map<string, PlacedEvent>();
  /** Ids of the marked events only (the selection may have a line but no marker). */
  private markedIds = new Set<string>();
  private hovered: string | null = null;
  private input: AnnotationInput | null = null;
  private lineSet: readonly VerticalLine[] = [];
  private windowSpan: Parameters<ShadedSpanPrimitive['setSpan']>[0] = null;
  private readonly listeners = new Set<Partial<AnnotationEvents>>();

  constructor(private readonly chart: ChartController) {}

  /**
   * Puts the annotations on the chart and listens to it; `detach` takes them off again (and
   * `attach` may follow once more: React effects mount, unmount and remount).
   */
  attach(): void {
    if (this.detachAll.length) return;
    const chart = this.chart;
    // Windows first, so on every pane the lines are drawn over the shading.
    this.detachAll = [
      chart.attachPanePrimitives(() => {
        const w = new ShadedSpanPrimitive();
        w.setSpan(this.windowSpan);
        this.windows.add(w);
        return w;
      }),
      chart.attachPanePrimitives(() => {
        const l = new VerticalLinesPrimitive();
        l.setLines(this.lineSet);
        this.lines.add(l);
        return l;
      }),
      chart.attachMainSeriesPrimitive(this.labels),
      chart.onCrosshairMove((p) => this.handleMove(p)),
      chart.onClick((p) => this.handleClick(p)),
    ];
    this.redraw();
  }

  /** Takes everything off the chart (markers, lines, window, label); idempotent. */
  detach(): void {
    if (!this.detachAll.length) return;
    for (const d of this.detachAll) d();
    this.detachAll = [];
    this.windows.clear();
    this.lines.clear();
    this.hovered = null;
    this.chart.setMarkers([]);
  }

  private get attached(): boolean {
    return this.detachAll.length > 0;
  }

  /** Redraws markers, lines and the window for new bars, events or a new selection. */
  update(input: AnnotationInput): void {
    this.input = input;
    this.bars = input.bars;
    this.placed = placeEvents(input.events, input.bars).placed;
    this.selected = input.selected ? (placeEvents([input.selected], input.bars).placed[0] ?? null) : null;
    this.byId = placedById(this.placed, this.selected);
    this.markedIds = new Set(this.placed.map((p) => p.event.id));
    this.redraw();
  }

  private redraw(): void {
    const input = this.input;
    if (!input || !this.attached) return;
    const selectedId = this.selected?.event.id ?? null;
    this.chart.setMarkers(eventsToMarkers(this.placed, input.bars, { colors: input.colors, selectedId }));
    this.redrawLines();
    this.windowSpan = this.selected
      ? {
          span: eventWindowSpan(this.selected, input.bars),
          color: withAlpha(input.colors[this.selected.event.category], WINDOW_ALPHA),
        }
      : null;
    for (const w of live(this.windows)) w.setSpan(this.windowSpan);
    this.emit((l) => l.changed?.());
  }

  private redrawLines(): void {
    const input = this.input;
    if (!input) return;
    const all = [...this.placed];
    if (this.selected && !all.some((p) => p.event.id === this.selected!.event.id)) all.push(this.selected);
    const lines = all.map(({ event, index }) => {
      const emphasised = event.id === this.selected?.event.id || event.id === this.hovered;
      const colour = input.colors[event.category];
      return {
        line: {
          id: event.id,
          index,
          color: emphasised ? colour : withAlpha(colour, event.approximate ? 0.35 : 0.45),
          dashed: event.approximate,
          width: emphasised ? 2 : 1,
        },
        emphasised,
        label: `${markerLabel(event)} · ${event.t0}`,
        colour,
      };
    });
    // Emphasised lines last, so they are drawn over the faint ones.
    lines.sort((a, b) => Number(a.emphasised) - Number(b.emphasised));
    this.lineSet = lines.map((l) => l.line);
    for (const l of live(this.lines)) l.setLines(this.lineSet);
    this.labels.setLabels(
      lines
        .filter((l) => l.emphasised)
        .map((l) => ({ index: l.line.index, text: l.label, textColor: input.labelText, backColor: l.colour })),
    );
  }

  /** A marked event, or the selected one (which may have a line but no marker). */
  private find(eventId: string): PlacedEvent | null {
    return this.byId.get(eventId) ?? null;
  }

  /** The bar index of the selected event's T0 on this chart, or null. */
  selectedIndex(): number | null {
    return this.selected?.index ?? null;
  }

  /** Ids of the markers drawn on the chart (what is on screen, for tests and a11y). */
  markerIds(): string[] {
    if (!this.attached) return [];
    return this.chart.markers().flatMap((m) => (typeof m.id === 'string' ? [m.id] : []));
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
    if (!this.attached) return null;
    const p = this.find(eventId);
    if (!p) return null;
    const x = this.chart.timeToCoordinate(p.event.t0);
    if (x === null || x < 0 || x > this.chart.timeScaleWidth()) return null;
    const bar = this.bars[p.index]!.placeholder ? lastValidBefore(this.bars, p.index) : this.bars[p.index]!;
    if (!bar) return null;
    const y = this.chart.priceToCoordinate(bar.high ?? bar.close);
    return y === null ? null : { x, y };
  }

  /** Brings an event's T0 to the middle of the chart, keeping the zoom. False when not on this chart. */
  centre(eventId: string): boolean {
    const p = this.attached ? this.find(eventId) : null;
    if (!p) return false;
    this.chart.setVisibleRange(centredRange(p.index, this.chart.visibleRange()));
    return true;
  }

  /**
   * Shows every marked event (and the selected one's window), or, when they span more sessions
   * than the chart can draw at its closest zoom, the latest that fit (`shown` of `total`).
   * Null when there is none.
   */
  fitEvents(): { readonly shown: number; readonly total: number } | null {
    if (!this.attached) return null;
    const indices = this.placed.map((p) => p.index);
    if (this.selected) indices.push(this.selected.index, eventWindowSpan(this.selected, this.bars).to);
    const range = fitIndicesRange(indices, this.bars.length, 5, {
      width: this.chart.timeScaleWidth(),
      minBarSpacing: this.chart.minBarSpacing(),
    });
    if (!range) return null;
    this.chart.setVisibleRange({ from: range.from, to: range.to });
    const total = this.placed.length;
    const shown = range.clipped ? this.placed.filter((p) => p.index >= range.from).length : total;
    return { shown, total };
  }

  /** Listens to hover, click and redraws; returns the unsubscribe function. */
  on(listener: Partial<AnnotationEvents>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(call: (l: Partial<AnnotationEvents>) => void): void {
    for (const l of this.listeners) call(l);
  }

  private handleMove(p: ChartPointer): void {
    const id = this.eventIdAt(p);
    if (id === this.hovered) return;
    this.hovered = id;
    this.redrawLines();
    this.emit((l) => l.hover?.(id));
  }

  private handleClick(p: ChartPointer): void {
    const id = this.eventIdAt(p);
    if (id) this.emit((l) => l.click?.(id));
  }

  /** The event under the pointer: the hovered object's id when it is one of our markers. */
  private eventIdAt(p: ChartPointer): string | null {
    const id = p.objectId;
    return id !== null && this.markedIds.has(id) ? id : null;
  }
}
