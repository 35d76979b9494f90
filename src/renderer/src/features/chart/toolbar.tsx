import { useStudyChart } from '../study/study-chart';
import { RANGE_PRESETS } from './range-presets';

/** Range presets, log scale, fit-to-events and previous/next event for the chart on screen. */
export function ChartToolbar() {
  const chart = useStudyChart();
  const disabled = chart.annotations === null;
  const noEvents = chart.chartEvents.length === 0;
  return (
    <div className="chart-toolbar" role="toolbar" aria-label="Chart view">
      <div className="chart-toolbar-group" role="group" aria-label="Range">
        {RANGE_PRESETS.map((p) => (
          <button
            key={p}
            type="button"
            className="chip"
            disabled={disabled}
            onClick={() => chart.applyPreset(p)}
            data-range={p}
          >
            {p}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="chip"
        aria-pressed={chart.logScale}
        disabled={disabled}
        onClick={() => chart.setLogScale(!chart.logScale)}
        title="Logarithmic price scale"
      >
        Log
      </button>
      <button
        type="button"
        className="chip"
        disabled={disabled || noEvents}
        onClick={chart.fitEvents}
        title="Show every event marked on this chart"
      >
        Fit events
      </button>
      <div className="chart-toolbar-group" role="group" aria-label="Events">
        <button
          type="button"
          className="chip"
          disabled={disabled || noEvents}
          onClick={() => chart.step(-1)}
          aria-keyshortcuts="[ Alt+ArrowLeft"
          title="Previous event ([ or Alt+←)"
        >
          ‹ Prev event
        </button>
        <button
          type="button"
          className="chip"
          disabled={disabled || noEvents}
          onClick={() => chart.step(1)}
          aria-keyshortcuts="] Alt+ArrowRight"
          title="Next event (] or Alt+→)"
        >
          Next event ›
        </button>
      </div>
    </div>
  );
}
