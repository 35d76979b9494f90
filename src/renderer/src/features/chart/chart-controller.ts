import {
  CandlestickSeries,
  createChart,
  createSeriesMarkers,
  HistogramSeries,
  LineSeries,
  PriceScaleMode,
  type IChartApi,
  type IPanePrimitive,
  type ISeriesApi,
  type ISeriesMarkersPluginApi,
  type ISeriesPrimitive,
  type IPaneApi,
  type MouseEventParams,
  type SeriesMarker,
  type SeriesType,
  type Time,
} from 'lightweight-charts';
import type { IsoDate } from '../../../../shared/brand';
import { chartOptions, chartPalette, themeOptions, type ChartPalette, type ThemeName } from './chart-theme';
import type { LogicalSpan } from './range-presets';
import { sameData, seriesData, seriesOptions, seriesTypeOf, type SeriesSpec } from './series-specs';

/** Where the pointer is, as a crosshair move or a click reports it. */
export interface ChartPointer {
  /** The session under the pointer, or null off the data. */
  readonly time: IsoDate | null;
  /** Its logical index (= bar index of the main series), or null when the pointer is off the chart. */
  readonly index: number | null;
  /** CSS px relative to the price pane's top-left corner; null when the pointer left the chart. */
  readonly point: { readonly x: number; readonly y: number } | null;
  /** Id of the hovered object (a series marker's id, a primitive's hit-test id), or null. */
  readonly objectId: string | null;
  /** Id of the series spec under the pointer, or null. */
  readonly seriesId: string | null;
}

/** A right-click (or the keyboard's context-menu request) on the chart. */
export interface ChartContextMenuRequest extends ChartPointer {
  /** Where to open a menu, in CSS px relative to the chart's container. */
  readonly at: { readonly x: number; readonly y: number };
}

type Listener<T> = (value: T) => void;

/** A time-scale value as the ISO date the series were fed with. */
function isoDateOf(time: Time | undefined): IsoDate | null {
  if (time === undefined) return null;
  if (typeof time === 'string') return time as IsoDate;
  if (typeof time === 'number') return new Date(time * 1000).toISOString().slice(0, 10) as IsoDate;
  const mm = String(time.month).padStart(2, '0');
  const dd = String(time.day).padStart(2, '0');
  return `${time.year}-${mm}-${dd}` as IsoDate;
}

const definitions = { Candlestick: CandlestickSeries, Line: LineSeries, Histogram: HistogramSeries } as const;

/** Share of the height the volume pane gets below the price pane. */
const VOLUME_STRETCH = 0.25;

interface Drawn {
  spec: SeriesSpec;
  readonly api: ISeriesApi<SeriesType>;
  /**
   * The options last applied, as JSON: `applyOptions` makes lightweight-charts recompute the
   * whole series (tens of ms at 50,000 bars), so unchanged options are not applied again.
   */
  options: string;
}

interface PaneRegistration {
  readonly make: (paneIndex: number) => IPanePrimitive<Time> | null;
  /** The primitive attached to each pane (by the pane object, whose identity the chart keeps). */
  readonly attached: Map<IPaneApi<Time>, IPanePrimitive<Time>>;
}

/**
 * The window's one chart. Owns a single lightweight-charts `IChartApi` from construction to
 * `dispose()`: a theme switch is `applyOptions`, a symbol switch or a comparison is a new list
 * of series specs (`setSeries`), never a new chart, so the canvas, the annotations attached to
 * it and any handle other features hold stay valid. Plain TypeScript: React mounts it on a
 * container and feeds it, nothing more.
 *
 * The *main series* is the first spec drawn in pane 0: series markers and series primitives
 * (time-axis labels) live on it and move to the new main series when it is replaced. Pane
 * primitives are made per pane and follow panes as they appear and disappear.
 */
export class ChartController {
  private readonly chart: IChartApi;
  private theme: ThemeName;
  private drawn = new Map<string, Drawn>();
  private order: string[] = [];
  private main: ISeriesApi<SeriesType> | null = null;
  private markersPlugin: ISeriesMarkersPluginApi<Time> | null = null;
  private currentMarkers: SeriesMarker<Time>[] = [];
  private readonly mainPrimitives = new Set<ISeriesPrimitive<Time>>();
  private readonly paneRegistrations: PaneRegistration[] = [];
  private logScale = false;
  private readonly moveListeners = new Set<Listener<ChartPointer>>();
  private readonly clickListeners = new Set<Listener<ChartPointer>>();
  private readonly viewportListeners = new Set<() => void>();
  private readonly menuListeners = new Set<Listener<ChartContextMenuRequest>>();
  private readonly dblClickListeners = new Set<Listener<ChartPointer>>();
  /** The last crosshair position, so a right-click knows the marker the pointer is over. */
  private lastMove: ChartPointer | null = null;
  private readonly container: HTMLElement;
  private disposed = false;

  constructor(container: HTMLElement, theme: ThemeName) {
    this.theme = theme;
    this.container = container;
    this.chart = createChart(container, chartOptions(theme));
    this.chart.subscribeCrosshairMove(this.handleMove);
    this.chart.subscribeClick(this.handleClick);
    this.chart.subscribeDblClick(this.handleDblClick);
    container.addEventListener('contextmenu', this.handleContextMenu);
    this.chart.timeScale().subscribeVisibleLogicalRangeChange(this.onViewport);
    this.chart.timeScale().subscribeSizeChange(this.onViewport);
  }

  /** Applies a theme's colours to the chart and every series, in place. */
  setTheme(theme: ThemeName): void {
    if (this.disposed || theme === this.theme) return;
    this.theme = theme;
    const palette = chartPalette[theme];
    this.chart.applyOptions(themeOptions(theme));
    for (const drawn of this.drawn.values()) {
      const { spec, api } = drawn;
      const options = seriesOptions(spec, palette);
      api.applyOptions(options);
      drawn.options = JSON.stringify(options);
      // Volume bars carry their colour in the data.
      if (spec.kind === 'volume') api.setData(seriesData(spec, palette));
    }
  }

  /**
   * Draws exactly these series, in this order. A spec keeps its series when its id, kind and
   * pane are unchanged (only new points when its bars or base changed); a spec with a new id
   * takes over a leaving series of the same kind and pane (a symbol switch is `setData` on the
   * kept series, as cheap as bare lightweight-charts, and the markers and primitives stay on the
   * main series); other series are added or removed. New series are added before old ones go,
   * so the price pane is never empty in between (an empty pane is removed and the panes below
   * would move up).
   */
  setSeries(specs: readonly SeriesSpec[]): void {
    if (this.disposed) return;
    const ids = new Set<string>();
    for (const spec of specs) {
      if (ids.has(spec.id)) throw new Error(`setSeries: duplicate series id ${spec.id}`);
      ids.add(spec.id);
    }
    const palette = chartPalette[this.theme];
    const stale: ISeriesApi<SeriesType>[] = [];
    const next = new Map<string, Drawn>();
    // Series whose id is not asked for any more, in drawing order: a new spec of the same kind
    // and pane takes one over instead of a remove + add.
    const leaving = [...this.drawn.values()].filter((d) => !ids.has(d.spec.id));
    const kept = (spec: SeriesSpec): Drawn | undefined => {
      const same = this.drawn.get(spec.id);
      if (same && same.spec.kind === spec.kind && same.spec.pane === spec.pane) return same;
      if (same) return undefined;
      const at = leaving.findIndex((d) => d.spec.kind === spec.kind && d.spec.pane === spec.pane);
      return at >= 0 ? leaving.splice(at, 1)[0] : undefined;
    };
    for (const spec of specs) {
      const old = kept(spec);
      if (old) {
        if (old.spec.id !== spec.id || !sameData(old.spec, spec)) old.api.setData(seriesData(spec, palette));
        const options = seriesOptions(spec, palette);
        const json = JSON.stringify(options);
        if (json !== old.options) {
          old.api.applyOptions(options);
          old.options = json;
        }
        old.spec = spec;
        next.set(spec.id, old);
        continue;
      }
      const replaced = this.drawn.get(spec.id);
      if (replaced) stale.push(replaced.api);
      const options = seriesOptions(spec, palette);
      const api = this.chart.addSeries(
        definitions[seriesTypeOf[spec.kind]] as typeof LineSeries,
        options,
        spec.pane,
      ) as ISeriesApi<SeriesType>;
      api.setData(seriesData(spec, palette));
      next.set(spec.id, { spec, api, options: JSON.stringify(options) });
    }
    for (const d of leaving) stale.push(d.api);
    this.drawn = next;
    this.order = specs.map((s) => s.id);

    const mainSpec = specs.find((s) => s.pane === 0);
    this.moveMainTo(mainSpec ? next.get(mainSpec.id)!.api : null);
    for (const api of stale) this.chart.removeSeries(api);
    if (stale.length > 0) this.repairTimeScale(palette);
    this.layoutPanes();
    this.syncPanePrimitives();
  }

  /** The specs drawn, in order. */
  specs(): readonly SeriesSpec[] {
    return this.order.map((id) => this.drawn.get(id)!.spec);
  }

  /** The lightweight-charts type of the main series ('Candlestick', 'Line'), or null with no series. */
  mainSeriesType(): SeriesType | null {
    return this.main?.seriesType() ?? null;
  }

  /** Replaces the markers on the main series (ascending by time, as lightweight-charts requires). */
  setMarkers(markers: readonly SeriesMarker<Time>[]): void {
    this.currentMarkers = [...markers];
    if (this.disposed) return;
    this.markersPlugin?.setMarkers(this.currentMarkers);
  }

  /** The markers drawn on the main series (what is on screen; empty with no main series). */
  markers(): readonly SeriesMarker<Time>[] {
    if (this.disposed || !this.markersPlugin) return [];
    return this.markersPlugin.markers();
  }

  /**
   * Attaches a primitive to every pane, now and as panes appear (`make` is called with the pane
   * index; null skips that pane). Primitives are attached in registration order, so one
   * registered earlier draws under a later one. Returns the detach function.
   */
  attachPanePrimitives(make: (paneIndex: number) => IPanePrimitive<Time> | null): () => void {
    const reg: PaneRegistration = { make, attached: new Map() };
    this.paneRegistrations.push(reg);
    this.syncPanePrimitives();
    return () => {
      const at = this.paneRegistrations.indexOf(reg);
      if (at >= 0) this.paneRegistrations.splice(at, 1);
      if (this.disposed) return;
      const live = new Set(this.chart.panes());
      for (const [pane, p] of reg.attached) if (live.has(pane)) pane.detachPrimitive(p);
      reg.attached.clear();
    };
  }

  /** Attaches a series primitive to the main series, now and to each main series after it. */
  attachMainSeriesPrimitive(primitive: ISeriesPrimitive<Time>): () => void {
    this.mainPrimitives.add(primitive);
    this.main?.attachPrimitive(primitive);
    return () => {
      this.mainPrimitives.delete(primitive);
      if (!this.disposed) this.main?.detachPrimitive(primitive);
    };
  }

  /** Called on every crosshair move with where the pointer is. Returns the unsubscribe function. */
  onCrosshairMove(listener: Listener<ChartPointer>): () => void {
    this.moveListeners.add(listener);
    return () => this.moveListeners.delete(listener);
  }

  /** Called on a click in the chart with where it was. Returns the unsubscribe function. */
  onClick(listener: Listener<ChartPointer>): () => void {
    this.clickListeners.add(listener);
    return () => this.clickListeners.delete(listener);
  }

  /**
   * Called on a right-click in the chart (the browser's own menu is suppressed while someone
   * listens) with the session under the pointer. Returns the unsubscribe function.
   */
  onContextMenu(listener: Listener<ChartContextMenuRequest>): () => void {
    this.menuListeners.add(listener);
    return () => this.menuListeners.delete(listener);
  }

  /** Called on a double-click in the chart with where it was. Returns the unsubscribe function. */
  onDoubleClick(listener: Listener<ChartPointer>): () => void {
    this.dblClickListeners.add(listener);
    return () => this.dblClickListeners.delete(listener);
  }

  /**
   * The session at x (CSS px from the left of the panes) on the main series' axis, snapped to
   * the nearest session; null off the data.
   */
  sessionAt(x: number): { readonly time: IsoDate; readonly index: number } | null {
    if (this.disposed || !this.main) return null;
    const logical = this.chart.timeScale().coordinateToLogical(x);
    if (logical === null) return null;
    const index = Math.round(logical as number);
    const point = this.main.dataByIndex(index);
    const time = point ? isoDateOf(point.time) : null;
    return time ? { time, index } : null;
  }

  /** Called when the visible range or the chart's size changed (overlay positions move). */
  onViewportChange(listener: () => void): () => void {
    this.viewportListeners.add(listener);
    return () => this.viewportListeners.delete(listener);
  }

  /** The visible range in logical (bar index) units, or null with no data. */
  visibleRange(): LogicalSpan | null {
    if (this.disposed) return null;
    return this.chart.timeScale().getVisibleLogicalRange();
  }

  setVisibleRange(range: LogicalSpan | null): void {
    if (this.disposed || !range || this.drawn.size === 0) return;
    this.chart.timeScale().setVisibleLogicalRange(range);
  }

  /** The dates at the edges of the visible range, or null with no data. */
  visibleDates(): { readonly from: IsoDate; readonly to: IsoDate } | null {
    if (this.disposed || this.drawn.size === 0) return null;
    const r = this.chart.timeScale().getVisibleRange();
    const from = r ? isoDateOf(r.from) : null;
    const to = r ? isoDateOf(r.to) : null;
    return from && to ? { from, to } : null;
  }

  /** x of a session in CSS px from the left of the panes, or null when it is not on the axis. */
  timeToCoordinate(date: IsoDate): number | null {
    if (this.disposed) return null;
    return this.chart.timeScale().timeToCoordinate(date as Time);
  }

  /** y of a price on the main series' scale in CSS px, or null with no main series. */
  priceToCoordinate(price: number): number | null {
    if (this.disposed || !this.main) return null;
    return this.main.priceToCoordinate(price);
  }

  /** The closest zoom the chart allows: its minimum bar spacing in CSS px. */
  minBarSpacing(): number {
    return this.disposed ? 0 : this.chart.timeScale().options().minBarSpacing;
  }

  /** Width of the plotting area in CSS px (without the price axis). */
  timeScaleWidth(): number {
    return this.disposed ? 0 : this.chart.timeScale().width();
  }

  /** Size of a pane in CSS px. */
  paneSize(paneIndex = 0): { readonly width: number; readonly height: number } {
    if (this.disposed || paneIndex >= this.chart.panes().length) return { width: 0, height: 0 };
    return this.chart.paneSize(paneIndex);
  }

  /** Log or linear price scale of the price pane; kept across series changes. */
  setLogScale(on: boolean): void {
    this.logScale = on;
    this.applyLogScale();
  }

  /** Shows every point of every series. */
  fitContent(): void {
    if (!this.disposed && this.drawn.size > 0) this.chart.timeScale().fitContent();
  }

  /**
   * The chart as drawn, with markers and primitives but without the crosshair: a canvas the
   * caller may compose (titles, legends) before encoding.
   */
  takeScreenshot(): HTMLCanvasElement {
    if (this.disposed) throw new Error('takeScreenshot: the chart was disposed');
    return this.chart.takeScreenshot(true, false);
  }

  /** The chart as a PNG data URL (`data:image/png;base64,…`). */
  screenshotDataUrl(): string {
    return this.takeScreenshot().toDataURL('image/png');
  }

  /** The chart as PNG bytes. */
  async screenshotPng(): Promise<Uint8Array> {
    const canvas = this.takeScreenshot();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('takeScreenshot: the canvas could not be encoded as PNG');
    return new Uint8Array(await blob.arrayBuffer());
  }

  /** Removes the chart and its canvas; every later call is a no-op. Idempotent. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.moveListeners.clear();
    this.clickListeners.clear();
    this.viewportListeners.clear();
    this.menuListeners.clear();
    this.dblClickListeners.clear();
    this.container.removeEventListener('contextmenu', this.handleContextMenu);
    this.chart.unsubscribeCrosshairMove(this.handleMove);
    this.chart.unsubscribeClick(this.handleClick);
    this.chart.unsubscribeDblClick(this.handleDblClick);
    this.chart.timeScale().unsubscribeVisibleLogicalRangeChange(this.onViewport);
    this.chart.timeScale().unsubscribeSizeChange(this.onViewport);
    this.chart.remove();
  }

  /**
   * lightweight-charts 5.2.1 can lose its time scale when a series is removed that was given
   * data more than once with the same sessions (a view re-read after a change elsewhere): the
   * remaining series keep their data, but the time scale has no points, so nothing is drawn
   * and the visible range is null. Giving the drawn series their data again rebuilds it. Only
   * in that state: a symbol switch stays one `setData` per series.
   */
  private repairTimeScale(palette: ChartPalette): void {
    const timeScale = this.chart.timeScale();
    if (timeScale.getVisibleLogicalRange() !== null || timeScale.width() === 0) return;
    const drawn = [...this.drawn.values()];
    if (!drawn.some((d) => d.api.data().length > 0)) return;
    for (const d of drawn) d.api.setData(seriesData(d.spec, palette));
  }

  private moveMainTo(series: ISeriesApi<SeriesType> | null): void {
    if (series === this.main) return;
    const old = this.main;
    if (old) {
      this.markersPlugin?.detach();
      for (const p of this.mainPrimitives) old.detachPrimitive(p);
    }
    this.markersPlugin = null;
    this.main = series;
    if (!series) return;
    this.markersPlugin = createSeriesMarkers(series, this.currentMarkers);
    for (const p of this.mainPrimitives) series.attachPrimitive(p);
    this.applyLogScale();
  }

  private applyLogScale(): void {
    if (this.disposed || !this.main) return;
    this.main.priceScale().applyOptions({ mode: this.logScale ? PriceScaleMode.Logarithmic : PriceScaleMode.Normal });
  }

  /** The price pane takes the room; panes below it (volume) a fixed share. */
  private layoutPanes(): void {
    const panes = this.chart.panes();
    panes.forEach((pane, i) => pane.setStretchFactor(i === 0 ? 1 : VOLUME_STRETCH));
  }

  private syncPanePrimitives(): void {
    if (this.disposed) return;
    const panes = this.chart.panes();
    const live = new Set(panes);
    for (const reg of this.paneRegistrations) {
      // A removed pane took its primitives with it without telling them: tell them here.
      for (const [pane, p] of [...reg.attached]) {
        if (live.has(pane)) continue;
        reg.attached.delete(pane);
        p.detached?.();
      }
      panes.forEach((pane, i) => {
        if (reg.attached.has(pane)) return;
        const p = reg.make(i);
        if (!p) return;
        pane.attachPrimitive(p);
        reg.attached.set(pane, p);
      });
    }
  }

  private pointer(p: MouseEventParams<Time>): ChartPointer {
    let seriesId: string | null = null;
    const hovered = p.hoveredInfo?.series;
    if (hovered) {
      for (const [id, d] of this.drawn) if (d.api === hovered) seriesId = id;
    }
    const objectId = p.hoveredInfo?.objectId;
    return {
      time: isoDateOf(p.time),
      index: p.logical === undefined || p.point === undefined ? null : Math.round(p.logical as number),
      point: p.point ? { x: p.point.x, y: p.point.y } : null,
      objectId: typeof objectId === 'string' ? objectId : null,
      seriesId,
    };
  }

  private readonly handleMove = (p: MouseEventParams<Time>): void => {
    if (this.moveListeners.size === 0 && this.menuListeners.size === 0) return;
    const pointer = this.pointer(p);
    this.lastMove = pointer;
    for (const l of this.moveListeners) l(pointer);
  };

  private readonly handleDblClick = (p: MouseEventParams<Time>): void => {
    if (this.dblClickListeners.size === 0) return;
    const pointer = this.pointer(p);
    for (const l of this.dblClickListeners) l(pointer);
  };

  private readonly handleContextMenu = (e: MouseEvent): void => {
    if (this.disposed || this.menuListeners.size === 0) return;
    e.preventDefault();
    const box = this.container.getBoundingClientRect();
    const x = e.clientX - box.left;
    const y = e.clientY - box.top;
    const onPane = x >= 0 && x <= this.timeScaleWidth() && y >= 0 && y <= this.paneSize(0).height;
    const session = onPane ? this.sessionAt(x) : null;
    // The marker under the pointer is what the last crosshair move reported there.
    const last = this.lastMove;
    const near = last?.point && Math.abs(last.point.x - x) <= 3 && Math.abs(last.point.y - y) <= 3;
    const request: ChartContextMenuRequest = {
      time: session?.time ?? null,
      index: session?.index ?? null,
      point: onPane ? { x, y } : null,
      objectId: near ? last.objectId : null,
      seriesId: near ? last.seriesId : null,
      at: { x, y },
    };
    for (const l of this.menuListeners) l(request);
  };

  private readonly handleClick = (p: MouseEventParams<Time>): void => {
    if (this.clickListeners.size === 0) return;
    const pointer = this.pointer(p);
    for (const l of this.clickListeners) l(pointer);
  };

  private readonly onViewport = (): void => {
    for (const l of this.viewportListeners) l();
  };
}
