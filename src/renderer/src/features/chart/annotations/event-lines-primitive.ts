import type {
  IPrimitivePaneRenderer,
  IPrimitivePaneView,
  ISeriesPrimitive,
  ISeriesPrimitiveAxisView,
  Logical,
  PrimitivePaneViewZOrder,
  SeriesAttachedParameter,
  Time,
} from 'lightweight-charts';
import { linePositions } from './bitmap';

type Target = Parameters<IPrimitivePaneRenderer['draw']>[0];

/** One vertical event line at a session (logical index = bar index). */
export interface EventLine {
  readonly id: string;
  readonly index: number;
  readonly color: string;
  readonly dashed: boolean;
  readonly emphasised: boolean;
  /** Text of the time-axis label, shown only for emphasised lines. */
  readonly label: string;
  readonly labelTextColor: string;
}

interface LineGeometry {
  readonly x: number;
  readonly color: string;
  readonly dashed: boolean;
  readonly width: number;
}

/** Draws the lines in device pixels; dashes are filled rectangles, so they stay crisp. */
class EventLinesRenderer implements IPrimitivePaneRenderer {
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
class EventLinesPaneView implements IPrimitivePaneView {
  private geometry: LineGeometry[] = [];

  constructor(private readonly source: EventLinesPrimitive) {}

  update(): void {
    const timeScale = this.source.chartTimeScale();
    if (!timeScale) {
      this.geometry = [];
      return;
    }
    this.geometry = [];
    for (const line of this.source.lines) {
      const x = timeScale.logicalToCoordinate(line.index as Logical);
      if (x === null) continue;
      this.geometry.push({ x, color: line.color, dashed: line.dashed, width: line.emphasised ? 2 : 1 });
    }
  }

  renderer(): IPrimitivePaneRenderer {
    return new EventLinesRenderer(this.geometry);
  }

  /** Behind the candles and the markers, so a line never hides the bar or label it marks. */
  zOrder(): PrimitivePaneViewZOrder {
    return 'bottom';
  }
}

/** A label on the time axis under an emphasised line (the selected or hovered event). */
class EventLineAxisView implements ISeriesPrimitiveAxisView {
  private x = 0;

  constructor(
    private readonly source: EventLinesPrimitive,
    private readonly line: EventLine,
  ) {}

  update(): void {
    this.x = this.source.chartTimeScale()?.logicalToCoordinate(this.line.index as Logical) ?? -1e6;
  }
  coordinate(): number {
    return this.x;
  }
  text(): string {
    return this.line.label;
  }
  textColor(): string {
    return this.line.labelTextColor;
  }
  backColor(): string {
    return this.line.color;
  }
  visible(): boolean {
    return this.x > -1e5;
  }
}

/**
 * Vertical event lines as a series primitive. Attach one instance to the price series and one
 * to the volume series so the lines cross every pane; only the instance created with
 * `axisLabels: true` labels the time axis (the axis is shared, one label is enough).
 */
export class EventLinesPrimitive implements ISeriesPrimitive<Time> {
  lines: readonly EventLine[] = [];
  private attachedTo: SeriesAttachedParameter<Time> | null = null;
  private readonly views = [new EventLinesPaneView(this)];
  private axisViews: EventLineAxisView[] = [];

  constructor(private readonly options: { readonly axisLabels: boolean }) {}

  attached(param: SeriesAttachedParameter<Time>): void {
    this.attachedTo = param;
  }
  detached(): void {
    this.attachedTo = null;
  }

  /** Replaces the lines and asks the chart to redraw. */
  setLines(lines: readonly EventLine[]): void {
    this.lines = lines;
    this.axisViews = this.options.axisLabels
      ? lines.filter((l) => l.emphasised).map((l) => new EventLineAxisView(this, l))
      : [];
    this.attachedTo?.requestUpdate();
  }

  /** @internal for the views */
  chartTimeScale() {
    return this.attachedTo?.chart.timeScale() ?? null;
  }

  updateAllViews(): void {
    for (const v of this.views) v.update();
    for (const v of this.axisViews) v.update();
  }
  paneViews(): readonly IPrimitivePaneView[] {
    return this.views;
  }
  timeAxisViews(): readonly ISeriesPrimitiveAxisView[] {
    return this.axisViews;
  }
}
