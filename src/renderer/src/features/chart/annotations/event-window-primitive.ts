import type {
  IPrimitivePaneRenderer,
  IPrimitivePaneView,
  ISeriesPrimitive,
  Logical,
  PrimitivePaneViewZOrder,
  SeriesAttachedParameter,
  Time,
} from 'lightweight-charts';
import { spanPositions } from './bitmap';
import type { IndexSpan } from './event-window';

type Target = Parameters<IPrimitivePaneRenderer['draw']>[0];

/** A shaded span of sessions: the post-event window of one event. */
export interface ShadedWindow {
  readonly span: IndexSpan;
  readonly color: string;
}

class WindowRenderer implements IPrimitivePaneRenderer {
  constructor(private readonly box: { readonly x1: number; readonly x2: number; readonly color: string } | null) {}

  draw(target: Target): void {
    const box = this.box;
    if (!box) return;
    target.useBitmapCoordinateSpace(({ context: ctx, bitmapSize, horizontalPixelRatio }) => {
      const { position, length } = spanPositions(box.x1, box.x2, horizontalPixelRatio);
      ctx.fillStyle = box.color;
      ctx.fillRect(position, 0, length, bitmapSize.height);
    });
  }
}

/** Coordinates of the window: from half a bar before its first session to half a bar after its last. */
class WindowPaneView implements IPrimitivePaneView {
  private box: { x1: number; x2: number; color: string } | null = null;

  constructor(private readonly source: EventWindowPrimitive) {}

  update(): void {
    const w = this.source.window;
    const timeScale = this.source.chartTimeScale();
    if (!w || !timeScale) {
      this.box = null;
      return;
    }
    // logicalToCoordinate only takes whole indices (it returns 0 for 264.5), so the half-bar
    // edges come from the bar spacing between two neighbouring sessions.
    const first = timeScale.logicalToCoordinate(w.span.from as Logical);
    const last = timeScale.logicalToCoordinate(w.span.to as Logical);
    const next = timeScale.logicalToCoordinate((w.span.to + 1) as Logical);
    if (first === null || last === null || next === null) {
      this.box = null;
      return;
    }
    const half = (next - last) / 2;
    this.box = { x1: first - half, x2: last + half, color: w.color };
  }
  renderer(): IPrimitivePaneRenderer {
    return new WindowRenderer(this.box);
  }
  /** Under the grid and the series: a highlight, never a cover over the candles. */
  zOrder(): PrimitivePaneViewZOrder {
    return 'bottom';
  }
}

/**
 * The shaded post-event window as a series primitive with z-order `bottom`. Attach one
 * instance to the price series and one to the volume series so the shading spans all panes.
 */
export class EventWindowPrimitive implements ISeriesPrimitive<Time> {
  window: ShadedWindow | null = null;
  private attachedTo: SeriesAttachedParameter<Time> | null = null;
  private readonly views = [new WindowPaneView(this)];

  attached(param: SeriesAttachedParameter<Time>): void {
    this.attachedTo = param;
  }
  detached(): void {
    this.attachedTo = null;
  }

  setWindow(window: ShadedWindow | null): void {
    this.window = window;
    this.attachedTo?.requestUpdate();
  }

  /** @internal for the view */
  chartTimeScale() {
    return this.attachedTo?.chart.timeScale() ?? null;
  }

  updateAllViews(): void {
    for (const v of this.views) v.update();
  }
  paneViews(): readonly IPrimitivePaneView[] {
    return this.views;
  }
}
