import type {
  IPanePrimitive,
  IPanePrimitivePaneView,
  IPrimitivePaneRenderer,
  Logical,
  PaneAttachedParameter,
  PrimitivePaneViewZOrder,
  Time,
} from 'lightweight-charts';
import { linePositions } from './bitmap';
import { PrimitiveBase } from './primitive-base';

type Target = Parameters<IPrimitivePaneRenderer['draw']>[0];

/** One vertical line at a session (logical index = bar index). */
export interface VerticalLine {
  readonly id: string;
  readonly index: number;
  readonly color: string;
  readonly dashed: boolean;
  /** Width in CSS px. */
  readonly width: number;
}

interface LineGeometry {
  readonly x: number;
  readonly color: string;
  readonly dashed: boolean;
  readonly width: number;
}

/** Draws the lines in device pixels; dashes are filled rectangles, so they stay crisp. */
class VerticalLinesRenderer implements IPrimitivePaneRenderer {
  constructor(private readonly lines: readonly LineGeometry[]) {}

  draw(target: Target): void {
    target.useBitmapCoordinateSpace(({ context: ctx, bitmapSize, horizontalPixelRatio, verticalPixelRatio }) => {
      const dash = Math.max(2, Math.round(4 * verticalPixelRatio));
      for (const line of this.lines) {
        const { position, length } = linePositions(line.x, horizontalPixelRatio, line.width);
        if (position + length < 0 || position > bitmapSize.width) continue;
        ctx.fillStyle = line.color;
        if (!line.dashed) {
          ctx.fillRect(position, 0, length, bitmapSize.height);
          continue;
        }
        for (let y = 0; y < bitmapSize.height; y += dash * 2) ctx.fillRect(position, y, length, dash);
      }
    });
  }
}

/** Turns the lines' logical indices into x coordinates; recomputed on every viewport change. */
class VerticalLinesPaneView implements IPanePrimitivePaneView {
  private geometry: LineGeometry[] = [];

  constructor(private readonly source: VerticalLinesPrimitive) {}

  update(): void {
    this.geometry = [];
    const timeScale = this.source.timeScale();
    if (!timeScale) return;
    for (const line of this.source.lines) {
      const x = timeScale.logicalToCoordinate(line.index as Logical);
      if (x === null) continue;
      this.geometry.push({ x, color: line.color, dashed: line.dashed, width: line.width });
    }
  }

  renderer(): IPrimitivePaneRenderer {
    return new VerticalLinesRenderer(this.geometry);
  }

  /** Behind the series and their markers, so a line never hides the bar or label it marks. */
  zOrder(): PrimitivePaneViewZOrder {
    return 'bottom';
  }
}

/**
 * Full-height vertical lines as a pane primitive (one instance per pane, so lines cross every
 * pane). Lines later in the list are drawn over earlier ones.
 */
export class VerticalLinesPrimitive extends PrimitiveBase<PaneAttachedParameter<Time>> implements IPanePrimitive<Time> {
  lines: readonly VerticalLine[] = [];
  private readonly views = [new VerticalLinesPaneView(this)];

  /** Replaces the lines and asks the chart to redraw. */
  setLines(lines: readonly VerticalLine[]): void {
    this.lines = lines;
    this.requestUpdate();
  }

  updateAllViews(): void {
    for (const v of this.views) v.update();
  }
  paneViews(): readonly IPanePrimitivePaneView[] {
    return this.views;
  }
}
