import { useEffect, useState, type ReactNode } from 'react';
import type { Ticker } from '../../../../shared/brand';
import type { Bar } from '../../../../shared/domain/bar';
import type { Instrument } from '../../../../shared/domain/instrument';
import { columnsToBars } from '../../../../shared/domain/bar-columns';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { useAppState } from '../../app/app-state';
import type { ThemeName } from './chart-theme';
import { PriceChart, type ChartHandle } from './price-chart';

interface Loaded {
  readonly symbol: Ticker;
  readonly instrument: Instrument;
  readonly bars: readonly Bar[];
}

export interface ChartViewProps {
  readonly theme: ThemeName;
  readonly onReady?: (handle: ChartHandle | null) => void;
  /** Controls shown under the title (range presets, log scale, event navigation). */
  readonly toolbar?: ReactNode;
  /** Absolutely positioned over the chart (legend, tooltips); it must not take pointer events. */
  readonly overlay?: ReactNode;
}

/** Reads the selected symbol's instrument and bars through the bridge and draws them. */
export function ChartView({ theme, onReady, toolbar, overlay }: ChartViewProps) {
  const { selected, dataVersion } = useAppState();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!selected) return;
    let live = true;
    Promise.all([api.instruments.get({ symbol: selected }), api.bars.range({ symbol: selected })])
      .then(([instrument, columns]) => {
        if (!live) return;
        // The chart still takes Bar objects; the chart controller will read the columns directly.
        setLoaded({ symbol: selected, instrument, bars: columnsToBars(columns) });
        setError(null);
      })
      .catch((e: unknown) => live && setError(describeError(e)));
    return () => {
      live = false;
    };
  }, [selected, dataVersion]);

  if (!selected) return <div className="chart-empty">Select an instrument to chart it.</div>;
  if (error)
    return (
      <div className="chart-empty error">
        Could not load {selected}: {error}
      </div>
    );
  if (!loaded || loaded.symbol !== selected) return <div className="chart-empty">Loading {selected}…</div>;
  if (loaded.bars.length === 0) return <div className="chart-empty">{selected} has no cached prices yet.</div>;
  const { instrument } = loaded;
  return (
    <section className="chart-view" aria-label={`Chart of ${instrument.symbol}`}>
      <header className="chart-title">
        <h1>{instrument.symbol}</h1>
        <span className="instrument-name">{instrument.name}</span>
        <span className="instrument-meta">
          {[instrument.exchange, instrument.currency, instrument.closeOnly ? 'close only' : null]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </header>
      {toolbar}
      <div className="chart-stage">
        <PriceChart instrument={instrument} bars={loaded.bars} theme={theme} onReady={onReady} />
        {overlay}
      </div>
    </section>
  );
}
