import type { ReactNode } from 'react';
import { selectionSymbols } from '../../app/selection';
import { useChart } from './chart-context';
import type { ChartContent } from './chart-content';
import { ChartSurface } from './chart-surface';
import './chart.css';

export interface ChartViewProps {
  /** Controls shown under the title (range presets, log scale, event navigation). */
  readonly toolbar?: ReactNode;
  /** Absolutely positioned over the chart (legend, tooltips); it must not take pointer events. */
  readonly overlay?: ReactNode;
  /** Under the chart, while data is on it (the chart's text alternative). */
  readonly below?: ReactNode;
}

function Title({ content }: { content: ChartContent }) {
  if (content.selection.kind === 'compare') {
    return (
      <header className="chart-title">
        <h1>{content.members.map((m) => m.instrument.symbol).join(' · ')}</h1>
        <span className="instrument-meta">rebased to 100</span>
      </header>
    );
  }
  const { instrument } = content.main;
  return (
    <header className="chart-title">
      <h1>{instrument.symbol}</h1>
      <span className="instrument-name">{instrument.name}</span>
      <span className="instrument-meta">
        {[instrument.exchange, instrument.currency, instrument.closeOnly ? 'close only' : null]
          .filter(Boolean)
          .join(' · ')}
      </span>
    </header>
  );
}

/**
 * The chart area: title, toolbar, and the stage with the window's one chart and its overlay.
 * The chart surface stays mounted whatever the state; messages (nothing selected, loading, no
 * prices, an error) are shown over it.
 */
export function ChartView({ toolbar, overlay, below }: ChartViewProps) {
  const { content, data } = useChart();
  let message: ReactNode = null;
  if (data.state === 'none') message = 'Select an instrument to chart it.';
  else if (data.state === 'loading') message = `Loading ${selectionSymbols(data.selection).join(', ')}…`;
  else if (data.state === 'no-bars') message = `${data.symbols.join(', ')} has no cached prices yet.`;
  else if (data.state === 'error')
    message = `Could not load ${selectionSymbols(data.selection).join(', ')}: ${data.message}`;
  const label = content ? `Chart of ${content.members.map((m) => m.instrument.symbol).join(', ')}` : 'Chart';
  return (
    <section className="chart-view" aria-label={label}>
      {content && <Title content={content} />}
      {content && toolbar}
      <div className="chart-stage">
        <ChartSurface hidden={!content} />
        {content && overlay}
        {message && <div className={data.state === 'error' ? 'chart-empty error' : 'chart-empty'}>{message}</div>}
      </div>
      {content && below}
    </section>
  );
}
