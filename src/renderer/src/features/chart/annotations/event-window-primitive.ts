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
    const x1 = timeScale.logicalToCoordinate((w.span.from - 0.5) as Logical);
    const x2 = timeScale.logicalToCoordinate((w.span.to + 0.5) as Logical);
    this.box = x1 === null || x2 === null ? null : { x1, x2, color: w.color };
  }
  renderer(): IPrimitivePaneRenderer {
    return new WindowRenderer(this.box);
  }
  /** Behind the candles and the grid-independent series: a highlight, not a cover. */
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
