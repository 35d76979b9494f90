import type { IChartApiBase, ITimeScaleApi, Time } from 'lightweight-charts';

/**
 * What lightweight-charts hands a primitive on attach, to a pane (`PaneAttachedParameter`) or to
 * a series (`SeriesAttachedParameter`): the chart and a way to ask for a redraw.
 */
export interface AttachedParameter {
  readonly chart: IChartApiBase<Time>;
  readonly requestUpdate: () => void;
}

/**
 * The one base of every primitive drawn on the chart (after lightweight-charts'
 * plugin-examples `plugin-base.ts`): it remembers what it is attached to, forgets it on
 * detach, and turns a state change into a redraw request. Subclasses keep their state, compute
 * coordinates in their pane views' `update()` (called from `updateAllViews`), and draw in
 * their renderers; they never hold a chart reference of their own, so a detached primitive
 * can be attached again (to a new pane, after a symbol switch) without stale handles.
 */
export abstract class PrimitiveBase<P extends AttachedParameter = AttachedParameter> {
  private param: P | null = null;

  attached(param: P): void {
    this.param = param;
    this.requestUpdate();
  }

  detached(): void {
    this.param = null;
  }

  /** True between `attached` and `detached`. */
  isAttached(): boolean {
    return this.param !== null;
  }

  /** What the primitive is attached to, or null while detached. */
  protected attachment(): P | null {
    return this.param;
  }

  /** The chart's time scale, or null while detached (views then draw nothing). */
  timeScale(): ITimeScaleApi<Time> | null {
    return this.param?.chart.timeScale() ?? null;
  }

  /** Asks the chart to redraw after a state change; a no-op while detached. */
  protected requestUpdate(): void {
    this.param?.requestUpdate();
  }

  /** Called by the chart when the viewport changed: recompute the views' coordinates. */
  abstract updateAllViews(): void;
}
