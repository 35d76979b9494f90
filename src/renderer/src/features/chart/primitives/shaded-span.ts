import type {
  IPanePrimitive,
  IPanePrimitivePaneView,
  IPrimitivePaneRenderer,
  Logical,
  PaneAttachedParameter,
  PrimitivePaneViewZOrder,
  Time,
} from 'lightweight-charts';
import { spanPositions } from './bitmap';
import { PrimitiveBase } from './primitive-base';

type Target = Parameters<IPrimitivePaneRenderer['draw']>[0];

/** An inclusive span of bar indices (= logical indices on the chart). */
export interface IndexSpan {
  readonly from: number;
  readonly to: number;
}

/** A shaded span of sessions, e.g. the post-event window of one event. */
export interface ShadedSpan {
  readonly span: IndexSpan;
  readonly color: string;
}

interface Box {
  readonly x1: number;
  readonly x2: number;
  readonly color: string;
}

class ShadedSpanRenderer implements IPrimitivePaneRenderer {
  constructor(private readonly box: Box | null) {}

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

/** Coordinates of the span: from half a bar before its first session to half a bar after its last. */
class ShadedSpanPaneView implements IPanePrimitivePaneView {
  private box: Box | null = null;

  constructor(private readonly source: ShadedSpanPrimitive) {}

  update(): void {
    const s = this.source.span;
    const timeScale = this.source.timeScale();
    this.box = null;
    if (!s || !timeScale) return;
    // logicalToCoordinate only takes whole indices (it returns 0 for 264.5), so the half-bar
    // edges come from the bar spacing between two neighbouring sessions.
    const first = timeScale.logicalToCoordinate(s.span.from as Logical);
    const last = timeScale.logicalToCoordinate(s.span.to as Logical);
    const next = timeScale.logicalToCoordinate((s.span.to + 1) as Logical);
    if (first === null || last === null || next === null) return;
    const half = (next - last) / 2;
    this.box = { x1: first - half, x2: last + half, color: s.color };
  }
  renderer(): IPrimitivePaneRenderer {
    return new ShadedSpanRenderer(this.box);
  }
  /** Under the grid and the series: a highlight, never a cover over the candles. */
  zOrder(): PrimitivePaneViewZOrder {
    return 'bottom';
  }
}

/** A shaded span of sessions as a pane primitive with z-order `bottom` (one instance per pane). */
export class ShadedSpanPrimitive extends PrimitiveBase<PaneAttachedParameter<Time>> implements IPanePrimitive<Time> {
  span: ShadedSpan | null = null;
  private readonly views = [new ShadedSpanPaneView(this)];

  setSpan(span: ShadedSpan | null): void {
    this.span = span;
    this.requestUpdate();
  }

  updateAllViews(): void {
    for (const v of this.views) v.update();
  }
  paneViews(): readonly IPanePrimitivePaneView[] {
    return this.views;
  }
}
