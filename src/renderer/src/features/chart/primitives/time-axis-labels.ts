import type {
  ISeriesPrimitive,
  ISeriesPrimitiveAxisView,
  Logical,
  SeriesAttachedParameter,
  Time,
} from 'lightweight-charts';
import { PrimitiveBase } from './primitive-base';

/** A label on the time axis at a session (logical index = bar index). */
export interface TimeAxisLabel {
  readonly index: number;
  readonly text: string;
  readonly textColor: string;
  readonly backColor: string;
}

const OFF_SCREEN = -1;

class TimeAxisLabelView implements ISeriesPrimitiveAxisView {
  private x = OFF_SCREEN;

  constructor(
    private readonly source: TimeAxisLabelsPrimitive,
    private readonly label: TimeAxisLabel,
  ) {}

  update(): void {
    const timeScale = this.source.timeScale();
    const x = timeScale?.logicalToCoordinate(this.label.index as Logical) ?? null;
    // Off the visible range the axis would pin the label to its edge, under the wrong session.
    this.x = x === null || !timeScale || x < 0 || x > timeScale.width() ? OFF_SCREEN : x;
  }
  coordinate(): number {
    return this.x;
  }
  text(): string {
    return this.label.text;
  }
  textColor(): string {
    return this.label.textColor;
  }
  backColor(): string {
    return this.label.backColor;
  }
  visible(): boolean {
    return this.x !== OFF_SCREEN;
  }
}

/**
 * Labels on the shared time axis. A series primitive, because only series primitives may add
 * time-axis views; the chart controller keeps it on the main series across series changes.
 */
export class TimeAxisLabelsPrimitive
  extends PrimitiveBase<SeriesAttachedParameter<Time>>
  implements ISeriesPrimitive<Time>
{
  private views: TimeAxisLabelView[] = [];

  setLabels(labels: readonly TimeAxisLabel[]): void {
    this.views = labels.map((l) => new TimeAxisLabelView(this, l));
    this.requestUpdate();
  }

  updateAllViews(): void {
    for (const v of this.views) v.update();
  }
  timeAxisViews(): readonly ISeriesPrimitiveAxisView[] {
    return this.views;
  }
}
