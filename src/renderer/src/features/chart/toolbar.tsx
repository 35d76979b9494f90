import { moveFocusInList } from '../../ui/list-keys';
import { RANGE_PRESETS, type RangePreset } from './range-presets';

/** What the toolbar's buttons do; the feature that owns the view (the study) supplies it. */
export interface ChartToolbarProps {
  /** False until a chart with data is on screen. */
  readonly enabled: boolean;
  readonly logScale: boolean;
  setLogScale(on: boolean): void;
  applyPreset(preset: RangePreset): void;
  /** Event navigation; absent hides nothing but disables the event buttons. */
  readonly events: {
    readonly count: number;
    fit(): void;
    step(direction: 1 | -1): void;
  } | null;
}

/** Range presets, log scale, fit-to-events and previous/next event for the chart on screen. */
export function ChartToolbar({ enabled, logScale, setLogScale, applyPreset, events }: ChartToolbarProps) {
  const disabled = !enabled;
  const noEvents = !events || events.count === 0;
  return (
    <div
      className="chart-toolbar"
      role="toolbar"
      aria-label="Chart view"
      onKeyDown={(e) => moveFocusInList(e, 'button', 'horizontal')}
    >
      <div className="chart-toolbar-group" role="group" aria-label="Range">
        {RANGE_PRESETS.map((p) => (
          <button
            key={p}
            type="button"
            className="chip"
            disabled={disabled}
            onClick={() => applyPreset(p)}
            data-range={p}
          >
            {p}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="chip"
        aria-pressed={logScale}
        disabled={disabled}
        onClick={() => setLogScale(!logScale)}
        title="Logarithmic price scale"
      >
        Log
      </button>
      <button
        type="button"
        className="chip"
        disabled={disabled || noEvents}
        onClick={() => events?.fit()}
        title="Show every event marked on this chart"
      >
        Fit events
      </button>
      <div className="chart-toolbar-group" role="group" aria-label="Events">
        <button
          type="button"
          className="chip"
          disabled={disabled || noEvents}
          onClick={() => events?.step(-1)}
          aria-keyshortcuts="[ Alt+ArrowLeft"
          title="Previous event ([ or Alt+←)"
        >
          ‹ Prev event
        </button>
        <button
          type="button"
          className="chip"
          disabled={disabled || noEvents}
          onClick={() => events?.step(1)}
          aria-keyshortcuts="] Alt+ArrowRight"
          title="Next event (] or Alt+→)"
        >
          Next event ›
        </button>
      </div>
    </div>
  );
}
