import type { Bar } from '../../../../shared/domain/bar';
import type { Instrument } from '../../../../shared/domain/instrument';
import { formatPercent, formatPrice, formatVolume, signClass } from '../../ui/format';
import { lastValidIndex, legendValues } from './legend-values';

export interface ChartLegendProps {
  readonly instrument: Instrument;
  readonly bars: readonly Bar[];
  /** The bar index to show (the crosshair's, or a resting one); null shows the last valid session. */
  readonly index: number | null;
}

/**
 * The crosshair legend: date, OHLC (or the close of a close-only series), change against the
 * last valid close before, volume. A half-day placeholder says so instead of showing a price.
 */
export function ChartLegend({ instrument, bars, index }: ChartLegendProps) {
  const at = index ?? lastValidIndex(bars);
  const v = at === null ? null : legendValues(bars, at);
  if (!v) return null;
  if (v.kind === 'placeholder') {
    return (
      <div className="chart-legend" data-testid="chart-legend" data-date={v.date}>
        <span className="legend-date">{v.date}</span>
        <span className="legend-flag">half-day placeholder: no verified prices, drawn as a gap</span>
      </div>
    );
  }
  const item = (label: string, value: number | null) =>
    value === null ? null : (
      <span className="legend-item">
        <span className="legend-label">{label}</span> {formatPrice(value)}
      </span>
    );
  return (
    <div className="chart-legend" data-testid="chart-legend" data-date={v.date}>
      <span className="legend-date">{v.date}</span>
      {instrument.closeOnly ? (
        item('Close', v.close)
      ) : (
        <>
          {item('O', v.open)}
          {item('H', v.high)}
          {item('L', v.low)}
          {item('C', v.close)}
        </>
      )}
      <span
        className={`legend-item ${signClass(v.change)}`}
        title={v.changeBase ? `Close-to-close change from ${v.changeBase}` : 'First cached session'}
      >
        {formatPercent(v.change)}
      </span>
      {v.volume !== null && (
        <span className="legend-item">
          <span className="legend-label">Vol</span> {formatVolume(v.volume)}
        </span>
      )}
      {bars.length > 0 && (
        <span className="legend-item legend-asof" data-testid="legend-asof" title="Last cached session of this series">
          as of {bars.at(-1)!.date}
        </span>
      )}
    </div>
  );
}
